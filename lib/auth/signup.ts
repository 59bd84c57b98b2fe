import type { Db } from '../../db/types';
import { TooManyRequestsError } from '../errors';
import { signUp, type AccountUser } from './accounts';
import { recordHit, type RateLimit } from './rate-limit';

/** Sign-ups allowed per address per hour: enough for a household, not for a script. */
export const SIGNUP_LIMIT: RateLimit = { limit: 10, windowMs: 60 * 60_000 };

/** Sign up on behalf of a client address, refusing with TooManyRequestsError past the limit. */
export async function signUpFrom(db: Db, input: unknown, ip: string | null, now = new Date()): Promise<AccountUser> {
  if (ip) {
    // Counted before the work, atomically, so parallel sign-ups cannot all slip under the limit.
    const state = await recordHit(db, `signup:ip:${ip}`, SIGNUP_LIMIT, now);
    if (!state.allowed) throw new TooManyRequestsError('Too many sign-ups from this address. Try again later.', state.retryAt);
  }
  return signUp(db, input);
}
