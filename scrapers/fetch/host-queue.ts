// Politeness: a board's server sees at most one request from us at a time, with a pause
// between them, while requests to different boards still run in parallel.

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** setTimeout as a promise; rejects with the signal's reason when aborted. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * `promise`, or a rejection with the signal's reason as soon as it aborts. Guards against
 * an injected sleep that ignores its signal, and lets a queued request leave the line.
 */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

interface HostState {
  /** Settles when the last task queued for this host has finished. */
  tail: Promise<void>;
  queued: number;
  lastEndAt: number;
}

export class HostQueue {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly minIntervalMs: number,
    private readonly now: () => number,
    private readonly sleep: Sleep,
  ) {}

  /**
   * Run `task` once every earlier task for `host` has ended and `minIntervalMs` has passed
   * since the last one ended. Aborting `signal` while waiting rejects with its reason.
   */
  async run<T>(host: string, signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
    this.prune();
    const state = this.hosts.get(host) ?? { tail: Promise.resolve(), queued: 0, lastEndAt: Number.NEGATIVE_INFINITY };
    this.hosts.set(host, state);
    const previous = state.tail;
    let release!: () => void;
    state.tail = new Promise<void>((resolve) => (release = resolve));
    state.queued++;
    const leave = () => {
      state.queued--;
      release();
    };

    try {
      await abortable(previous, signal);
    } catch (error) {
      // Keep our place until the one before us ends, so those behind us still wait for it.
      void previous.then(leave);
      throw error;
    }

    let started = false;
    try {
      // Capped so a wall clock stepping backwards cannot stall a host for longer than one interval.
      const gap = Math.min(this.minIntervalMs, state.lastEndAt + this.minIntervalMs - this.now());
      if (gap > 0) await abortable(this.sleep(gap, signal), signal);
      started = true;
      return await task();
    } finally {
      if (started) state.lastEndAt = this.now();
      leave();
    }
  }

  // Forget idle hosts whose pause has run out, so a long-lived process does not keep them all.
  private prune(): void {
    const now = this.now();
    for (const [host, state] of this.hosts) {
      if (state.queued === 0 && state.lastEndAt + this.minIntervalMs <= now) this.hosts.delete(host);
    }
  }
}
