import { z } from 'zod';

// Typed errors, mapped to HTTP statuses in one place (app/api/http.ts) and to exit codes in CLIs.

export { ConfigError, DatabaseBusyError } from '../db/errors';

export class BadInputError extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'BadInputError';
  }
}

/**
 * The field errors of a failed zod parse, the first message per field. A nested field keeps its
 * whole path ("filters.language", "languages.0") and an issue with the whole input is `form`'s.
 * Given `field`, the schema checks that one value (a URL, a JSON parameter): its first message is the field's.
 */
export function fieldErrors(error: z.ZodError, field?: string): Record<string, string> {
  const flat = z.flattenError(error, (issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const fields: Record<string, string> = {};
  const issues = [...Object.values<{ path: string; message: string }[]>(flat.fieldErrors).flat(), ...flat.formErrors.map(({ message }) => ({ path: 'form', message }))];
  for (const { path, message } of issues) fields[field ?? path] ??= message;
  return fields;
}

/** The request clashes with existing data (an email already registered). */
export class ConflictError extends BadInputError {
  constructor(message: string, fields: Record<string, string> = {}) {
    super(message, fields);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends Error {
  constructor(message = 'Not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class UnauthorizedError extends Error {
  constructor(message = 'Sign in required') {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

/** Signed in, but this account may not do that (an admin-only action): 403. */
export class ForbiddenError extends Error {
  constructor(message = 'Only an admin of this instance may do that') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** A rate limit refused the request; `retryAt` is when trying again can succeed. */
export class TooManyRequestsError extends Error {
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
    this.name = 'TooManyRequestsError';
  }
}

/** The request body is larger than the route accepts (413). */
export class PayloadTooLargeError extends Error {
  constructor(
    readonly limitBytes: number,
    message = `The request body is larger than ${Math.round(limitBytes / 1024)} kB.`,
  ) {
    super(message);
    this.name = 'PayloadTooLargeError';
  }
}

/** A page a person linked could not be read (unreachable, refused, not HTML, no job on it): 422 with the reason. */
export class UnreadablePageError extends Error {
  constructor(
    readonly reason: string,
    message = 'Could not read that page. Fill in the details by hand.',
  ) {
    super(message);
    this.name = 'UnreadablePageError';
  }
}
