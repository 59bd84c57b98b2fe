import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { digestDeliveries, savedSearches } from '@/db/schema';
import { acting } from '@/test/support/acting-user';
import { insertBoard, insertListing, insertUser } from '@/test/support/factories';
import { startSmtpServer, type TestSmtpServer } from '@/test/support/smtp-server';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-db';
import { createMailer } from '@/lib/mail/transport';
import { runDigestTick } from '@/lib/digests/deliver';

// The unsubscribe link of a real digest email: no session anywhere (acting.userId stays null).
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
const { GET, POST } = await import('./route');

let t: TestDatabase;
let smtp: TestSmtpServer;
beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
  acting.userId = null;
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

/** A user with a digest-enabled search and one sent digest; returns the link in its List-Unsubscribe. */
async function sentDigest(name: string) {
  const user = await insertUser(t.db);
  const created = new Date('2026-06-01T12:00:00Z');
  const [search] = await t.db
    .insert(savedSearches)
    .values({ userId: user.id, name, filters: {}, feedTokenHash: randomBytes(16).toString('hex'), digestEnabled: true, digestHour: 7, createdAt: created, updatedAt: created })
    .returning();
  const board = await insertBoard(t.db);
  await insertListing(t.db, board.id, { firstSeenAt: new Date('2026-06-02T01:00:00Z') });
  const mailer = createMailer({ url: smtp.url, from: 'digests@trackend.test' });
  await runDigestTick({ db: t.db, mailer, baseUrl: 'http://localhost:3000', now: () => new Date('2026-06-02T07:30:00Z') });
  const mail = smtp.received.find((m) => m.to.includes(user.email!))!;
  const url = /^<(.+)>$/.exec(mail.parsed.headers['list-unsubscribe']!)![1]!;
  return { search: search!, url, token: url.split('/').pop()! };
}

const enabled = async (id: string) => (await t.db.select().from(savedSearches).where(eq(savedSearches.id, id)))[0]!.digestEnabled;
const params = (token: string) => ({ params: Promise.resolve({ token }) });

describe('/digests/unsubscribe/:token', () => {
  it('GET shows a confirm page with a button and changes nothing; its POST unsubscribes, no sign-in', async () => {
    const { search, url, token } = await sentDigest('Go <script>alert(1)</script>');
    expect(url).toBe(`http://localhost:3000/digests/unsubscribe/${token}`);
    const page = await GET(new Request(url), params(token));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<form method="post"><button type="submit">Unsubscribe</button></form>');
    expect(html).toContain('Go &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(await enabled(search.id)).toBe(true);

    const done = await POST(new Request(url, { method: 'POST', headers: { origin: 'http://localhost:3000' } }), params(token));
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('is off');
    expect(await enabled(search.id)).toBe(false);
    expect(await (await GET(new Request(url), params(token))).text()).toContain('already off');
  });

  it('takes the one-click POST of a mail client (RFC 8058)', async () => {
    const { search, url, token } = await sentDigest('One click');
    const response = await POST(
      new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }),
      params(token),
    );
    expect(response.status).toBe(200);
    expect(await enabled(search.id)).toBe(false);
    const [delivery] = await t.db.select().from(digestDeliveries).where(eq(digestDeliveries.savedSearchId, search.id));
    expect(delivery!.status).toBe('sent');
  });

  it('answers 404 to an unknown or malformed token and turns nothing off', async () => {
    const { search, token } = await sentDigest('Kept');
    for (const bad of [`${token.slice(0, -2)}xx`, 'short', 'a'.repeat(43), "%27%20or%201=1"]) {
      expect((await GET(new Request(`http://localhost/digests/unsubscribe/${bad}`), params(bad))).status).toBe(404);
      expect((await POST(new Request(`http://localhost/digests/unsubscribe/${bad}`, { method: 'POST' }), params(bad))).status).toBe(404);
    }
    expect(await enabled(search.id)).toBe(true);
  });
});
