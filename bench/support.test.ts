import { describe, expect, it } from 'vitest';
import { throughputRatio } from './support';

describe('throughputRatio', () => {
  it('is the measured throughput over the floor, to two decimals', () => {
    expect(throughputRatio(41.3, 82.6)).toBe(0.5);
    expect(throughputRatio(1160, 1547)).toBe(0.75);
    expect(throughputRatio(2, 3)).toBe(0.67);
    expect(throughputRatio(300, 100)).toBe(3);
  });

  it('is null when either side was not measured or the floor did no work', () => {
    expect(throughputRatio(null, 100)).toBeNull();
    expect(throughputRatio(100, undefined)).toBeNull();
    expect(throughputRatio(100, 0)).toBeNull();
    expect(throughputRatio(100, Number.NaN)).toBeNull();
    expect(throughputRatio(Number.POSITIVE_INFINITY, 100)).toBeNull();
  });

  it('is 0, not null, when the measured side did nothing', () => {
    expect(throughputRatio(0, 100)).toBe(0);
  });
});
