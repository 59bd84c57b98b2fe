import { describe, expect, it } from 'vitest';
import { cronForInterval } from './cron';

describe('cronForInterval', () => {
  it.each([
    [5, '*/5 * * * *'],
    [15, '*/15 * * * *'],
    [25, '*/20 * * * *'],
    [30, '*/30 * * * *'],
    [60, '0 * * * *'],
    [90, '0 */2 * * *'],
    [360, '0 */6 * * *'],
    [1440, '0 0 * * *'],
    [10080, '0 0 * * *'],
  ])('%i minutes -> %s', (minutes, cron) => {
    expect(cronForInterval(minutes)).toBe(cron);
  });
});
