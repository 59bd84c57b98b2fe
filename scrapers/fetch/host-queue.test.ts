import { describe, expect, it } from 'vitest';
import { HostQueue, realSleep } from './host-queue';

// Real short timers: the queue's job is ordering and spacing in time.

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function recorder() {
  const events: Array<{ name: string; at: number }> = [];
  const task = (name: string, ms: number) => async () => {
    events.push({ name: `${name}:start`, at: Date.now() });
    await delay(ms);
    events.push({ name: `${name}:end`, at: Date.now() });
    return name;
  };
  const at = (name: string) => events.find((e) => e.name === name)!.at;
  return { events, task, at };
}

describe('HostQueue', () => {
  it('runs one task per host at a time, spaced by the interval', async () => {
    const queue = new HostQueue(50, Date.now, realSleep);
    const { events, task, at } = recorder();
    const results = await Promise.all([queue.run('a.example', undefined, task('one', 20)), queue.run('a.example', undefined, task('two', 20))]);
    expect(results).toEqual(['one', 'two']);
    expect(events.map((e) => e.name)).toEqual(['one:start', 'one:end', 'two:start', 'two:end']);
    expect(at('two:start') - at('one:end')).toBeGreaterThanOrEqual(45); // 50ms, less clock granularity
  });

  it('runs different hosts in parallel', async () => {
    const queue = new HostQueue(50, Date.now, realSleep);
    const { events, task } = recorder();
    await Promise.all([queue.run('a.example', undefined, task('a', 30)), queue.run('b.example', undefined, task('b', 30))]);
    expect(events.map((e) => e.name).slice(0, 2).sort()).toEqual(['a:start', 'b:start']);
  });

  it('releases the host when a task fails', async () => {
    const queue = new HostQueue(0, Date.now, realSleep);
    const failing = queue.run('a.example', undefined, () => Promise.reject(new Error('boom')));
    const next = queue.run('a.example', undefined, async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });

  it('lets an aborted waiter leave the line without letting later ones jump the running task', async () => {
    const queue = new HostQueue(0, Date.now, realSleep);
    const { events, task } = recorder();
    const controller = new AbortController();
    const first = queue.run('a.example', undefined, task('first', 60));
    const aborted = queue.run('a.example', controller.signal, task('aborted', 10));
    const third = queue.run('a.example', undefined, task('third', 10));
    await delay(10);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    await Promise.all([first, third]);
    expect(events.map((e) => e.name)).toEqual(['first:start', 'first:end', 'third:start', 'third:end']);
  });

  it('aborts a wait for the interval', async () => {
    const queue = new HostQueue(10_000, Date.now, realSleep);
    await queue.run('a.example', undefined, async () => 'warm');
    const controller = new AbortController();
    const started = Date.now();
    const waiting = queue.run('a.example', controller.signal, async () => 'never');
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(waiting).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
