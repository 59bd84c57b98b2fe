import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

// On a server of two CPUs, the pool's threads, PostgreSQL and the serving thread want three:
// a request then waits its turn on the run queue (the hostile benchmark measured 4-10 ms of
// waiting per slow /api/jobs answer, with the main thread runnable all along). At the lowest CPU
// priority, a pool thread still has every idle CPU, but gives way the moment a request is ready.

/** The nice value of ingestion's worker threads: the lowest priority there is. */
export const POOL_THREAD_NICE = 19;

/**
 * Lower the calling worker thread's CPU priority. Linux only: there a nice value belongs to one
 * thread; elsewhere (macOS, Windows) the same call would lower the whole process, the serving
 * thread too. Never on a main thread: a module that imports the task file there (a test, a
 * script) must not slow the thread that serves.
 */
export function lowerThisThreadsPriority(where: { platform: NodeJS.Platform; mainThread: boolean } = { platform: process.platform, mainThread: isMainThread }): boolean {
  if (where.platform !== 'linux' || where.mainThread) return false;
  try {
    setPriority(POOL_THREAD_NICE);
    return true;
  } catch {
    return false; // a sandbox that forbids it: the thread keeps the server's priority
  }
}
