import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { savedSearches } from '@/db/schema';
import { acting } from '@/test/support/acting-user';
import { insertUser } from '@/test/support/factories';
import { startSmtpServer, type TestSmtpServer } from '@/test/support/smtp-server';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-db';

// POST /api/saved-searches/:id/digest ("Send now") against the real route, a test database
// and a real SMTP server on 127.0.0.1; SMTP_URL is the mocked mail config's.
const mail: { config: { url: string; from: string } | null } = { config: null };
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
vi.mock('@/lib/mail/config', async (original) => ({
  ...(await original<typeof import('@/lib/mail/config')>()),
  mailConfig: () => mail.config,
  mailConfigured: () => mail.config !== null,
}));
const { POST } = await import('./route');

let t: TestDatabase;
let smtp: TestSmtpServer;
beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});
beforeEach(() => {
  mail.config = { url: smtp.url, from: 'trackend <digests@trackend.test>' };
});

async function searchOf(userId: string) {
  const [row] = await t.db.insert(savedSearches).values({ userId, name: 'Mine', filters: { language: ['go'] }, feedTokenHash: randomBytes(16).toString('hex') }).returning();
  return row!;
}
const send = (id: string) => POST(new Request(`http://localhost/api/saved-searches/${id}/digest`, { method: 'POST' }), { params: Promise.resolve({ id }) });

describe('POST /api/saved-searches/:id/digest', () => {
  it('answers 202 and sends the digest to the account address at once', async () => {
    const user = await insertUser(t.db);
    const search = await searchOf(user.id);
    acting.userId = user.id;
    const response = await send(search.id);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: 'sent' });
    expect(smtp.received.filter((m) => m.to.includes(user.email!))).toHaveLength(1);
  });

  it('answers 409 when SMTP is not configured, 401 signed out, 404 for another user or a made-up id', async () => {
    const alice = await insertUser(t.db);
    const bob = await insertUser(t.db);
    const search = await searchOf(alice.id);
    acting.userId = alice.id;
    mail.config = null;
    const off = await send(search.id);
    expect(off.status).toBe(409);
    expect(((await off.json()) as { error: string }).error).toMatch(/SMTP_URL is not set/);
    mail.config = { url: smtp.url, from: 'digests@trackend.test' };
    acting.userId = null;
    expect((await send(search.id)).status).toBe(401);
    acting.userId = bob.id;
    expect((await send(search.id)).status).toBe(404);
    expect((await send('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await send('../../etc')).status).toBe(404);
    expect(smtp.received.filter((m) => m.to.includes(alice.email!))).toHaveLength(0);
  });
});
