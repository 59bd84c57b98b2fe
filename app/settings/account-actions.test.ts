import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.AUTH_BCRYPT_ROUNDS = '4';
});

import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { authenticate, signUp } from '@/lib/auth/accounts';
import { createServerSession, sessionUser } from '@/lib/auth/server-sessions';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.77' }) }));
// next-auth's signIn/signOut set cookies and redirect; here we only see that they were asked.
const auth = vi.hoisted(() => ({ signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('@/lib/auth/next-auth', () => auth);
const { changePasswordAction, deleteAccountAction, signOutEverywhereAction } = await import('./actions');

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};

let n = 0;
beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
});
afterAll(async () => t?.close());
beforeEach(() => {
  auth.signIn.mockClear();
  auth.signOut.mockClear();
});

async function member() {
  const email = `settings${++n}@example.com`;
  const user = await signUp(t.db, { email, password: 'old password' });
  acting.userId = user.id;
  return { user, email, sessions: [await createServerSession(t.db, user.id), await createServerSession(t.db, user.id)] };
}

describe(`account settings actions (${TEST_DRIVER})`, () => {
  it('change password: refuses a wrong current password, then changes it, ends every session and signs in again', async () => {
    const { user, email, sessions } = await member();
    const wrong = await changePasswordAction({}, form({ currentPassword: 'not it', newPassword: 'new password' }));
    expect(wrong.fields).toEqual({ currentPassword: 'That is not your current password.' });
    const short = await changePasswordAction({}, form({ currentPassword: 'old password', newPassword: 'short' }));
    expect(short.fields?.newPassword).toMatch(/at least 8/);
    expect(auth.signIn).not.toHaveBeenCalled();

    await changePasswordAction({}, form({ currentPassword: 'old password', newPassword: 'new password' }));
    for (const sid of sessions) await expect(sessionUser(t.db, sid, user.id)).resolves.toBeNull();
    expect(auth.signIn).toHaveBeenCalledWith('credentials', expect.objectContaining({ password: 'new password', redirectTo: '/settings?password=changed' }));
    await expect(authenticate(t.db, { email, password: 'new password' })).resolves.toMatchObject({ ok: true });
  });

  it('sign out everywhere: ends every session of the account, then this browser signs out', async () => {
    const { user, sessions } = await member();
    const other = await member();
    acting.userId = user.id;
    await signOutEverywhereAction();
    for (const sid of sessions) await expect(sessionUser(t.db, sid, user.id)).resolves.toBeNull();
    await expect(sessionUser(t.db, other.sessions[0]!, other.user.id)).resolves.not.toBeNull();
    expect(auth.signOut).toHaveBeenCalledWith({ redirectTo: '/signin' });
  });

  it('delete account: needs the typed confirmation, then deletes and signs out', async () => {
    const { user } = await member();
    const unconfirmed = await deleteAccountAction({}, form({ password: 'old password', confirm: 'delete' }));
    expect(Object.keys(unconfirmed.fields ?? {})).toEqual(['confirm']);
    expect(auth.signOut).not.toHaveBeenCalled();
    await deleteAccountAction({}, form({ password: 'old password', confirm: 'delete my account' }));
    await expect(t.db.select().from(users).where(eq(users.id, user.id))).resolves.toEqual([]);
    expect(auth.signOut).toHaveBeenCalledWith({ redirectTo: '/' });
  });

  it('asks signed-out visitors to sign in', async () => {
    acting.userId = null;
    expect(await changePasswordAction({}, form({ currentPassword: 'x', newPassword: 'new password' }))).toEqual({ error: 'Your session ended. Sign in again to continue.' });
    expect(await deleteAccountAction({}, form({ password: 'x', confirm: 'delete my account' }))).toEqual({ error: 'Your session ended. Sign in again to continue.' });
    await expect(signOutEverywhereAction()).rejects.toThrow(/Sign in required/);
  });
});
