import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { digestDeliveries, profiles, savedSearches, type SavedSearch } from '../../db/schema';
import type { Db } from '../../db/types';
import { insertBoard, insertListing, insertUser } from '../../test/support/factories';
import { startSmtpServer, type TestSmtpServer } from '../../test/support/smtp-server';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { NotFoundError, TooManyRequestsError } from '../errors';
import { createMailer, type Mailer } from '../mail/transport';
import { claimDueDigests, digestByUnsubscribeToken, MAX_ATTEMPTS, runDigestTick, sendDigestNow, SEND_NOW_PER_HOUR, unsubscribeDigest, type DigestContext } from './deliver';

// Digests against a real SMTP server on 127.0.0.1, on PGlite and (TEST_DATABASE_URL) PostgreSQL.
// The clock is the context's: "07:01 in Berlin" is a chosen instant, listings' first_seen_at too.

let t: TestDatabase;
let smtp: TestSmtpServer;
let mailer: Mailer;
let boardId: string;
let boardCount = 0;
const FROM = 'trackend <digests@trackend.test>';
const BASE = 'https://trackend.example.org';

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startSmtpServer({ user: 'mailer', password: 's3cret' });
  mailer = createMailer({ url: smtp.url, from: FROM }, { connectionTimeout: 3000, greetingTimeout: 3000, socketTimeout: 5000 });
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});
// Each test: its own board (its searches filter on it) and no other test's digests still on.
beforeEach(async () => {
  smtp.mode = 'ok';
  smtp.received.length = 0;
  boardId = (await insertBoard(t.db, `digest-board-${++boardCount}`)).id;
  await t.db.update(savedSearches).set({ digestEnabled: false }).where(eq(savedSearches.digestEnabled, true));
});

const at = (iso: string) => new Date(iso);
const contextAt = (now: Date, db: Db = t.db): DigestContext => ({ db, mailer, baseUrl: BASE, now: () => now });

async function userWithSearch(options: { timeZone?: string; hour?: number; createdAt?: Date; filters?: Record<string, string | string[]> } = {}) {
  const user = await insertUser(t.db);
  await t.db.insert(profiles).values({ userId: user.id, timeZone: options.timeZone ?? 'Europe/Berlin' });
  const createdAt = options.createdAt ?? at('2026-06-01T12:00:00Z');
  const [search] = await t.db
    .insert(savedSearches)
    .values({
      userId: user.id,
      name: 'Go, remote',
      filters: options.filters ?? { language: ['go'], remote: ['remote'], board: [boardId] },
      feedTokenHash: randomBytes(16).toString('hex'),
      digestEnabled: true,
      digestHour: options.hour ?? 7,
      createdAt,
      updatedAt: createdAt,
    })
    .returning();
  return { user, search: search! };
}

const goListing = (title: string, firstSeenAt: Date, extra: Parameters<typeof insertListing>[2] = {}) =>
  insertListing(t.db, boardId, { title, languages: ['go'], remote: 'remote', firstSeenAt, postedAt: firstSeenAt, ...extra });

const deliveriesOf = (search: SavedSearch) => t.db.select().from(digestDeliveries).where(eq(digestDeliveries.savedSearchId, search.id)).orderBy(digestDeliveries.createdAt);
const mailTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

