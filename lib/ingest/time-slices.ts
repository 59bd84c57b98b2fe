import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

// Work that must stay on the serving event loop (validating, hashing, serializing rows) runs in
// slices: after SLICE_MS it lets waiting requests in before going on.

/** How long one slice may hold the event loop. */
export const SLICE_MS = 10;

/** A clock for one loop: `await pause()` yields once the current slice has run SLICE_MS. */
export function timeSlices(): () => Promise<void> {
  let sliceStarted = performance.now();
  return async () => {
    if (performance.now() - sliceStarted <= SLICE_MS) return;
    await yieldToEventLoop();
    sliceStarted = performance.now();
  };
}
