import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema';
import type { Db } from '../../db/types';
import { BadInputError, ConflictError } from '../errors';
import { burnPasswordCheck, hashPassword, PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, verifyPassword } from './password';
import { checkRateLimit, clearRateLimit, recordHit, type RateLimit } from './rate-limit';

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }).max(254, { error: 'That email address is too long.' }));

export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .refine((p) => Buffer.byteLength(p) <= PASSWORD_MAX_BYTES, { error: `Use at most ${PASSWORD_MAX_BYTES} bytes.` });

export const signUpSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: z.string().trim().max(100).optional(),
});

export interface AccountUser {
  id: string;
  email: string | null;
  name: string | null;
}

/** Field errors from a zod result, keyed by field name (the first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Create an email + password account. BadInputError for bad fields, ConflictError if taken. */
export async function signUp(db: Db, input: unknown): Promise<AccountUser> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) throw new BadInputError('Check the highlighted fields.', fieldErrors(parsed.error));
  const { email, password, name } = parsed.data;
  const passwordHash = await hashPassword(password);
  const [user] = await db
    .insert(users)
    .values({ email, passwordHash, name: name || email.split('@')[0] })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!user) throw new ConflictError('An account with that email already exists.', { email: 'An account with that email already exists.' });
  return user;
}

// Failed sign-ins allowed per window: per account (guessing one password) and per address
// (trying many accounts). Counted in the database so every server process shares them.
export const ACCOUNT_LIMIT: RateLimit = { limit: 5, windowMs: 15 * 60_000 };
export const IP_LIMIT: RateLimit = { limit: 20, windowMs: 15 * 60_000 };

export type SignInResult =
  | { ok: true; user: AccountUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAt: Date };

/** Check an email and password, counting failures per account and per IP. */
export async function authenticate(
  db: Db,
  input: { email: unknown; password: unknown; ip?: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const email = emailSchema.safeParse(input.email);
  const password = typeof input.password === 'string' ? input.password : '';
  if (!email.success || password === '' || Buffer.byteLength(password) > 1024) return { ok: false, reason: 'invalid' };
  const keys = [
    { key: `signin:account:${email.data}`, rule: ACCOUNT_LIMIT },
    ...(input.ip ? [{ key: `signin:ip:${input.ip}`, rule: IP_LIMIT }] : []),
  ];
  for (const { key, rule } of keys) {
    const state = await checkRateLimit(db, key, rule, now);
    if (!state.allowed) return { ok: false, reason: 'rate_limited', retryAt: state.retryAt };
  }
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.data));
  const valid = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  if (!valid || !user) {
    for (const { key, rule } of keys) await recordHit(db, key, rule, now);
    return { ok: false, reason: 'invalid' };
  }
  await clearRateLimit(db, keys[0]!.key);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

export async function findUser(db: Db, id: string): Promise<AccountUser | null> {
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, id));
  return user ?? null;
}
