import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.AUTH_BCRYPT_ROUNDS = '4';
});

import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { signUp } from '@/lib/auth/accounts';
import { insertApplication } from '@/test/support/factories';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
const { DELETE } = await import('./route');
const { GET } = await import('./export/route');

beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
});
afterAll(async () => t?.close());

const del = (body: unknown) => DELETE(new Request('http://localhost/api/account', { method: 'DELETE', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }));

describe(`/api/account (${TEST_DRIVER})`, () => {
  it('answers 401 when signed out', async () => {
    acting.userId = null;
    expect((await GET()).status).toBe(401);
    expect((await del({ password: 'x', confirm: 'delete my account' })).status).toBe(401);
  });

  it('GET /export: one JSON attachment of the signed-in user, never cached', async () => {
    const user = await signUp(t.db, { email: 'exporter@example.com', password: 'a long password' });
    await insertApplication(t.db, user.id, { company: 'Gopher Inc' });
    acting.userId = user.id;
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="trackend-account-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const data = (await response.json()) as { user: { email: string }; applications: { company: string }[] };
    expect(data.user.email).toBe('exporter@example.com');
    expect(data.applications.map((a) => a.company)).toEqual(['Gopher Inc']);
  });

  it('DELETE: 400 naming the field without the confirmation or with a wrong password, 204 and gone with both', async () => {
    const user = await signUp(t.db, { email: 'leaver@example.com', password: 'a long password' });
    acting.userId = user.id;
    const unconfirmed = await del({ password: 'a long password' });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.json()).toMatchObject({ fields: { confirm: expect.stringContaining('delete my account') } });
    const wrong = await del({ password: 'nope', confirm: 'delete my account' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ fields: { password: expect.any(String) } });
    expect((await del({ password: 'a long password', confirm: 'delete my account' })).status).toBe(204);
    await expect(t.db.select().from(users).where(eq(users.id, user.id))).resolves.toEqual([]);
  });
});
