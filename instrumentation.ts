// Next.js calls register() once when the server starts. On the Node.js runtime it starts the
// in-process ingestion schedule (PGlite mode). `process.env.NEXT_RUNTIME` is read directly
// because Next replaces it at build time, which keeps the Node-only code out of the edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // A missing-but-needed or too-short signing key stops the server at start with one line,
    // instead of every sign-in failing later (lib/auth/secret.ts).
    const { ConfigError } = await import('./lib/errors');
    const { authSecret } = await import('./lib/auth/secret');
    try {
      await authSecret();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(`trackend: ${error.message}`);
      process.exit(1);
    }
    const { startAppSchedule } = await import('./lib/schedule/app');
    startAppSchedule();
  }
}