describe('daily digest', () => {
  it('sends one email at the hour in the user zone with the new listings, both parts, the links and the unsubscribe headers', async () => {
    const { user, search } = await userWithSearch();
    const job = await goListing('Go <Backend> Engineer', at('2026-06-02T01:00:00Z'), { company: 'Acme & Co', url: 'https://golang.cafe/job/1' });
    await goListing('Python only', at('2026-06-02T01:00:00Z'), { languages: ['python'] });

    // 06:59 in Berlin (CEST, UTC+2): not yet.
    await runDigestTick(contextAt(at('2026-06-02T04:59:00Z')));
    expect(mailTo(user.email!)).toHaveLength(0);
    // 07:01: due.
    const summary = await runDigestTick(contextAt(at('2026-06-02T05:01:00Z')));
    expect(summary.sent).toBeGreaterThanOrEqual(1);
    const [mail] = mailTo(user.email!);
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('digests@trackend.test');
    const { headers, text, html } = mail!.parsed;
    expect(headers.from).toBe('trackend <digests@trackend.test>');
    expect(headers.subject).toBe('Go, remote: 1 new job');
    const unsubscribe = /^<(https:\/\/trackend\.example\.org\/digests\/unsubscribe\/[A-Za-z0-9_-]{43})>$/.exec(headers['list-unsubscribe'] ?? '')?.[1];
    expect(unsubscribe).toBeDefined();
    expect(headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    for (const part of [text, html]) {
      expect(part).toContain(`${BASE}/jobs/${job.id}`);
      expect(part).toContain('https://golang.cafe/job/1');
      expect(part).toContain(unsubscribe);
      expect(part).toContain('Go · remote');
      expect(part).not.toContain('Python only');
    }
    expect(text).toContain('Go <Backend> Engineer');
    expect(html).toContain('Go &lt;Backend&gt; Engineer');
    expect(html).toContain('Acme &amp; Co');

    // Later the same day, and on another worker tick: nothing more.
    await runDigestTick(contextAt(at('2026-06-02T15:00:00Z')));
    expect(mailTo(user.email!)).toHaveLength(1);
    const rows = await deliveriesOf(search);
    expect(rows).toMatchObject([{ status: 'sent', localDate: '2026-06-02', attempts: 1, kind: 'daily' }]);
    expect(rows[0]!.messageId).toMatch(/@/);
  });

  it('sends nothing when nothing is new, none the next morning either, and only the newer listings after that', async () => {
    const { user, search } = await userWithSearch({ timeZone: 'America/New_York', hour: 8, createdAt: at('2026-06-10T12:00:00Z') });
    const first = await goListing('First', at('2026-06-10T20:00:00Z'));
    await runDigestTick(contextAt(at('2026-06-11T12:05:00Z'))); // 08:05 EDT
    expect(mailTo(user.email!)).toHaveLength(1);
    await runDigestTick(contextAt(at('2026-06-12T12:05:00Z')));
    expect(mailTo(user.email!)).toHaveLength(1);
    await runDigestTick(contextAt(at('2026-06-13T12:05:00Z')));
    expect(mailTo(user.email!)).toHaveLength(1);
    const second = await goListing('Second', at('2026-06-13T20:00:00Z'));
    await runDigestTick(contextAt(at('2026-06-14T12:05:00Z')));
    const mails = mailTo(user.email!);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.parsed.text).toContain(`/jobs/${second.id}`);
    expect(mails[1]!.parsed.text).not.toContain(`/jobs/${first.id}`);
    expect((await deliveriesOf(search)).map((row) => [row.localDate, row.status])).toEqual([
      ['2026-06-11', 'sent'],
      ['2026-06-12', 'skipped'],
      ['2026-06-13', 'skipped'],
      ['2026-06-14', 'sent'],
    ]);
  });

  it('goes at the hour across a DST change (Berlin, 29 March 2026)', async () => {
    const { user } = await userWithSearch({ hour: 7, createdAt: at('2026-03-27T12:00:00Z') });
    await goListing('Before spring', at('2026-03-28T01:00:00Z'));
    await runDigestTick(contextAt(at('2026-03-28T05:59:00Z'))); // 06:59 CET
    expect(mailTo(user.email!)).toHaveLength(0);
    await runDigestTick(contextAt(at('2026-03-28T06:00:00Z'))); // 07:00 CET
    expect(mailTo(user.email!)).toHaveLength(1);
    await goListing('After spring', at('2026-03-28T22:00:00Z'));
    await runDigestTick(contextAt(at('2026-03-29T04:59:00Z'))); // 06:59 CEST
    expect(mailTo(user.email!)).toHaveLength(1);
    await runDigestTick(contextAt(at('2026-03-29T05:00:00Z'))); // 07:00 CEST
    expect(mailTo(user.email!)).toHaveLength(2);
  });

  it('sends nothing for a search with the digest off or whose hour passed before it was saved', async () => {
    const { user, search } = await userWithSearch({ createdAt: at('2026-06-20T10:00:00Z') }); // 12:00 in Berlin, after 07:00
    await goListing('Fresh', at('2026-06-20T10:30:00Z'));
    await runDigestTick(contextAt(at('2026-06-20T11:00:00Z')));
    expect(mailTo(user.email!)).toHaveLength(0);
    await t.db.update(savedSearches).set({ digestEnabled: false }).where(eq(savedSearches.id, search.id));
    await runDigestTick(contextAt(at('2026-06-21T05:30:00Z')));
    expect(mailTo(user.email!)).toHaveLength(0);
    expect(await deliveriesOf(search)).toHaveLength(0);
  });
});

