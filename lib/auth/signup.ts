import 'server-only';
import type { Db } from '../../db/types';
import { env } from '../env';
import { TooManyRequestsError } from '../errors';
import { signUp, type AccountUser } from './accounts';
import { recordHit, type RateLimit } from './rate-limit';

/**
 * Sign-ups allowed per address per hour: by default enough for a household, not for a script;
 * SIGNUP_LIMIT_PER_HOUR raises it for a class signing up from one address.
 */
export function signupLimit(): RateLimit {
  return { limit: env().SIGNUP_LIMIT_PER_HOUR, windowMs: 60 * 60_000 };
}

/** Sign up on behalf of a client address, refusing with TooManyRequestsError past the limit. */
export async function signUpFrom(db: Db, input: unknown, ip: string | null, now = new Date()): Promise<AccountUser> {
  if (ip) {
    // Counted before the work, atomically, so parallel sign-ups cannot all slip under the limit.
    const state = await recordHit(db, `signup:ip:${ip}`, signupLimit(), now);
    if (!state.allowed) throw new TooManyRequestsError('Too many sign-ups from this address. Try again later.', state.retryAt);
  }
  return signUp(db, input);
}
