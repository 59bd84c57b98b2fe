import { ConfigError } from './errors';

/**
 * Run a CLI's main function: configuration problems print one clear line (no stack trace)
 * and exit 1; anything unexpected prints the error with its cause and exits 1.
 */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    process.exitCode = code ?? 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`trackend: ${error.message}`);
    } else {
      console.error('trackend: unexpected error', error);
    }
    process.exitCode = 1;
  }
}
