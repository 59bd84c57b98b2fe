// Next.js calls register() once when the server starts. On the Node.js runtime it starts the
// in-process ingestion schedule (PGlite mode). `process.env.NEXT_RUNTIME` is read directly
// because Next replaces it at build time, which keeps the Node-only code out of the edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startAppSchedule } = await import('./lib/schedule/app');
    startAppSchedule();
  }
}
