import type { Db } from '../../db/types';
import { TooManyRequestsError } from '../errors';
import { signUp, type AccountUser } from './accounts';
import { checkRateLimit, recordHit, type RateLimit } from './rate-limit';

/** Sign-ups allowed per address per hour: enough for a household, not for a script. */
export const SIGNUP_LIMIT: RateLimit = { limit: 10, windowMs: 60 * 60_000 };

/** Sign up on behalf of a client address, refusing with TooManyRequestsError past the limit. */
export async function signUpFrom(db: Db, input: unknown, ip: string | null, now = new Date()): Promise<AccountUser> {
  if (ip) {
    const key = `signup:ip:${ip}`;
    const state = await checkRateLimit(db, key, SIGNUP_LIMIT, now);
    if (!state.allowed) throw new TooManyRequestsError('Too many sign-ups from this address. Try again later.', state.retryAt);
    await recordHit(db, key, SIGNUP_LIMIT, now);
  }
  return signUp(db, input);
}