describe('a failing SMTP server', () => {
  it.each(['reject', 'close'] as const)('(%s) is retried with backoff and the digest delivered once after it recovers', async (mode) => {
    const { user, search } = await userWithSearch({ createdAt: at('2026-07-01T12:00:00Z') });
    const job = await goListing(`Retry ${mode}`, at('2026-07-02T01:00:00Z'));
    smtp.mode = mode;
    const start = at('2026-07-02T05:01:00Z');
    expect((await runDigestTick(contextAt(start))).retrying).toBe(1);
    let [row] = await deliveriesOf(search);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(mode === 'reject' ? /451/ : /421|close|Shutting down/i);
    expect(row!.nextAttemptAt.getTime() - start.getTime()).toBe(5 * 60_000);

    // Still failing 5 minutes later: the next wait is 15 minutes.
    const second = at('2026-07-02T05:06:00Z');
    expect((await runDigestTick(contextAt(second))).retrying).toBe(1);
    [row] = await deliveriesOf(search);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row!.nextAttemptAt.getTime() - second.getTime()).toBe(15 * 60_000);

    // Recovered, but the retry is not due yet: nothing; then once due: one email.
    smtp.mode = 'ok';
    await runDigestTick(contextAt(at('2026-07-02T05:10:00Z')));
    expect(mailTo(user.email!)).toHaveLength(0);
    await runDigestTick(contextAt(at('2026-07-02T05:21:00Z')));
    await runDigestTick(contextAt(at('2026-07-02T05:50:00Z')));
    await runDigestTick(contextAt(at('2026-07-02T09:00:00Z')));
    expect(mailTo(user.email!)).toHaveLength(1);
    expect(mailTo(user.email!)[0]!.parsed.text).toContain(`/jobs/${job.id}`);
    [row] = await deliveriesOf(search);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('gives up after the last attempt, records it, and the next day carries those listings', async () => {
    const { user, search } = await userWithSearch({ createdAt: at('2026-08-01T12:00:00Z') });
    const job = await goListing('Kept', at('2026-08-02T01:00:00Z'));
    smtp.mode = 'reject';
    let now = at('2026-08-02T05:01:00Z');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await runDigestTick(contextAt(now));
      const [row] = await deliveriesOf(search);
      now = new Date(row!.nextAttemptAt.getTime() + 1000);
    }
    const [failed] = await deliveriesOf(search);
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(failed!.lastError).toMatch(/451/);
    smtp.mode = 'ok';
    await runDigestTick(contextAt(at('2026-08-03T05:01:00Z')));
    expect(mailTo(user.email!)).toHaveLength(1);
    expect(mailTo(user.email!)[0]!.parsed.text).toContain(`/jobs/${job.id}`);
  });
});

describe('exactly once across workers', () => {
  let second: DatabaseHandle | null = null;
  afterEach(async () => {
    await second?.close();
    second = null;
  });

  it(`two workers racing on ${TEST_DRIVER} over the same due digests send each exactly once`, async () => {
    const users = [];
    for (let i = 0; i < 4; i++) users.push(await userWithSearch({ createdAt: at('2026-09-01T12:00:00Z') }));
    await goListing('Raced', at('2026-09-02T01:00:00Z'));
    // PostgreSQL: a second pool of connections, as another worker process would hold.
    if (t.url) second = await openDatabase({ driver: 'postgres', url: t.url, source: 'the test database', max: 3 });
    const now = at('2026-09-02T05:01:00Z');
    const workers = [contextAt(now), contextAt(now, second?.db ?? t.db), contextAt(now), contextAt(now, second?.db ?? t.db)];
    await Promise.all(workers.map((ctx) => runDigestTick(ctx)));
    for (const { user, search } of users) {
      expect(mailTo(user.email!)).toHaveLength(1);
      expect(await deliveriesOf(search)).toHaveLength(1);
    }
  });

  it('a digest whose worker died after claiming it is sent once its lease runs out', async () => {
    const { user, search } = await userWithSearch({ createdAt: at('2026-09-20T12:00:00Z') });
    await goListing('Orphaned', at('2026-09-21T01:00:00Z'));
    // The worker claims the day and dies before preparing or sending.
    expect(await claimDueDigests(contextAt(at('2026-09-21T05:01:00Z')))).toHaveLength(1);
    await runDigestTick(contextAt(at('2026-09-21T05:06:00Z'))); // another worker: still leased
    expect(mailTo(user.email!)).toHaveLength(0);
    await runDigestTick(contextAt(at('2026-09-21T05:12:00Z'))); // lease (10 min) over
    await runDigestTick(contextAt(at('2026-09-21T05:30:00Z')));
    expect(mailTo(user.email!)).toHaveLength(1);
    expect(await deliveriesOf(search)).toMatchObject([{ status: 'sent', attempts: 1 }]);
  });

  it('a retry is taken by one worker only', async () => {
    const { user } = await userWithSearch({ createdAt: at('2026-09-10T12:00:00Z') });
    await goListing('Retried once', at('2026-09-11T01:00:00Z'));
    smtp.mode = 'reject';
    await runDigestTick(contextAt(at('2026-09-11T05:01:00Z')));
    smtp.mode = 'ok';
    if (t.url) second = await openDatabase({ driver: 'postgres', url: t.url, source: 'the test database', max: 3 });
    const later = at('2026-09-11T05:07:00Z');
    await Promise.all([runDigestTick(contextAt(later)), runDigestTick(contextAt(later, second?.db ?? t.db)), runDigestTick(contextAt(later))]);
    expect(mailTo(user.email!)).toHaveLength(1);
  });
});

