// A PostgreSQL restart cuts every connection and refuses new ones for a few seconds. The
// bookkeeping that must survive it (an ingestion recording its own failure, releasing its
// lease) retries through that window instead of leaving a run "running" until its lease expires.

// admin_shutdown, crash_shutdown, cannot_connect_now, and "database is not accepting connections".
const SERVER_GOING_AWAY = new Set(['57P01', '57P02', '57P03', '55000']);
const CLIENT_SIDE = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

/** Is this error (or its cause, as drizzle wraps driver errors) a lost or refused connection? */
export function isConnectionError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (SERVER_GOING_AWAY.has(code) || CLIENT_SIDE.has(code))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Run `work`, retrying while the database is unreachable, for up to about `withinMs`. */
export async function retryWhileUnreachable<T>(work: () => Promise<T>, withinMs = 30_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 4000)) {
    try {
      return await work();
    } catch (error) {
      if (!isConnectionError(error) || Date.now() + delay > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
