import type { OutgoingHttpHeaders } from 'node:http';
import { FetchError } from './errors';
import { decodeBody } from './fetch/decode';
import { exchange } from './fetch/exchange';
import { createFetchGuard, type FetchGuardOptions } from './fetch/guard';
import { abortable, HostQueue, realSleep, type Sleep } from './fetch/host-queue';
import { abortedError, failure, formatDuration } from './fetch/messages';
import type { FetchedBody, FetchOptions, FetchText, NotModified, SuccessStatus } from './types';

// The one HTTP client every board scraper goes through (scrapers receive it as ctx.fetchText).

export interface FetcherOptions {
  /** Time to open the connection (DNS, TCP and, for https, TLS). */
  connectTimeoutMs: number;
  /** Time for one request from start to last body byte, per attempt and per redirect hop. */
  totalTimeoutMs: number;
  /** Cap on the decompressed body; also caps the bytes on the wire. */
  maxBodyBytes: number;
  /** Extra attempts after the first, on network errors, timeouts, 5xx and 429. */
  retries: number;
  /** Backoff before retry n (0-based) is random() * min(maxDelayMs, baseDelayMs * 2^n). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After we will wait; a server asking for more fails the fetch at once. */
  maxRetryAfterMs: number;
  /** Pause between the end of one request to a host and the start of the next. */
  minIntervalMsPerHost: number;
  maxRedirects: number;
  userAgent: string;
  /**
   * Guarded mode, for URLs a person supplied: every hop's host is resolved and checked against
   * the address policy (fetch/address-policy.ts) and the connection pinned to the checked
   * addresses. null: the operator's own URLs, resolved and connected as the system does.
   */
  guard: FetchGuardOptions | null;
  sleep: Sleep;
  now: () => number;
  random: () => number;
}

export const DEFAULT_FETCH_OPTIONS: Readonly<FetcherOptions> = Object.freeze({
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBodyBytes: 10 * 1024 * 1024,
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
  minIntervalMsPerHost: 1000,
  maxRedirects: 5,
  userAgent: 'trackend/0.1 (+https://github.com/trackend/trackend; job-search tracker for self-taught backend developers)',
  guard: null,
  sleep: realSleep,
  now: () => Date.now(),
  random: () => Math.random(),
});

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Milliseconds a Retry-After header asks us to wait (delay-seconds or an HTTP-date, measured
 * from `now`, epoch ms); 0 for a date in the past; null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only something with a month or weekday name is a date; Date.parse also accepts "-1" or "3.5".
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Full-jitter exponential backoff before retry `retryIndex` (0 for the first retry). */
export function backoffDelay(retryIndex: number, options: Pick<FetcherOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex);
  return Math.floor(options.random() * ceiling);
}

type StatusFailure = { failed: true; status: number; statusText: string; url: string; retryAfter: string | null };
type Attempt =
  | { ok: true; value: FetchedBody | NotModified }
  | { ok: false; error: FetchError; retryable: boolean; retryAfterMs: number | null };

