import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { profiles, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { ianaTimeZone } from '../dates/zone';
import { BadInputError, ConflictError, fieldErrors, NotFoundError, TooManyRequestsError } from '../errors';
import { burnPasswordCheck, hashPassword, isCommonPassword, PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, verifyPassword } from './password';
import { clearRateLimit, recordHit, releaseHit, type RateLimit } from './rate-limit';
import { endAllServerSessions } from './server-sessions';

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }).max(254, { error: 'That email address is too long.' }));

export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .refine((p) => Buffer.byteLength(p) <= PASSWORD_MAX_BYTES, { error: `Use at most ${PASSWORD_MAX_BYTES} bytes.` })
  .refine((p) => !isCommonPassword(p), { error: 'That password is one of the most common ones, which attackers try first. Choose another.' });

export const signUpSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: z.string().trim().max(100).optional(),
  /** The browser's IANA zone (the sign-up form's hidden field); anything else starts the account in UTC. */
  timeZone: z
    .unknown()
    .optional()
    .transform((value) => ianaTimeZone(value) ?? 'UTC'),
});

export interface AccountUser {
  id: string;
  email: string | null;
  name: string | null;
}

/** Create an email + password account. BadInputError for bad fields, ConflictError if taken. */
export async function signUp(db: Db, input: unknown): Promise<AccountUser> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) throw new BadInputError('Check the highlighted fields.', fieldErrors(parsed.error));
  const { email, password, name, timeZone } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, passwordHash, name: name || email.split('@')[0] })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) throw new ConflictError('An account with that email already exists.', { email: 'An account with that email already exists.' });
    // The day, the balance and follow-ups are the user's own from the first page on. In UTC no
    // row is needed: a missing profile reads as the defaults (lib/profile getProfile).
    if (timeZone !== 'UTC') await tx.insert(profiles).values({ userId: user.id, timeZone });
    return user;
  });
}

// Sign-in limits. Every attempt is counted before the password is checked (one atomic upsert
// per counter), so parallel guesses cannot slip under a limit.
// - per account and address: the tight one; a guesser at one address gets 5 tries;
// - per address, across accounts: against one address spraying many accounts;
// - per account, across addresses: a much larger budget, and past it the account is slowed to
//   one password check per ACCOUNT_PACE window rather than locked, so nobody can lock the
//   owner out: the owner's own address keeps its own 5 tries and, at worst, waits seconds.
// A successful sign-in gives its hit back, so only failures accumulate.
export const ACCOUNT_ADDRESS_LIMIT: RateLimit = { limit: 5, windowMs: 15 * 60_000 };
export const IP_LIMIT: RateLimit = { limit: 20, windowMs: 15 * 60_000 };
export const ACCOUNT_BUDGET: RateLimit = { limit: 50, windowMs: 15 * 60_000 };
export const ACCOUNT_PACE: RateLimit = { limit: 1, windowMs: 2_000 };

export type SignInResult =
  | { ok: true; user: AccountUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAt: Date };

/** Check an email and password, counting the attempt first (see the limits above). */
export async function authenticate(
  db: Db,
  input: { email: unknown; password: unknown; ip?: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const email = emailSchema.safeParse(input.email);
  const password = typeof input.password === 'string' ? input.password : '';
  if (!email.success || password === '' || Buffer.byteLength(password) > 1024) return { ok: false, reason: 'invalid' };
  const address = input.ip || 'unknown';
  const pairKey = `signin:account-ip:${email.data}|${address}`;
  const ipKey = input.ip ? `signin:ip:${input.ip}` : null;
  const accountKey = `signin:account:${email.data}`;

  const pair = await recordHit(db, pairKey, ACCOUNT_ADDRESS_LIMIT, now);
  if (!pair.allowed) return { ok: false, reason: 'rate_limited', retryAt: pair.retryAt };
  if (ipKey) {
    const perIp = await recordHit(db, ipKey, IP_LIMIT, now);
    if (!perIp.allowed) return { ok: false, reason: 'rate_limited', retryAt: perIp.retryAt };
  }
  const account = await recordHit(db, accountKey, ACCOUNT_BUDGET, now);
  if (!account.allowed) {
    const pace = await recordHit(db, `signin:account-pace:${email.data}`, ACCOUNT_PACE, now);
    if (!pace.allowed) return { ok: false, reason: 'rate_limited', retryAt: pace.retryAt };
  }

  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.data));
  const valid = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  if (!valid || !user) return { ok: false, reason: 'invalid' };
  await clearRateLimit(db, pairKey);
  if (ipKey) await releaseHit(db, ipKey);
  await releaseHit(db, accountKey);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/**
 * Confirm that the signed-in user typed their own password (to change it or delete the account),
 * through the same counted attempts as signing in. Accounts without a password (GitHub) pass.
 */
export async function confirmOwnPassword(db: Db, userId: string, password: unknown, field: string, ip: string | null): Promise<void> {
  const [user] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user) throw new NotFoundError('Your account no longer exists.');
  if (!user.passwordHash) return;
  const result = await authenticate(db, { email: user.email, password, ip });
  if (result.ok) return;
  if (result.reason === 'rate_limited') throw new TooManyRequestsError('Too many password attempts. Wait a little and try again.', result.retryAt);
  throw new BadInputError('That is not your current password.', { [field]: 'That is not your current password.' });
}

const changePasswordSchema = z.object({ currentPassword: z.string({ error: 'Enter your current password.' }), newPassword: newPasswordSchema });

/**
 * Change a password (the current one required) and end every session of the account, in one
 * transaction: whoever holds an old cookie is out. The caller signs the user in again.
 */
export async function changePassword(db: Db, userId: string, input: unknown, ip: string | null): Promise<void> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw new BadInputError('Check the highlighted fields.', fieldErrors(parsed.error));
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user) throw new NotFoundError('Your account no longer exists.');
  if (!user.passwordHash) throw new BadInputError('This account signs in with GitHub and has no password.', { currentPassword: 'This account has no password.' });
  await confirmOwnPassword(db, userId, parsed.data.currentPassword, 'currentPassword', ip);
  const passwordHash = await hashPassword(parsed.data.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await endAllServerSessions(tx, userId);
  });
}

export async function findUser(db: Db, id: string): Promise<AccountUser | null> {
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, id));
  return user ?? null;
}

/** Does the account sign in with a password (not only GitHub)? */
export async function accountHasPassword(db: Db, id: string): Promise<boolean> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  return Boolean(user?.passwordHash);
}
