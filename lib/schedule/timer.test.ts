import { describe, expect, it } from 'vitest';
import { startTimer } from './timer';

describe('startTimer (the in-process schedules)', () => {
  it('joins a tick already under way instead of starting another, and logs a failure and goes on', async () => {
    const logs: string[] = [];
    let runs = 0;
    let release: () => void = () => {};
    const timer = startTimer({
      name: 'test',
      tickMs: 3_600_000,
      firstTickMs: 3_600_000,
      log: (message) => logs.push(message),
      job: async () => {
        runs++;
        if (runs === 2) throw new Error('boom');
        await new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = timer.tick();
    const second = timer.tick(); // while the first runs
    expect(second).toBe(first);
    release();
    await first;
    expect(runs).toBe(1);
    await timer.tick(); // the failing run
    expect(logs).toEqual(['test tick failed: boom']);
    const third = timer.tick();
    release();
    await third;
    expect(runs).toBe(3);
    timer.stop();
  });
});
