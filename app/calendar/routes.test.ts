import ICAL from 'ical.js';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calendarTokens } from '@/db/schema';
import { hashCalendarToken } from '@/lib/calendar/token';
import { createInterview } from '@/lib/interviews/interviews';
import { insertApplication, insertUser } from '@/test/support/factories';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
const tokenRoute = await import('../api/calendar/token/route');
const feedRoute = await import('./[file]/route');

const rotate = () => tokenRoute.POST(new NextRequest('http://trackend.test:3000/api/calendar/token', { method: 'POST', headers: { host: 'trackend.test:3000' } }));
/** Fetch a feed URL through the route, as a calendar app would (no cookie). */
function fetchFeed(url: string) {
  const { pathname, host } = new URL(url);
  const file = pathname.split('/').pop()!;
  return feedRoute.GET(new NextRequest(url, { headers: { host } }), { params: Promise.resolve({ file }) });
}
const uids = (text: string) =>
  new ICAL.Component(ICAL.parse(text) as unknown[])
    .getAllSubcomponents('vevent')
    .map((e) => String(e.getFirstPropertyValue('uid')))
    .sort();

describe(`calendar routes (${TEST_DRIVER})`, () => {
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    acting.db = t.db;
    alice = (await insertUser(t.db)).id;
    bob = (await insertUser(t.db)).id;
    const app = await insertApplication(t.db, alice, { company: 'Acme', title: 'Go Dev', nextFollowUpAt: new Date('2026-12-07T00:00:00Z') });
    await createInterview(t.db, alice, app.id, { startsAt: '2026-12-03T14:00:00+01:00', minutes: 45, kind: 'technical' });
    const theirs = await insertApplication(t.db, bob, { company: 'Bobcorp' });
    await createInterview(t.db, bob, theirs.id, { startsAt: '2026-12-04T10:00:00Z', minutes: 30 });
  });
  afterAll(async () => t?.close());

  it('asks for a session to make a link (401)', async () => {
    acting.userId = null;
    expect((await rotate()).status).toBe(401);
  });

  it('answers an absolute link on this origin; the feed needs no session, is private-cached and stable', async () => {
    acting.userId = alice;
    const response = await rotate();
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(/^http:\/\/trackend\.test:3000\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    // Only the hash is stored: the token in the link appears nowhere in the table.
    const token = url.split('/').pop()!.replace(/\.ics$/, '');
    const rows = await t.db.select().from(calendarTokens);
    expect(rows.map((r) => r.tokenHash)).toContain(hashCalendarToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    acting.userId = null;
    const first = await fetchFeed(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(first.headers.get('cache-control')).toMatch(/^private/);
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    const text = await first.text();
    expect(text).toContain('Technical interview: Go Dev at Acme');
    expect(text).toContain('http://trackend.test:3000/applications/');
    expect(text).not.toContain('Bobcorp');
    const second = await (await fetchFeed(url)).text();
    expect(uids(second)).toEqual(uids(text));
    expect(uids(text)).toHaveLength(2);
  });

  it('breaks the old link when rotated (404), and the new one works', async () => {
    acting.userId = alice;
    const { url: old } = (await (await rotate()).json()) as { url: string };
    const { url: fresh } = (await (await rotate()).json()) as { url: string };
    expect(fresh).not.toBe(old);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(fresh)).status).toBe(200);
  });

  it('gives each user their own link and nothing of the others', async () => {
    acting.userId = bob;
    const { url } = (await (await rotate()).json()) as { url: string };
    const text = await (await fetchFeed(url)).text();
    expect(text).toContain('Bobcorp');
    expect(text).not.toContain('Acme');
  });

  it('answers 404 for guessed, malformed or extension-less tokens', async () => {
    for (const file of ['x.ics', `${'A'.repeat(43)}.ics`, '.ics', 'calendar', `${'A'.repeat(43)}`, `${'A'.repeat(5000)}.ics`, "'; drop table calendar_tokens; --.ics"]) {
      const response = await feedRoute.GET(new NextRequest('http://localhost/calendar/x.ics'), { params: Promise.resolve({ file }) });
      expect(response.status, file).toBe(404);
    }
  });
});
