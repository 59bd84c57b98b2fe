import * as cheerio from 'cheerio';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listings } from '@/db/schema';
import { acting } from '@/test/support/acting-user';
import { insertBoard, insertListing, insertUser } from '@/test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';
import { setBoardHidden } from '@/lib/profile/profile';
import { createSavedSearch, rotateFeedToken, updateSavedSearch } from '@/lib/saved-searches/saved-searches';
import { FEED_ENTRIES } from '@/lib/saved-searches/feed';
import { hideCompany } from '@/lib/companies/hide';
import { normaliseCompany } from '@/lib/dedupe/keys';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
const route = await import('./route');

const ORIGIN = 'https://trackend.example';
let userId: string;
let token: string;
let searchId: string;
const ids: Record<string, number> = {};
const day = (n: number) => new Date(Date.UTC(2026, 10, 30, 12) - n * 86_400_000);

beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
  userId = (await insertUser(t.db)).id;
  await insertBoard(t.db, 'golang-cafe');
  await insertBoard(t.db, 'remotive');
  await insertBoard(t.db, 'hidden-board');
  const go = { languages: ['go'], remote: 'remote' as const, role: 'backend' as const };
  ids.newest = (
    await insertListing(t.db, 'golang-cafe', {
      ...go, title: 'Senior <script>alert(1)</script> Go Engineer ]]> & co', company: 'Acme & Sons', location: 'Berlin', seniority: 'senior',
      salaryMin: 90_000, salaryMax: 120_000, salaryCurrency: 'EUR', salaryPeriod: 'year', salaryUsdYearly: 97_000,
      descriptionText: 'Build <b>payment</b> APIs\u0001 in Go.', descriptionHtml: '<p>Build <img src=x onerror=alert(1)> payment APIs</p>',
      postedAt: day(0), firstSeenAt: day(0),
    })
  ).id;
  // The same job on a second board: one entry, both boards' links.
  await insertListing(t.db, 'remotive', { ...go, title: 'Go copy', duplicateOf: ids.newest, url: 'https://remotive.example/jobs/1' });
  ids.older = (await insertListing(t.db, 'remotive', { ...go, title: 'Go Developer', company: null, seniority: 'junior', url: 'javascript:alert(1)', postedAt: day(2), firstSeenAt: day(2) })).id;
  ids.hidden = (await insertListing(t.db, 'hidden-board', { ...go, title: 'Go on a hidden board', postedAt: day(1), firstSeenAt: day(1) })).id;
  await insertListing(t.db, 'golang-cafe', { ...go, languages: ['python'], title: 'Python job', postedAt: day(0) });
  await insertListing(t.db, 'golang-cafe', { ...go, title: 'Removed Go job', removedAt: day(0), postedAt: day(0) });
  await setBoardHidden(t.db, userId, 'hidden-board', true);
  // A company the user hid (an agency): its jobs leave the feed as they leave /jobs.
  await insertListing(t.db, 'golang-cafe', { ...go, title: 'Go via an agency', company: 'Staffing Agency', fingerprint: `${normaliseCompany('Staffing Agency')}|go via an agency`, postedAt: day(1), firstSeenAt: day(1) });
  await hideCompany(t.db, userId, { company: 'Staffing Agency Ltd' });
  const created = await createSavedSearch(t.db, userId, { name: 'Go <remote> & more', filters: { language: ['go'], remote: ['remote'] } }, day(5));
  token = created.feedToken;
  searchId = created.savedSearch.id;
});
afterAll(async () => t?.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  route.GET(new Request(`${ORIGIN}${path}`, { headers: { host: 'trackend.example', ...headers } }), { params: Promise.resolve({ token: path.split('/').at(-1)! }) });
const feedPath = () => `/feeds/${token}.atom`;

describe(`GET /feeds/<token>.atom (${TEST_DRIVER})`, () => {
  it('reads back with a feed parser: the newest matches, absolute links to trackend, updated times', async () => {
    const response = await get(feedPath(), { 'x-forwarded-host': 'evil.example' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    const xml = await response.text();
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('Go <remote> & more · trackend');
    expect(feed.items.map((entry) => entry.link)).toEqual([`${ORIGIN}/jobs/${ids.newest}`, `${ORIGIN}/jobs/${ids.older}`]);
    const [first, second] = feed.items;
    // Titles are escaped HTML: the reader shows the markup as text.
    expect(first!.title).toBe('Senior &lt;script&gt;alert(1)&lt;/script&gt; Go Engineer ]]&gt; &amp; co at Acme &amp; Sons');
    expect(first!.isoDate).toBe(day(0).toISOString());
    expect(second!.isoDate).toBe(day(2).toISOString());
    expect(first!.content).toContain('Acme &amp; Sons');
    expect(first!.content).toContain('Remote · Berlin');
    expect(first!.content).toMatch(/Salary: €90K – €120K\/yr/);
    expect(first!.content).toContain('Languages: Go · Seniority: senior');
    expect(first!.content).toContain('Build &lt;b&gt;payment&lt;/b&gt; APIs in Go.');
    expect(first!.content).toContain('href="https://remotive.example/jobs/1"');
    expect(second!.content).not.toContain('Salary');
    // Never the stored HTML, never a script or a javascript: link, never a control character; links use the Host, not unforwarded headers.
    expect(xml).not.toMatch(/<script|onerror|<img|javascript:|\u0001/);
    expect(xml).not.toContain('evil.example');
  });

  it("has the Atom schema's required elements, entry alternate links and the boards' links", async () => {
    const $ = cheerio.load(await (await get(feedPath())).text(), { xml: true });
    const feed = $('feed');
    expect(feed.attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect(feed.children('id').text()).toMatch(/^urn:uuid:/);
    expect(feed.children('title').text()).toBeTruthy();
    expect(feed.children('author').children('name').text()).toBe('trackend');
    expect(feed.children('link[rel="self"]').attr('href')).toBe(`${ORIGIN}${feedPath()}`);
    const entries = feed.children('entry').toArray().map((element) => $(element));
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry.children('id').text()).toMatch(new RegExp(`^${ORIGIN}/jobs/\\d+$`));
      expect(entry.children('title').text()).toBeTruthy();
      expect(Number.isNaN(Date.parse(entry.children('updated').text()))).toBe(false);
      expect(entry.children('link[rel="alternate"]')).toHaveLength(1);
    }
    // Feed updated = its newest entry.
    expect(feed.children('updated').text()).toBe(entries[0]!.children('updated').text());
    expect(entries[0]!.children('link[rel="related"]').toArray().map((link) => $(link).attr('href'))).toEqual([expect.stringMatching(/^https:\/\/jobs\.example\/\d+$/), 'https://remotive.example/jobs/1']);
    expect(entries[1]!.children('link[rel="related"]')).toHaveLength(0); // its only link was javascript:
    expect(entries[0]!.children('category').toArray().map((c) => $(c).attr('term'))).toEqual(['go', 'seniority:senior']);
  });

  it('answers 304 to its ETag and to If-Modified-Since, and a new match changes both', async () => {
    const first = await get(feedPath());
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(new Date(lastModified).toISOString()).toBe(day(0).toISOString());
    const conditions: Record<string, string>[] = [{ 'if-none-match': etag }, { 'if-none-match': `"other", W/${etag}` }, { 'if-modified-since': lastModified }, { 'if-modified-since': new Date().toUTCString() }];
    for (const headers of conditions) {
      const response = await get(feedPath(), headers);
      expect(response.status, JSON.stringify(headers)).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect(await response.text()).toBe('');
    }
    expect((await get(feedPath(), { 'if-none-match': '"stale"' })).status).toBe(200);
    expect((await get(feedPath(), { 'if-modified-since': new Date(day(0).getTime() - 1000).toUTCString() })).status).toBe(200);
    // If-None-Match decides when both are sent.
    expect((await get(feedPath(), { 'if-none-match': '"stale"', 'if-modified-since': lastModified })).status).toBe(200);

    // A job posted (backdated) earlier but first seen now is new to the reader: both validators move.
    await insertListing(t.db, 'golang-cafe', { languages: ['go'], remote: 'remote', title: 'Backdated Go', postedAt: day(3), firstSeenAt: new Date() });
    const after = await get(feedPath(), { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await get(feedPath(), { 'if-modified-since': lastModified })).status).toBe(200);
  });

  it('holds at most the newest 50 matches', async () => {
    await t.db.insert(listings).values(
      Array.from({ length: FEED_ENTRIES + 5 }, (_, i) => ({
        boardId: 'golang-cafe', externalId: `bulk-${i}`, url: `https://jobs.example/bulk/${i}`, canonicalUrl: `https://jobs.example/bulk/${i}`,
        fingerprint: `bulk ${i}`, contentHash: `bulk-${i}`, title: `Bulk Go ${i}`, languages: ['go'], remote: 'remote' as const, postedAt: day(10 + i),
      })),
    );
    const feed = await new Parser().parseString(await (await get(feedPath())).text());
    expect(feed.items).toHaveLength(FEED_ENTRIES);
    expect(feed.items[0]!.link).toBe(`${ORIGIN}/jobs/${ids.newest}`);
  });

  it('answers 404 to an unknown or rotated token, a token hash or a path without .atom', async () => {
    const old = token;
    token = await rotateFeedToken(t.db, userId, searchId);
    expect((await get(`/feeds/${old}.atom`)).status).toBe(404);
    expect((await get(feedPath())).status).toBe(200);
    expect((await get(`/feeds/${token}`)).status).toBe(404);
    expect((await get(`/feeds/${'A'.repeat(43)}.atom`)).status).toBe(404);
    expect((await get('/feeds/.atom')).status).toBe(404);
    // Renamed: the feed changes although no entry did.
    const before = (await get(feedPath())).headers.get('etag');
    await updateSavedSearch(t.db, userId, searchId, { name: 'Renamed' });
    expect((await get(feedPath())).headers.get('etag')).not.toBe(before);
  });
});
