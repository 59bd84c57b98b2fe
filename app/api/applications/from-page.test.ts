import { readFileSync } from 'node:fs';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // 127.0.0.2 stands in for a public host (opened here as an operator would open a LAN range);
  // 127.0.0.1 stays the server's own loopback, which the guard must refuse.
  process.env.TRACKEND_FETCH_ALLOW_PRIVATE = '127.0.0.2/32';
});
import { canonicalUrl } from '@/lib/dedupe/keys';
import { acting } from '@/test/support/acting-user';
import { insertBoard, insertListing, insertUser } from '@/test/support/factories';
import { startLocalServer, type LocalServer } from '@/test/support/local-server';
import { HAS_SHARED_ATS_CAPTURES, readSharedAtsCapture, SHARED_ATS_SKIP_REASON } from '@/test/support/shared-captures';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
vi.mock('node:dns', async (original) => (await import('@/test/support/fake-dns')).fakeDns(original));
const collection = await import('./route');
const one = await import('./[id]/route');
const preview = await import('./preview/route');

const fixture = (name: string) => readFileSync(new URL(`../../../scrapers/job-page/fixtures/${name}`, import.meta.url), 'utf8');
const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const jsonInit = (body: unknown): ConstructorParameters<typeof NextRequest>[1] => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const post = (body: unknown) => collection.POST(new NextRequest('http://localhost/api/applications', jsonInit(body)));
const read = (body: unknown) => preview.POST(new NextRequest('http://localhost/api/applications/preview', jsonInit(body)));
const as = (userId: string | null) => (acting.userId = userId);

type Saved = { id: string; title: string; company: string; url: string; location: string | null; listingId: number | null; source: string | null; notes: string; posting: Record<string, unknown> | null; read: Record<string, unknown> };

