import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import zlib from 'node:zlib';
import type { FetchError } from '../errors';
import { pinnedLookup, type ResolvedAddress } from './guard';
import { abortedError, failure, formatBytes, formatDuration, networkError, tooLargeError } from './messages';

// One HTTP request/response: timeouts, abort, and a size cap on the decompressed body.
// Retries, redirects and per-host pacing live in ../fetcher.ts.

export interface ExchangeLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBodyBytes: number;
}

export interface ExchangeResult {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** The decompressed body for 2xx responses; null otherwise (never read). */
  body: Buffer | null;
}

/**
 * `connectTo`: the addresses the guard checked for url's host; the connection goes to one of
 * them (the Host header and TLS server name still say the host name). Unset: the system's DNS.
 */
export function exchange(
  url: URL,
  headers: OutgoingHttpHeaders,
  limits: ExchangeLimits,
  signal?: AbortSignal,
  connectTo?: readonly ResolvedAddress[],
): Promise<ExchangeResult> {
  return new Promise<ExchangeResult>((resolve, reject) => {
    const href = url.href;
    if (signal?.aborted) return reject(abortedError(href, signal.reason));

    let settled = false;
    const cleanups: Array<() => void> = [];
    const finish = (error: FetchError | null, result?: ExchangeResult) => {
      if (settled) return;
      settled = true;
      for (const cleanup of cleanups) cleanup();
      if (error) {
        req.destroy();
        reject(error);
      } else {
        resolve(result!);
      }
    };

    const transport = url.protocol === 'https:' ? https : http;
    // agent: false = a fresh connection per request. Requests to a host are spaced by the
    // pacing interval anyway, and a pooled socket the server already closed would only turn
    // into a spurious ECONNRESET and a retry.
    let req: http.ClientRequest;
    try {
      const lookup = connectTo ? pinnedLookup(url.hostname, connectTo) : undefined;
      req = transport.request(url, { method: 'GET', headers, agent: false, ...(lookup ? { lookup } : {}) });
    } catch (error) {
      // node:http validates options and headers synchronously (e.g. a bad userAgent option).
      return reject(failure('network', href, `could not send the request: ${(error as Error).message}`, { cause: error }));
    }
    req.on('error', (error) => finish(networkError(href, error)));

    const totalTimer = setTimeout(
      () => finish(failure('timeout', href, `timed out after ${formatDuration(limits.totalTimeoutMs)}`)),
      limits.totalTimeoutMs,
    );
    const connectTimer = setTimeout(
      () => finish(failure('timeout', href, `could not connect within ${formatDuration(limits.connectTimeoutMs)}`)),
      limits.connectTimeoutMs,
    );
    cleanups.push(() => clearTimeout(totalTimer), () => clearTimeout(connectTimer));
    req.on('socket', (socket: Socket) => {
      if (!socket.connecting) return clearTimeout(connectTimer);
      // For https the connection is usable only once TLS is up, so that counts as connecting too.
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });

    if (signal) {
      const onAbort = () => finish(abortedError(href, signal.reason));
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }

    req.on('response', (res) => {
      clearTimeout(connectTimer);
      const status = res.statusCode ?? 0;
      const base = { status, statusText: res.statusMessage || http.STATUS_CODES[status] || '', headers: res.headers };
      if (status < 200 || status > 299) {
        // Nothing we do with a redirect, 304 or error body is worth downloading it.
        finish(null, { ...base, body: null });
        res.destroy();
        return;
      }
      readBody(res, href, status, limits.maxBodyBytes, (error, body) =>
        error ? finish(error) : finish(null, { ...base, body: body! }),
      );
    });

    req.end();
  });
}