describe('unsubscribe by token', () => {
  it('the token in the email names the search (no sign-in) and turns its digest off', async () => {
    const { user, search } = await userWithSearch({ createdAt: at('2026-10-01T12:00:00Z') });
    await goListing('Unsub', at('2026-10-02T01:00:00Z'));
    await runDigestTick(contextAt(at('2026-10-02T05:01:00Z')));
    const token = /unsubscribe\/([A-Za-z0-9_-]{43})>/.exec(mailTo(user.email!)[0]!.parsed.headers['list-unsubscribe']!)![1]!;
    expect(await digestByUnsubscribeToken(t.db, token)).toEqual({ savedSearchId: search.id, name: 'Go, remote', enabled: true });
    expect(await digestByUnsubscribeToken(t.db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await digestByUnsubscribeToken(t.db, "'; drop table users; --")).toBeNull();
    expect(await unsubscribeDigest(t.db, token)).toBe('Go, remote');
    const [row] = await t.db.select().from(savedSearches).where(eq(savedSearches.id, search.id));
    expect(row!.digestEnabled).toBe(false);
    await goListing('After unsub', at('2026-10-02T20:00:00Z'));
    await runDigestTick(contextAt(at('2026-10-03T05:01:00Z')));
    expect(mailTo(user.email!)).toHaveLength(1);
  });
});

describe('send now', () => {
  it('sends the newest matches when nothing is new, and does not move the daily watermark', async () => {
    const { user, search } = await userWithSearch({ createdAt: at('2026-11-01T12:00:00Z') });
    const old = await goListing('Old one', at('2026-10-01T01:00:00Z'));
    const result = await sendDigestNow(contextAt(at('2026-11-01T13:00:00Z')), user.id, search.id);
    expect(result.outcome).toBe('sent');
    const [mail] = mailTo(user.email!);
    expect(mail!.parsed.headers.subject).toBe('Go, remote: nothing new, here is the newest match');
    expect(mail!.parsed.text).toContain(`/jobs/${old.id}`);

    const fresh = await goListing('Overnight', at('2026-11-01T20:00:00Z'));
    await sendDigestNow(contextAt(at('2026-11-01T21:00:00Z')), user.id, search.id);
    expect(mailTo(user.email!)[1]!.parsed.text).toContain(`/jobs/${fresh.id}`);
    // The morning digest still carries it: send now moved nothing.
    await runDigestTick(contextAt(at('2026-11-02T06:01:00Z')));
    expect(mailTo(user.email!)).toHaveLength(3);
    expect(mailTo(user.email!)[2]!.parsed.text).toContain(`/jobs/${fresh.id}`);
    const rows = await t.db.select().from(digestDeliveries).where(and(eq(digestDeliveries.savedSearchId, search.id), eq(digestDeliveries.kind, 'manual')));
    expect(rows).toHaveLength(2);
  });

  it("refuses another user's search and an id that is no id, and caps how often", async () => {
    const alice = await userWithSearch();
    const bob = await userWithSearch();
    const now = at('2026-12-01T10:00:00Z');
    await expect(sendDigestNow(contextAt(now), bob.user.id, alice.search.id)).rejects.toThrow(NotFoundError);
    await expect(sendDigestNow(contextAt(now), bob.user.id, 'not-a-uuid')).rejects.toThrow(NotFoundError);
    expect(mailTo(alice.user.email!)).toHaveLength(0);
    for (let i = 0; i < SEND_NOW_PER_HOUR; i++) await sendDigestNow(contextAt(now), bob.user.id, bob.search.id);
    await expect(sendDigestNow(contextAt(now), bob.user.id, bob.search.id)).rejects.toThrow(TooManyRequestsError);
    expect(mailTo(bob.user.email!)).toHaveLength(SEND_NOW_PER_HOUR);
  });
});
