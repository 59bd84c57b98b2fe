import { BadInputError, ConfigError } from './errors';

const isArgsError = (error: unknown) =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS');

/**
 * Run a CLI's main function. Bad flags exit 2 and configuration problems exit 1, each with one
 * clear line and no stack trace; anything unexpected prints the error with its cause and exits 1.
 */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    process.exitCode = code ?? 0;
  } catch (error) {
    if (error instanceof BadInputError || isArgsError(error)) {
      console.error(`trackend: ${(error as Error).message} (see --help)`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError) {
      console.error(`trackend: ${error.message}`);
      process.exitCode = 1;
    } else {
      console.error('trackend: unexpected error', error);
      process.exitCode = 1;
    }
  }
}