function readBody(
  res: IncomingMessage,
  url: string,
  status: number,
  maxBytes: number,
  done: (error: FetchError | null, body?: Buffer) => void,
): void {
  let finished = false;
  let inflater: zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress | null = null;
  const end = (error: FetchError | null, body?: Buffer) => {
    if (finished) return;
    finished = true;
    if (error) {
      inflater?.destroy();
      res.destroy();
    }
    done(error, body);
  };

  const declared = Number(res.headers['content-length']);
  if (res.headers['content-length'] !== undefined && Number.isFinite(declared) && declared > maxBytes) {
    return end(tooLargeError(url, maxBytes, status, `Content-Length is ${formatBytes(declared)}`));
  }
  const encoding = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (!['identity', 'gzip', 'x-gzip', 'deflate', 'br'].includes(encoding)) {
    return end(failure('http', url, `unsupported Content-Encoding "${encoding}"`, { status }));
  }

  const chunks: Buffer[] = [];
  let decodedBytes = 0;
  // With its length stated (and no encoding), the body is copied into one buffer of its own as it
  // arrives: no multi-megabyte copy at the end holds the event loop, and ingestion's worker pool
  // can take that buffer over without copying it again (it is not a slice of Node's shared pool).
  let whole = encoding === 'identity' && Number.isSafeInteger(declared) && declared > 0 ? Buffer.allocUnsafeSlow(declared) : null;
  const accept = (chunk: Buffer) => {
    decodedBytes += chunk.length;
    if (decodedBytes > maxBytes) return end(tooLargeError(url, maxBytes, status));
    if (whole && decodedBytes <= whole.length) chunk.copy(whole, decodedBytes - chunk.length);
    else {
      // More than was stated (the HTTP parser normally refuses it): gather the rest as chunks.
      if (whole) chunks.push(whole.subarray(0, decodedBytes - chunk.length));
      whole = null;
      chunks.push(chunk);
    }
  };
  const complete = () => {
    if (whole) end(null, decodedBytes === whole.length ? whole : whole.subarray(0, decodedBytes));
    // A body of unstated length (chunked, or compressed) arrives as chunks: joined a slice at a
    // time, so a multi-megabyte feed is not copied in one block of the event loop.
    else joinChunks(chunks, decodedBytes).then((body) => end(null, body), (error: unknown) => end(networkError(url, error)));
  };

  // The wire bytes are capped too, so a compressed stream cannot pile up faster than it inflates.
  let wireBytes = 0;
  res.on('data', (chunk: Buffer) => {
    if (finished) return;
    wireBytes += chunk.length;
    if (wireBytes > maxBytes) return end(tooLargeError(url, maxBytes, status));
    if (encoding === 'identity') return accept(chunk);
    if (!inflater) {
      inflater = createInflater(encoding, chunk);
      inflater.on('data', accept);
      inflater.on('end', complete);
      inflater.on('error', (error) =>
        end(failure('network', url, `could not decompress the ${encoding} body: ${error.message}`, { status, cause: error })),
      );
    }
    inflater.write(chunk);
  });
  res.on('end', () => (inflater ? inflater.end() : complete()));
  res.on('error', (error) => end(networkError(url, error)));
  res.on('close', () => {
    if (!res.complete) end(failure('network', url, 'connection closed before the body was complete', { status }));
  });
}

/** Bytes copied between yields to the event loop while joining a body's chunks (about a millisecond's copy). */
export const JOIN_SLICE_BYTES = 1 << 20;

/**
 * The chunks as one buffer of its own (ingestion's worker pool can take it over without a copy),
 * copied JOIN_SLICE_BYTES at a time with a turn of the event loop between slices.
 */
export async function joinChunks(chunks: readonly Buffer[], total: number): Promise<Buffer> {
  const joined = Buffer.allocUnsafeSlow(total);
  let offset = 0;
  let sinceYield = 0;
  for (const chunk of chunks) {
    const length = Math.min(chunk.length, total - offset);
    joined.set(length === chunk.length ? chunk : chunk.subarray(0, length), offset);
    offset += length;
    sinceYield += length;
    if (sinceYield >= JOIN_SLICE_BYTES && offset < total) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
  }
  return offset === total ? joined : joined.subarray(0, offset);
}

function createInflater(encoding: string, firstChunk: Buffer) {
  // Z_SYNC_FLUSH on finish: like browsers, accept a compressed body whose trailer is missing.
  const options = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (encoding === 'br') return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  if (encoding === 'deflate') {
    // "deflate" should be zlib-wrapped, but some servers send raw deflate; a zlib header's
    // low nibble is 8 (the deflate method).
    return (firstChunk[0]! & 0x0f) === 0x08 ? zlib.createInflate(options) : zlib.createInflateRaw(options);
  }
  return zlib.createGunzip(options);
}
