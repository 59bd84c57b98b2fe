import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // The cheapest bcrypt cost: these tests are about the rules, not the hash strength.
  process.env.AUTH_BCRYPT_ROUNDS = '4';
});

// Counts the real password checks (bcrypt compares against a stored hash).
vi.mock('./password', async (original) => {
  const actual = await original<typeof import('./password')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

import { eq, sql } from 'drizzle-orm';
import { rateLimits, users } from '../../db/schema';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { BadInputError, ConflictError, TooManyRequestsError } from '../errors';
import { ACCOUNT_ADDRESS_LIMIT, ACCOUNT_BUDGET, ACCOUNT_PACE, IP_LIMIT, authenticate, changePassword, findUser, signUp } from './accounts';
import { verifyPassword } from './password';
import { createServerSession, sessionUser } from './server-sessions';
import { signupLimit, signUpFrom } from './signup';

const checks = vi.mocked(verifyPassword);
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.db.delete(rateLimits).where(sql`true`);
});

let n = 0;
const freshEmail = () => `learner${++n}@example.com`;

describe(`signUp (${TEST_DRIVER})`, () => {
  it('creates an account with a bcrypt hash, never the password, and a lower-cased email', async () => {
    const user = await signUp(t.db, { email: '  Gopher@Example.COM ', password: 'correct horse' });
    expect(user.email).toBe('gopher@example.com');
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(row!.passwordHash).not.toContain('correct horse');
  });

  it('answers ConflictError for an email already registered, whatever its case', async () => {
    await signUp(t.db, { email: 'taken@example.com', password: 'password-1' });
    const error = await signUp(t.db, { email: 'TAKEN@example.com', password: 'password-2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).fields.email).toMatch(/already exists/);
  });

  it.each([
    [{ email: 'not-an-email', password: 'long enough' }, 'email'],
    [{ email: 'a@example.com', password: 'short' }, 'password'],
    [{ email: 'a@example.com', password: 'é'.repeat(40) }, 'password'], // 80 bytes: bcrypt would truncate
    [{ email: 'a@example.com', password: 'iloveyou1' }, 'password'], // among the most common
    [{ email: 'a@example.com', password: 'PassWord123' }, 'password'], // the same, whatever the case
    [{ password: 'long enough' }, 'email'],
    [{ email: 'a@example.com' }, 'password'],
    ['not an object', 'form'],
  ])('names the bad field for %j', async (input, field) => {
    const error = await signUp(t.db, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect(Object.keys((error as BadInputError).fields)).toContain(field);
  });
});

describe('authenticate', () => {
  it('accepts the right password and refuses a wrong one or an unknown email with the same answer', async () => {
    const email = freshEmail();
    const user = await signUp(t.db, { email, password: 'right password' });
    await expect(authenticate(t.db, { email: email.toUpperCase(), password: 'right password' })).resolves.toEqual({ ok: true, user });
    await expect(authenticate(t.db, { email, password: 'wrong password' })).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(authenticate(t.db, { email: 'nobody@example.com', password: 'right password' })).resolves.toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses accounts without a password (GitHub sign-ups) and malformed input', async () => {
    const [oauthUser] = await t.db.insert(users).values({ email: 'oauth@example.com' }).returning();
    expect(oauthUser!.passwordHash).toBeNull();
    await expect(authenticate(t.db, { email: 'oauth@example.com', password: 'anything' })).resolves.toMatchObject({ ok: false, reason: 'invalid' });
    await expect(authenticate(t.db, { email: 42, password: null })).resolves.toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('counts each attempt before the password check: 15 parallel wrong guesses get at most 5 checks', async () => {
    const email = freshEmail();
    await signUp(t.db, { email, password: 'right password' });
    checks.mockClear();
    const results = await Promise.all(Array.from({ length: 15 }, (_, i) => authenticate(t.db, { email, password: `guess ${i}`, ip: '198.51.100.20' })));
    expect(checks.mock.calls.length).toBeLessThanOrEqual(ACCOUNT_ADDRESS_LIMIT.limit);
    expect(results.filter((r) => r.ok === false && r.reason === 'rate_limited')).toHaveLength(15 - checks.mock.calls.length);
    // And the right password from that address now waits too, without a check.
    checks.mockClear();
    await expect(authenticate(t.db, { email, password: 'right password', ip: '198.51.100.20' })).resolves.toMatchObject({ reason: 'rate_limited' });
    expect(checks).not.toHaveBeenCalled();
  });

  it('cannot lock the owner out: failures from other addresses leave the owner\'s own tries', async () => {
    const email = freshEmail();
    await signUp(t.db, { email, password: 'right password' });
    const start = new Date('2026-11-25T10:00:00Z');
    for (let i = 0; i < ACCOUNT_ADDRESS_LIMIT.limit; i++) {
      await expect(authenticate(t.db, { email, password: `guess ${i}`, ip: '203.0.113.66' }, start)).resolves.toMatchObject({ reason: 'invalid' });
    }
    const locked = await authenticate(t.db, { email, password: 'right password', ip: '203.0.113.66' }, start);
    expect(locked).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect((locked as { retryAt: Date }).retryAt.getTime()).toBe(start.getTime() + ACCOUNT_ADDRESS_LIMIT.windowMs);
    // The owner, elsewhere, signs in at once.
    await expect(authenticate(t.db, { email, password: 'right password', ip: '192.0.2.10' }, start)).resolves.toMatchObject({ ok: true });
    // The attacker's address is free again when its window ends.
    const later = new Date(start.getTime() + ACCOUNT_ADDRESS_LIMIT.windowMs + 1);
    await expect(authenticate(t.db, { email, password: 'right password', ip: '203.0.113.66' }, later)).resolves.toMatchObject({ ok: true });
  });

  it(`past the account-wide budget of ${ACCOUNT_BUDGET.limit} failures, slows to one check per ${ACCOUNT_PACE.windowMs / 1000} s instead of locking`, async () => {
    const email = freshEmail();
    await signUp(t.db, { email, password: 'right password' });
    const start = new Date('2026-11-25T11:00:00Z');
    // Many addresses, a few guesses each: the budget runs out without any address hitting its limit.
    for (let i = 0; i < ACCOUNT_BUDGET.limit; i++) {
      await authenticate(t.db, { email, password: 'guess', ip: `10.1.${Math.floor(i / 4)}.${i % 4}` }, start);
    }
    const at = (ms: number) => new Date(start.getTime() + ms);
    checks.mockClear();
    await expect(authenticate(t.db, { email, password: 'guess', ip: '10.2.0.1' }, at(10))).resolves.toMatchObject({ reason: 'invalid' });
    const slowed = await authenticate(t.db, { email, password: 'right password', ip: '192.0.2.11' }, at(20));
    expect(slowed).toMatchObject({ reason: 'rate_limited' });
    expect((slowed as { retryAt: Date }).retryAt.getTime() - at(20).getTime()).toBeLessThanOrEqual(ACCOUNT_PACE.windowMs);
    expect(checks).toHaveBeenCalledTimes(1);
    // A few seconds later the owner is in, although the budget is still spent.
    await expect(authenticate(t.db, { email, password: 'right password', ip: '192.0.2.11' }, at(ACCOUNT_PACE.windowMs * 2))).resolves.toMatchObject({ ok: true });
  });

  it('a success gives its hits back, so earlier typos do not add up', async () => {
    const email = freshEmail();
    await signUp(t.db, { email, password: 'right password' });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < ACCOUNT_ADDRESS_LIMIT.limit - 1; i++) await authenticate(t.db, { email, password: 'typo', ip: '192.0.2.12' });
      await expect(authenticate(t.db, { email, password: 'right password', ip: '192.0.2.12' })).resolves.toMatchObject({ ok: true });
    }
  });

  it(`limits one address to ${IP_LIMIT.limit} failures across many accounts`, async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < IP_LIMIT.limit; i++) {
      await expect(authenticate(t.db, { email: freshEmail(), password: 'spray', ip })).resolves.toMatchObject({ reason: 'invalid' });
    }
    const email = freshEmail();
    await signUp(t.db, { email, password: 'right password' });
    await expect(authenticate(t.db, { email, password: 'right password', ip })).resolves.toMatchObject({ reason: 'rate_limited' });
    // Another address is not affected.
    await expect(authenticate(t.db, { email, password: 'right password', ip: '198.51.100.1' })).resolves.toMatchObject({ ok: true });
  });
});

describe('changePassword', () => {
  it('needs the current password, applies the password rules, and ends every session', async () => {
    const email = freshEmail();
    const user = await signUp(t.db, { email, password: 'first password' });
    const [s1, s2] = [await createServerSession(t.db, user.id), await createServerSession(t.db, user.id)];
    const other = await signUp(t.db, { email: freshEmail(), password: 'other password' });
    const otherSession = await createServerSession(t.db, other.id);

    const wrong = await changePassword(t.db, user.id, { currentPassword: 'nope', newPassword: 'second password' }, '192.0.2.30').catch((e: unknown) => e);
    expect((wrong as BadInputError).fields).toEqual({ currentPassword: 'That is not your current password.' });
    const common = await changePassword(t.db, user.id, { currentPassword: 'first password', newPassword: 'Password1' }, '192.0.2.30').catch((e: unknown) => e);
    expect((common as BadInputError).fields.newPassword).toMatch(/most common/);
    await expect(sessionUser(t.db, s1, user.id)).resolves.toMatchObject({ id: user.id });

    await changePassword(t.db, user.id, { currentPassword: 'first password', newPassword: 'second password' }, '192.0.2.30');
    await expect(sessionUser(t.db, s1, user.id)).resolves.toBeNull();
    await expect(sessionUser(t.db, s2, user.id)).resolves.toBeNull();
    await expect(sessionUser(t.db, otherSession, other.id)).resolves.toMatchObject({ id: other.id });
    await expect(authenticate(t.db, { email, password: 'first password' })).resolves.toMatchObject({ reason: 'invalid' });
    await expect(authenticate(t.db, { email, password: 'second password' })).resolves.toMatchObject({ ok: true });
  });

  it('counts wrong current passwords like sign-in attempts', async () => {
    const user = await signUp(t.db, { email: freshEmail(), password: 'first password' });
    for (let i = 0; i < ACCOUNT_ADDRESS_LIMIT.limit; i++) {
      await changePassword(t.db, user.id, { currentPassword: `guess ${i}`, newPassword: 'second password' }, '192.0.2.31').catch(() => {});
    }
    const error = await changePassword(t.db, user.id, { currentPassword: 'first password', newPassword: 'second password' }, '192.0.2.31').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsError);
  });
});

describe('signUpFrom', () => {
  it(`refuses the ${signupLimit().limit + 1}th sign-up from one address within the hour`, async () => {
    const ip = '192.0.2.44';
    const now = new Date('2026-11-25T12:00:00Z');
    for (let i = 0; i < signupLimit().limit; i++) await signUpFrom(t.db, { email: freshEmail(), password: 'pass-word-7' }, ip, now);
    const error = await signUpFrom(t.db, { email: freshEmail(), password: 'pass-word-7' }, ip, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsError);
    await expect(signUpFrom(t.db, { email: freshEmail(), password: 'pass-word-7' }, null, now)).resolves.toMatchObject({ email: expect.any(String) });
  });
});

describe('findUser', () => {
  it('finds a user by id and nothing for an unknown id', async () => {
    const user = await signUp(t.db, { email: freshEmail(), password: 'pass-word-7' });
    await expect(findUser(t.db, user.id)).resolves.toEqual(user);
    await expect(findUser(t.db, 'no-such-user')).resolves.toBeNull();
  });
});
