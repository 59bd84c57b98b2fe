// Errors the database layer throws: a misconfigured environment (ConfigError, which lib/env and the
// CLIs use too) and an embedded store another process holds. lib/errors.ts gathers them with the rest.

/** The environment is wrong: a malformed variable or an unreachable server. Message names the variable. */
export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/** Another process owns the embedded database. */
export class DatabaseBusyError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseBusyError';
  }
}
