import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // The cheapest bcrypt cost: these tests are about the rules, not the hash strength.
  process.env.AUTH_BCRYPT_ROUNDS = '4';
});

import { eq, sql } from 'drizzle-orm';
import { rateLimits, users } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db';
import { BadInputError, ConflictError, TooManyRequestsError } from '../errors';
import { ACCOUNT_LIMIT, IP_LIMIT, authenticate, findUser, signUp } from './accounts';
import { SIGNUP_LIMIT, signUpFrom } from './signup';

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

describe('signUp', () => {
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

  it(`locks an account after ${ACCOUNT_LIMIT.limit} failures, even for the right password, until the window ends`, async () => {
    const email = freshEmail();
    await signUp(t.db, { email, password: 'right password' });
    const start = new Date('2026-11-25T10:00:00Z');
    for (let i = 0; i < ACCOUNT_LIMIT.limit; i++) {
      await expect(authenticate(t.db, { email, password: `guess ${i}`, ip: `10.0.0.${i}` }, start)).resolves.toMatchObject({ reason: 'invalid' });
    }
    const locked = await authenticate(t.db, { email, password: 'right password', ip: '10.0.1.1' }, start);
    expect(locked).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect((locked as { retryAt: Date }).retryAt.getTime()).toBe(start.getTime() + ACCOUNT_LIMIT.windowMs);
    const later = new Date(start.getTime() + ACCOUNT_LIMIT.windowMs + 1);
    await expect(authenticate(t.db, { email, password: 'right password' }, later)).resolves.toMatchObject({ ok: true });
  });

  it('a success clears the account counter, so earlier typos do not add up', async () => {
    const email = freshEmail();
    await signUp(t.db, { email, password: 'right password' });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < ACCOUNT_LIMIT.limit - 1; i++) await authenticate(t.db, { email, password: 'typo' });
      await expect(authenticate(t.db, { email, password: 'right password' })).resolves.toMatchObject({ ok: true });
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

describe('signUpFrom', () => {
  it(`refuses the ${SIGNUP_LIMIT.limit + 1}th sign-up from one address within the hour`, async () => {
    const ip = '192.0.2.44';
    const now = new Date('2026-11-25T12:00:00Z');
    for (let i = 0; i < SIGNUP_LIMIT.limit; i++) await signUpFrom(t.db, { email: freshEmail(), password: 'password!' }, ip, now);
    const error = await signUpFrom(t.db, { email: freshEmail(), password: 'password!' }, ip, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsError);
    await expect(signUpFrom(t.db, { email: freshEmail(), password: 'password!' }, null, now)).resolves.toMatchObject({ email: expect.any(String) });
  });
});

describe('findUser', () => {
  it('finds a user by id and nothing for an unknown id', async () => {
    const user = await signUp(t.db, { email: freshEmail(), password: 'password!' });
    await expect(findUser(t.db, user.id)).resolves.toEqual(user);
    await expect(findUser(t.db, 'no-such-user')).resolves.toBeNull();
  });
});
