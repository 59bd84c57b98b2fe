// What the worker processes that tests spawn (pg-boss-test-worker.ts, digests-test-worker.ts)
// share: reports on stdout, one JSON object a line, and a graceful stop on SIGTERM.

/** Write one report line, tagged with this process's pid. */
export function emit(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ pid: process.pid, ...event })}\n`);
}

/** On SIGTERM: stop the worker, close the database, report `stopped`, exit 0. */
export function stopOnSigterm(worker: { stop: () => Promise<void> }, handle: { close: () => Promise<void> }): void {
  process.once('SIGTERM', () => {
    void (async () => {
      await worker.stop();
      await handle.close();
      emit({ stopped: true });
      process.exit(0);
    })();
  });
}
