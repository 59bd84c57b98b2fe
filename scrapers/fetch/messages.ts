import { FetchError, type FetchErrorKind } from '../errors';

// One place for the wording of fetch failures: ingestion shows `message` on the /boards page,
// so every message names the URL and says what happened in plain words.

export function failure(
  kind: FetchErrorKind,
  url: string,
  reason: string,
  options?: { status?: number; cause?: unknown },
): FetchError {
  return new FetchError(kind, url, `GET ${url} failed: ${reason}`, options);
}

/** The guard would not let a URL someone supplied reach this address; never retried. */
export function refusedError(url: string, reason: string, redirectedFrom: string | null): FetchError {
  return new FetchError('refused', url, `GET ${url} refused: ${reason}${redirectedFrom ? ` (redirected from ${redirectedFrom})` : ''}`);
}

export function abortedError(url: string, cause: unknown): FetchError {
  return new FetchError('aborted', url, `GET ${url} aborted`, { cause });
}

export function tooLargeError(url: string, maxBytes: number, status: number, detail?: string): FetchError {
  return failure('too_large', url, `body exceeds ${formatBytes(maxBytes)}${detail ? ` (${detail})` : ''}`, { status });
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed (temporary)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
};

/** A network-level error (DNS, refused, reset, TLS) as a readable FetchError('network'). */
export function networkError(url: string, error: unknown): FetchError {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : null;
  const message = error instanceof Error ? error.message : String(error);
  const known = code ? NETWORK_REASONS[code] : undefined;
  const reason = known
    ? `${known} (${code})`
    : code && /CERT|TLS|SSL/i.test(code)
      ? `TLS error: ${message}`
      : message;
  return failure('network', url, reason, { cause: error });
}

/** 250 → "250ms", 30000 → "30s", 1500 → "1.5s", 120000 → "2m". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 120_000) return `${Number((ms / 1000).toFixed(1))}s`;
  return `${Number((ms / 60_000).toFixed(1))}m`;
}

/** 10485760 → "10 MiB", 1000 → "1000 bytes". */
export function formatBytes(bytes: number): string {
  const units = [
    [1024 ** 3, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ] as const;
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}
