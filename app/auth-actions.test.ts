import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.AUTH_BCRYPT_ROUNDS = '4';
});

import { users } from '@/db/schema';
import { getProfile } from '@/lib/profile/profile';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.9' }) }));
const signIn = vi.fn<(...args: unknown[]) => unknown>();
// next-auth itself reaches for next/server, which only Next provides; the actions need its AuthError class.
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('@/lib/auth/next-auth', () => ({ signIn: (...args: unknown[]) => signIn(...args), signOut: vi.fn() }));
const { signUpWithPassword } = await import('./auth-actions');

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};
const zoneOf = async (email: string) => {
  const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await getProfile(t.db, user!.id)).timeZone;
};

describe(`sign-up form: the hidden time zone field (${TEST_DRIVER})`, () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    acting.db = t.db;
  });
  afterAll(async () => t?.close());

  it("keeps the browser's zone, then signs in and goes to settings", async () => {
    await signUpWithPassword({}, form({ email: 'tz@example.com', password: 'a long password', timeZone: 'Europe/Berlin', next: '' }));
    expect(await zoneOf('tz@example.com')).toBe('Europe/Berlin');
    expect(signIn).toHaveBeenCalledWith('credentials', expect.objectContaining({ email: 'tz@example.com', redirectTo: '/settings?welcome=1' }));
  });

  it('starts in UTC when the field is forged or missing, and still refuses bad passwords', async () => {
    await signUpWithPassword({}, form({ email: 'forged@example.com', password: 'a long password', timeZone: 'Europe/Nowhere' }));
    expect(await zoneOf('forged@example.com')).toBe('UTC');
    await signUpWithPassword({}, form({ email: 'nofield@example.com', password: 'a long password' }));
    expect(await zoneOf('nofield@example.com')).toBe('UTC');
    const refused = await signUpWithPassword({}, form({ email: 'weak@example.com', password: 'short', timeZone: 'Europe/Berlin' }));
    expect(refused.fields).toHaveProperty('password');
  });
});
