import { NextResponse } from 'next/server';
import { BadInputError, ConfigError, ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError, UnauthorizedError } from '@/lib/errors';
import { BadCursorError } from '@/lib/search/search';

// The one place typed errors become HTTP statuses. Unknown errors are logged with their cause
// and answered with a generic message.

export function json(body: unknown, status = 200, headers?: HeadersInit): NextResponse {
  return NextResponse.json(body, { status, headers });
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof BadCursorError) return json({ error: error.message, parameter: 'cursor' }, 400);
  if (error instanceof ConflictError) return json({ error: error.message, fields: error.fields }, 409);
  if (error instanceof BadInputError) return json({ error: error.message, fields: error.fields }, 400);
  if (error instanceof TooManyRequestsError) {
    const seconds = Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 1000));
    return json({ error: error.message }, 429, { 'Retry-After': String(seconds) });
  }
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

/** Wrap a route handler so no error escapes as an HTML 500 page. */
export function handle<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The request body as JSON; a body that is not JSON is a 400, not a 500. */
export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new BadInputError('The request body must be JSON.', { body: 'must be a JSON object' });
  }
}
