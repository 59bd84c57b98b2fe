import { NextResponse } from 'next/server';
import { BadInputError, ConfigError, ConflictError, ForbiddenError, NotFoundError, PayloadTooLargeError, TooManyRequestsError, UnauthorizedError, UnreadablePageError } from '@/lib/errors';
import { env } from '@/lib/env';
import { BadCursorError } from '@/lib/search/search';
import { siteOrigin } from '@/lib/security/request-policy';

// The one place typed errors become HTTP statuses. Unknown errors are logged with their cause
// and answered with a generic message.

export function json(body: unknown, status = 200, headers?: HeadersInit): NextResponse {
  return NextResponse.json(body, { status, headers });
}

/** This site's origin as the client reached it (TRUST_PROXY decides whether forwarded headers count), for absolute URLs. */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const headers = request.headers.has('host') ? request.headers : new Headers([...request.headers, ['host', url.host]]);
  return siteOrigin(headers, env().TRUST_PROXY, url.protocol === 'https:' ? 'https' : 'http').origin;
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof BadCursorError) return json({ error: error.message, parameter: 'cursor' }, 400);
  if (error instanceof ConflictError) return json({ error: error.message, fields: error.fields }, 409);
  if (error instanceof BadInputError) return json({ error: error.message, fields: error.fields }, 400);
  if (error instanceof TooManyRequestsError) {
    const seconds = Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 1000));
    return json({ error: error.message }, 429, { 'Retry-After': String(seconds) });
  }
  if (error instanceof UnreadablePageError) return json({ error: error.message, reason: error.reason }, 422);
  if (error instanceof PayloadTooLargeError) return json({ error: error.message }, 413);
  if (error instanceof UnauthorizedError) return json({ error: error.message }, 401);
  if (error instanceof ForbiddenError) return json({ error: error.message }, 403);
  if (error instanceof NotFoundError) return json({ error: error.message }, 404);
  if (error instanceof ConfigError) {
    console.error('[api] configuration error', error);
    return json({ error: 'The service is not available right now. Try again shortly.' }, 503);
  }
  console.error('[api] unexpected error', error);
  return json({ error: 'Something went wrong on our side.' }, 500);
}

/** No route accepts a body larger than this (the CSV import's 2 MB is the largest). */
export const ANY_BODY_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Wrap a route handler so no error escapes as an HTML 500 page, and so a request declaring a
 * body larger than any route takes is refused (413) before the route runs: proxy.ts lets those
 * through unchecked so they can be answered at once.
 */
export function handle<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      const request = args[0];
      if (request instanceof Request && Number(request.headers.get('content-length') ?? 0) > ANY_BODY_MAX_BYTES) {
        throw new PayloadTooLargeError(ANY_BODY_MAX_BYTES);
      }
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Every JSON body stops here (the CSV import has its own, larger cap). */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

/**
 * The request body, refusing (PayloadTooLargeError, 413) as soon as more than `limit` bytes
 * have arrived: a declared Content-Length over the limit is refused before reading, and the
 * bytes are counted as they stream in, so a missing or lying Content-Length buys nothing.
 * Nothing past the limit is ever buffered.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => {});
    throw new PayloadTooLargeError(limit);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The request body as JSON, at most JSON_BODY_MAX_BYTES; a body that is not JSON is a 400, not a 500. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const bytes = await readBodyBytes(request, JSON_BODY_MAX_BYTES);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    throw new BadInputError('The request body must be JSON.', { body: 'must be a JSON object' });
  }
}
