import { BadInputError, NotFoundError, TooManyRequestsError, UnauthorizedError } from '@/lib/errors';

/** What a form's server action answers: a message for the user, and per-field errors. */
export interface ActionOutcome {
  ok?: string;
  error?: string;
  fields?: Record<string, string>;
}

/**
 * The one way server actions turn a thrown error into an answer: typed errors become messages
 * the user can act on; anything else is logged and answered generically, never shown raw.
 */
export function actionFailure(error: unknown, context: { area: string; what: string; missing: string; signedOut?: string }): ActionOutcome {
  if (error instanceof UnauthorizedError) return { error: context.signedOut ?? 'Your session ended. Sign in again to continue.' };
  if (error instanceof NotFoundError) return { error: context.missing };
  if (error instanceof BadInputError) return { error: error.message, fields: error.fields };
  if (error instanceof TooManyRequestsError) return { error: error.message };
  console.error(`[${context.area}] ${context.what} failed`, error);
  return { error: `Could not ${context.what}. Try again in a moment.` };
}