describe(`saving a job from its page (${TEST_DRIVER})`, () => {
  let site: LocalServer;
  let own: LocalServer;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    acting.db = t.db;
    alice = (await insertUser(t.db)).id;
    bob = (await insertUser(t.db)).id;
    site = await startLocalServer(
      {
        '/jobs/go': html(fixture('several-blocks.html')),
        '/jobs/remote': html(fixture('graph-remote.html')),
        '/og': html(fixture('og-only.html')),
        '/blank': html(fixture('nothing.html')),
        '/pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
        '/huge': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          const chunk = `<p>${'x'.repeat(64 * 1024)}</p>`;
          for (let i = 0; i < 80; i++) res.write(chunk); // 5 MB, over the 4 MB cap
          res.end();
        },
        '/gone': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>'),
      },
      { host: '127.0.0.2' },
    );
    own = await startLocalServer({ '/admin': html('<title>Internal admin</title>') });
    site.route('/inward', (_req, res) => res.writeHead(302, { location: own.url('/admin') }).end());
    if (HAS_SHARED_ATS_CAPTURES) site.route('/indeed', html(readSharedAtsCapture('jsonld-1.html')));
  });
  afterAll(async () => {
    await Promise.all([site?.close(), own?.close()]);
    await t?.close();
  });

  it('answers 401 to signed-out callers, before fetching anything', async () => {
    as(null);
    const before = site.requests.length;
    expect((await post({ url: site.url('/jobs/go') })).status).toBe(401);
    expect((await read({ url: site.url('/jobs/go') })).status).toBe(401);
    expect(site.requests.length).toBe(before);
  });

  it('reads a JSON-LD page (preview: nothing saved), then saves it linked to the listing with the same canonical URL', async () => {
    as(alice);
    const board = await insertBoard(t.db, 'golang-cafe');
    const pageUrl = `${site.url('/jobs/go')}?utm_source=newsletter`;
    const listing = await insertListing(t.db, board.id, { url: site.url('/jobs/go'), canonicalUrl: canonicalUrl(site.url('/jobs/go')), company: 'Gopher Works' });

    const shown = await read({ url: pageUrl });
    expect(shown.status).toBe(200);
    const fields = (await shown.json()) as Record<string, unknown>;
    expect(fields).toMatchObject({
      title: 'Backend Engineer (Go) & Platform',
      company: 'Gopher Works GmbH',
      location: 'Berlin, DE; Hamburg, DE',
      salaryText: 'EUR 70,000–90,000 per year',
      postedAt: '2026-11-20T00:00:00.000Z',
      closesAt: '2027-01-20T00:00:00.000Z',
      employmentType: ['FULL_TIME', 'CONTRACTOR'],
      languages: ['go'],
      listingId: listing.id,
      suggestedSource: 'board',
      readFrom: 'json-ld',
    });
    expect(fields.descriptionHtml).toBe('<p>Build our Go services on PostgreSQL.</p>');
    expect(((await (await collection.GET(new NextRequest('http://localhost/api/applications'))).json()) as { items: unknown[] }).items).toHaveLength(0);

    const saved = await post({ url: pageUrl, notes: 'Found in the Go newsletter' });
    expect(saved.status).toBe(201);
    const body = (await saved.json()) as Saved;
    expect(body).toMatchObject({ title: 'Backend Engineer (Go) & Platform', company: 'Gopher Works GmbH', listingId: listing.id, source: 'board', notes: 'Found in the Go newsletter' });
    expect(body.posting).toMatchObject({
      salary: { min: 70000, max: 90000, currency: 'EUR', period: 'year' },
      employmentType: ['FULL_TIME', 'CONTRACTOR'],
      languages: ['go'],
      descriptionHtml: '<p>Build our Go services on PostgreSQL.</p>',
    });
    expect(JSON.stringify(body.posting)).not.toContain('<script');
    expect(body.read).toMatchObject({ listingId: listing.id });

    // The same listing again: the existing application, as when saving from /jobs.
    const again = await post({ url: site.url('/jobs/go') });
    expect(again.status).toBe(200);
    expect(((await again.json()) as Saved).id).toBe(body.id);
  });

  it('saves a remote @graph page and an Open-Graph-only page, unlinked', async () => {
    as(alice);
    const remote = (await (await post({ url: site.url('/jobs/remote') })).json()) as Saved;
    expect(remote).toMatchObject({ title: 'Senior Python Developer', company: 'Snake Oil Ltd', location: 'Remote (Germany, Poland)', listingId: null });
    expect(remote.posting).toMatchObject({ remote: 'remote', seniority: 'senior', salary: { min: 45, max: 45, currency: 'EUR', period: 'hour' } });

    const og = await post({ url: site.url('/og') });
    expect(og.status).toBe(201);
    expect((await og.json()) as Saved).toMatchObject({ title: 'Staff Engineer, Payments & Ledger', company: 'Ledgerly', listingId: null, read: { readFrom: 'open-graph' } });
  });

  it.skipIf(!HAS_SHARED_ATS_CAPTURES)('saves a real Indeed page with its AUD range', async () => {
    as(alice);
    const saved = await post({ url: site.url('/indeed') });
    expect(saved.status).toBe(201);
    const body = (await saved.json()) as Saved;
    expect(body).toMatchObject({ title: 'Senior DevOps Engineer', company: 'PaperCut Software', location: 'Camberwell, VIC, AU' });
    expect(body.posting).toMatchObject({ salary: { min: 130000, max: 160000, currency: 'AUD', period: 'year' }, salaryText: 'AUD 130,000–160,000 per year' });
  });
  if (!HAS_SHARED_ATS_CAPTURES) console.warn(SHARED_ATS_SKIP_REASON);

  it.each([
    ['a 404 page', '/gone', /HTTP 404/],
    ['a page with no title at all', '/blank', /No job title found/],
    ['a PDF', '/pdf', /application\/pdf, not a web page/],
    ['a body over the cap', '/huge', /too large/],
    ['a redirect into the server’s own network', '/inward', /refused: .*loopback/],
  ])('answers 422 with the reason for %s, and saves nothing', async (_what, path, reason) => {
    as(bob);
    for (const response of [await post({ url: site.url(path) }), await read({ url: site.url(path) })]) {
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: string; reason: string };
      expect(body.error).toMatch(/fill in the details by hand/i);
      expect(body.reason).toMatch(reason);
    }
    expect(((await (await collection.GET(new NextRequest('http://localhost/api/applications'))).json()) as { items: unknown[] }).items).toHaveLength(0);
  });

  it('refuses loopback, an unknown host and a non-http link without leaking what is there', async () => {
    as(bob);
    const before = own.requests.length;
    const loop = await post({ url: own.url('/admin') });
    expect(loop.status).toBe(422);
    expect(((await loop.json()) as { reason: string }).reason).toMatch(/refused: .*loopback/);
    expect(own.requests.length).toBe(before);
    const unknown = await read({ url: 'https://nowhere.invalid/job' });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { reason: string }).reason).toMatch(/host not found/);
    const ftp = await post({ url: 'ftp://jobs.example/1' });
    expect(ftp.status).toBe(400);
    expect(((await ftp.json()) as { fields: Record<string, string> }).fields).toHaveProperty('url');
    expect((await read({})).status).toBe(400);
  });

  it("keeps each user's saved pages to themselves", async () => {
    as(alice);
    const saved = (await (await post({ url: site.url('/og') })).json()) as Saved;
    as(bob);
    const ctx = { params: Promise.resolve({ id: saved.id }) };
    expect((await one.GET(new NextRequest(`http://localhost/api/applications/${saved.id}`), ctx)).status).toBe(404);
    const mine = (await (await collection.GET(new NextRequest('http://localhost/api/applications'))).json()) as { items: Saved[] };
    expect(mine.items.map((a) => a.id)).not.toContain(saved.id);
  });

  it('keeps every other body shape of POST /api/applications as it was', async () => {
    as(bob);
    const manual = await post({ company: 'Acme', title: 'Go Dev', url: site.url('/jobs/go') });
    expect(manual.status).toBe(201);
    expect((await manual.json()) as Saved).toMatchObject({ company: 'Acme', title: 'Go Dev', posting: null, listingId: null });
    expect((await post({ title: 'Only a title', url: site.url('/og') })).status).toBe(400);
  });
});