export function createFetcher(overrides: Partial<FetcherOptions> = {}): { fetchText: FetchText } {
  const options: FetcherOptions = { ...DEFAULT_FETCH_OPTIONS };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) Object.assign(options, { [key]: value });
  }
  const queue = new HostQueue(options.minIntervalMsPerHost, options.now, options.sleep);
  const guard = options.guard ? createFetchGuard(options.guard) : null;

  /** One GET with its redirect chain; each hop waits its turn for its own host. */
  async function followRedirects(
    start: URL,
    headers: OutgoingHttpHeaders,
    signal: AbortSignal | undefined,
  ): Promise<FetchedBody | NotModified | StatusFailure> {
    let url = start;
    const visited = new Set([url.href]);
    let previous: string | null = null;
    for (let hops = 0; ; hops++) {
      const current = url;
      const from = previous;
      // Checked in the host's turn, right before connecting, so the answer is as fresh as can be.
      const res = await queue.run(current.hostname, signal, async () => {
        const connectTo = guard ? await guard.vet(current, options.connectTimeoutMs, signal, from) : undefined;
        return exchange(current, headers, options, signal, connectTo);
      });
      const href = current.href;

      if (REDIRECT_STATUSES.has(res.status)) {
        const status = res.status;
        if (hops >= options.maxRedirects) {
          throw failure('http', href, `too many redirects (more than ${options.maxRedirects})`, { status });
        }
        const location = res.headers.location;
        if (!location) throw failure('http', href, `HTTP ${status} redirect without a Location header`, { status });
        let next: URL;
        try {
          next = new URL(location, current);
        } catch (error) {
          throw failure('http', href, `HTTP ${status} redirect to an invalid URL "${location}"`, { status, cause: error });
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw failure('http', href, `redirected to ${next.href}, which is not an http(s) URL`, { status });
        }
        if (visited.has(next.href)) {
          throw failure('http', href, `redirect loop (${href} → ${next.href})`, { status });
        }
        visited.add(next.href);
        previous = href;
        url = next;
        continue;
      }

      if (res.status === 304) return { status: 304, url: href };
      if (res.body) {
        const contentType = res.headers['content-type'] ?? null;
        const bytes = res.body;
        let decoded: string | undefined;
        return {
          status: res.status as SuccessStatus,
          url: href,
          // Decoded on first read: a board parsed in the worker pool decodes `bytes` there instead.
          get body() {
            return (decoded ??= decodeBody(bytes, contentType));
          },
          bytes,
          contentType,
          etag: res.headers.etag ?? null,
          lastModified: res.headers['last-modified'] ?? null,
        };
      }
      const retryAfter = res.headers['retry-after'];
      return { failed: true, status: res.status, statusText: res.statusText, url: href, retryAfter: retryAfter ?? null };
    }
  }

  async function attempt(start: URL, headers: OutgoingHttpHeaders, signal: AbortSignal | undefined): Promise<Attempt> {
    let outcome: FetchedBody | NotModified | StatusFailure;
    try {
      outcome = await followRedirects(start, headers, signal);
    } catch (error) {
      if (signal?.aborted) return { ok: false, error: abortedError(start.href, signal.reason), retryable: false, retryAfterMs: null };
      if (!(error instanceof FetchError)) throw error;
      return { ok: false, error, retryable: error.kind === 'network' || error.kind === 'timeout', retryAfterMs: null };
    }
    if (!('failed' in outcome)) return { ok: true, value: outcome };

    const { status, url } = outcome;
    const error = failure('http', url, `HTTP ${status} ${outcome.statusText}`.trim(), { status });
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(outcome.retryAfter, options.now()) : null;
    return { ok: false, error, retryable: status >= 500 || status === 429, retryAfterMs };
  }

  const fetchText: FetchText = async (rawUrl, request: FetchOptions = {}) => {
    const { signal } = request;
    const start = parseHttpUrl(rawUrl);
    if (signal?.aborted) throw abortedError(start.href, signal.reason);
    const headers = requestHeaders(options.userAgent, request);

    for (let attemptNo = 1; ; attemptNo++) {
      const result = await attempt(start, headers, signal);
      if (result.ok) return result.value;
      const { error, retryAfterMs } = result;
      if (!result.retryable || attemptNo > options.retries) throw withAttempts(error, attemptNo);
      if (retryAfterMs !== null && retryAfterMs > options.maxRetryAfterMs) {
        // Waiting minutes inside one board's ingest would stall the whole run; fail visibly instead.
        throw new FetchError(
          error.kind,
          error.url,
          `${error.message}; the server asked us to retry after ${formatDuration(retryAfterMs)}, more than the ${formatDuration(options.maxRetryAfterMs)} we wait`,
          { status: error.status ?? undefined, cause: error },
        );
      }
      const delay = retryAfterMs ?? backoffDelay(attemptNo - 1, options);
      try {
        await abortable(options.sleep(delay, signal), signal);
      } catch (cause) {
        if (signal?.aborted) throw abortedError(start.href, signal.reason);
        throw cause;
      }
    }
  };

  return { fetchText };
}

function parseHttpUrl(rawUrl: string): URL {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch (error) {
    throw failure('network', rawUrl, 'not a valid URL', { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw failure('network', rawUrl, `only http and https URLs can be fetched, not ${url.protocol}`);
  }
  return url;
}

// Header values with control characters (a corrupted stored ETag) would make node:http throw.
const SAFE_HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]+$/;

function requestHeaders(userAgent: string, request: FetchOptions): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    'user-agent': userAgent,
    accept: request.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  const { etag, lastModified } = request.conditional ?? {};
  if (etag && SAFE_HEADER_VALUE.test(etag)) headers['if-none-match'] = etag;
  if (lastModified && SAFE_HEADER_VALUE.test(lastModified)) headers['if-modified-since'] = lastModified;
  return headers;
}

function withAttempts(error: FetchError, attempts: number): FetchError {
  if (attempts === 1) return error;
  return new FetchError(error.kind, error.url, `${error.message} (after ${attempts} attempts)`, {
    status: error.status ?? undefined,
    cause: error.cause,
  });
}
