// Typed scraper errors: ingestion records `kind` and `message` on the ingest run.

export type FetchErrorKind =
  | 'timeout' // connect or total time limit passed
  | 'network' // DNS, connection refused, reset
  | 'http' // a non-2xx, non-304 status after retries
  | 'too_large' // body over the size cap
  | 'refused' // the guarded fetcher would not reach that address (private, loopback, ...)
  | 'aborted'; // the caller cancelled

export class FetchError extends Error {
  readonly kind: FetchErrorKind;
  readonly url: string;
  readonly status: number | null;
  constructor(kind: FetchErrorKind, url: string, message: string, options?: { status?: number; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'FetchError';
    this.kind = kind;
    this.url = url;
    this.status = options?.status ?? null;
  }
}

/** The response arrived but is not what the board should send (truncated XML, HTML for a feed, bad JSON). */
export class ParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'ParseError';
  }
}
