import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getApplication, timeline } from '@/lib/applications/applications';
import { insertBoard, insertListing, insertUser } from '@/test/support/factories';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
const collection = await import('./route');
const one = await import('./[id]/route');
const exporter = await import('./export.csv/route');
const importer = await import('./import/route');

const base = 'http://localhost/api/applications';
const req = (path: string, init?: RequestInit) => new NextRequest(`${base}${path}`, init as ConstructorParameters<typeof NextRequest>[1]);
const jsonBody = (body: unknown, method = 'POST'): RequestInit => ({ method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (body: unknown) => collection.POST(req('', jsonBody(body)));
const csvPost = (text: string, query = '') => importer.POST(req(`/import${query}`, { method: 'POST', body: text, headers: { 'content-type': 'text/csv' } }));
const multipartPost = (form: FormData, query = '') => importer.POST(req(`/import${query}`, { method: 'POST', body: form }));

type AppJson = { id: string; status: string; company: string; title: string; notes: string; listingId: number | null; board: string | null };

describe(`/api/applications (${TEST_DRIVER})`, () => {
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    acting.db = t.db;
    alice = (await insertUser(t.db)).id;
    bob = (await insertUser(t.db)).id;
  });
  afterAll(async () => t?.close());

  it('answers 401 on every route when signed out', async () => {
    acting.userId = null;
    const id = '00000000-0000-4000-8000-000000000000';
    const responses = await Promise.all([
      collection.GET(req('')),
      post({ company: 'A', title: 'B' }),
      one.GET(req(`/${id}`), ctx(id)),
      one.PATCH(req(`/${id}`, jsonBody({ notes: 'x' }, 'PATCH')), ctx(id)),
      one.DELETE(req(`/${id}`, { method: 'DELETE' }), ctx(id)),
      exporter.GET(),
      csvPost('Company,Title\nA,B\n'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
  });

  it('creates by hand (201) and from a listing (201, then 200 for the same listing)', async () => {
    acting.userId = alice;
    const manual = await post({ company: 'Acme', title: 'Backend Dev', url: 'https://acme.example/1', status: 'applied', notes: 'hi' });
    expect(manual.status).toBe(201);
    const body = (await manual.json()) as AppJson & Record<string, unknown>;
    expect(body).toMatchObject({ company: 'Acme', title: 'Backend Dev', status: 'applied', notes: 'hi', listingId: null, url: 'https://acme.example/1' });
    for (const key of ['id', 'appliedAt', 'nextFollowUpAt', 'contact', 'salaryDiscussed', 'resumeLink', 'board', 'source', 'location', 'contactEmail', 'createdAt', 'updatedAt']) expect(body).toHaveProperty(key);
    expect(manual.headers.get('location')).toBe(`/api/applications/${body.id}`);

    const board = await insertBoard(t.db, 'golang-cafe');
    const listing = await insertListing(t.db, board.id, { title: 'Go Dev', company: 'Gophers' });
    const saved = await post({ listingId: listing.id });
    expect(saved.status).toBe(201);
    const savedBody = (await saved.json()) as AppJson;
    expect(savedBody).toMatchObject({ listingId: listing.id, board: 'golang-cafe', source: 'board', status: 'saved', title: 'Go Dev', company: 'Gophers' });
    const again = await post({ listingId: listing.id });
    expect(again.status).toBe(200);
    expect(((await again.json()) as AppJson).id).toBe(savedBody.id);
    expect((await post({ listingId: 123456789 })).status).toBe(404);
  });

  it('answers 400 with field errors for bad bodies', async () => {
    acting.userId = alice;
    const bad = await post({ company: '', title: 'x', url: 'ftp://nope', status: 'hired' });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fields: object }).fields).sort()).toEqual(['company', 'status', 'url']);
    const notJson = await collection.POST(req('', { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json' } }));
    expect(notJson.status).toBe(400);
    expect((await post({ listingId: 'abc' })).status).toBe(400);
    expect((await collection.GET(req('?sort=salary'))).status).toBe(400);
    expect((await collection.GET(req('?status=hired'))).status).toBe(400);
  });

  it('lists only the caller’s applications, filtered and sorted', async () => {
    acting.userId = bob;
    await post({ company: 'Bobco', title: 'Rust dev', status: 'screening' });
    await post({ company: 'Another', title: 'Go dev' });
    const list = (await (await collection.GET(req('?sort=company'))).json()) as { items: AppJson[] };
    expect(list.items.map((i) => i.company)).toEqual(['Another', 'Bobco']);
    const filtered = (await (await collection.GET(req('?status=screening,offer&q=rust'))).json()) as { items: AppJson[] };
    expect(filtered.items.map((i) => i.company)).toEqual(['Bobco']);
  });

  it('reads, patches (status with a note) and deletes one application', async () => {
    acting.userId = alice;
    const created = (await (await post({ company: 'Patch Co', title: 'Dev' })).json()) as AppJson;
    const got = await one.GET(req(`/${created.id}`), ctx(created.id));
    expect(got.status).toBe(200);
    expect(((await got.json()) as { timeline: unknown[] }).timeline).toHaveLength(1);
    const patched = await one.PATCH(
      req(`/${created.id}`, jsonBody({ notes: 'called them', status: 'applied', statusNote: 'via site', nextFollowUpAt: '2026-12-01' }, 'PATCH')),
      ctx(created.id),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ notes: 'called them', status: 'applied', nextFollowUpAt: '2026-12-01T00:00:00.000Z' });
    expect((await timeline(t.db, alice, created.id)).at(-1)).toMatchObject({ fromStatus: 'saved', toStatus: 'applied', note: 'via site' });
    const sourced = await one.PATCH(
      req(`/${created.id}`, jsonBody({ source: 'referral', location: 'Lisbon', contactEmail: 'Ana@Patch.example' }, 'PATCH')),
      ctx(created.id),
    );
    expect(await sourced.json()).toMatchObject({ source: 'referral', location: 'Lisbon', contactEmail: 'Ana@Patch.example', notes: 'called them' });
    const badFields = await one.PATCH(req(`/${created.id}`, jsonBody({ source: 'newspaper', contactEmail: 'not an email' }, 'PATCH')), ctx(created.id));
    expect(Object.keys(((await badFields.json()) as { fields: object }).fields).sort()).toEqual(['contactEmail', 'source']);
    const bad = await one.PATCH(req(`/${created.id}`, jsonBody({ nextFollowUpAt: 'soon' }, 'PATCH')), ctx(created.id));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fields: object }).fields).toHaveProperty('nextFollowUpAt');
    const deleted = await one.DELETE(req(`/${created.id}`, { method: 'DELETE' }), ctx(created.id));
    expect(deleted.status).toBe(204);
    expect((await one.GET(req(`/${created.id}`), ctx(created.id))).status).toBe(404);
  });

  it("answers 404 for another user's application on every route, and changes nothing", async () => {
    acting.userId = alice;
    const mine = (await (await post({ company: 'Secret', title: 'Mine', notes: 'private' })).json()) as AppJson;
    const before = await getApplication(t.db, alice, mine.id);
    const beforeEvents = await timeline(t.db, alice, mine.id);
    acting.userId = bob;
    for (const id of [mine.id, 'not-a-uuid', '1', '00000000-0000-4000-8000-000000000000']) {
      const responses = [
        await one.GET(req(`/${id}`), ctx(id)),
        await one.PATCH(req(`/${id}`, jsonBody({ notes: 'pwned', status: 'rejected', statusNote: 'x' }, 'PATCH')), ctx(id)),
        await one.DELETE(req(`/${id}`, { method: 'DELETE' }), ctx(id)),
      ];
      expect(responses.map((r) => r.status), id).toEqual([404, 404, 404]);
      expect(await responses[0]!.json()).toEqual({ error: 'Application not found' });
    }
    const bobList = (await (await collection.GET(req('?q=secret'))).json()) as { items: AppJson[] };
    expect(bobList.items).toEqual([]);
    expect(await (await exporter.GET()).text()).not.toContain('Secret');
    expect(await getApplication(t.db, alice, mine.id)).toEqual(before);
    expect(await timeline(t.db, alice, mine.id)).toEqual(beforeEvents);
  });

  it('exports CSV as an attachment with formulas neutralised', async () => {
    const user = (await insertUser(t.db)).id;
    acting.userId = user;
    await post({ company: '=HYPERLINK("http://evil.example","win")', title: 'Dev' });
    const response = await exporter.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="trackend-applications-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""win"")"`);
    expect(text.split('\r\n')[1]).not.toMatch(/^=/);
  });

  it('imports CSV: preview, all-or-nothing, no duplicates on re-import, size cap', async () => {
    const user = (await insertUser(t.db)).id;
    acting.userId = user;
    const sheet = 'Company,Position,Date Applied,Status\nAcme,Dev,2026-11-01,Applied\nBeta,Dev,11/2/2026,Interview\n';

    const preview = await csvPost(sheet, '?dryRun=1');
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ valid: 2, invalid: 0, toCreate: 2, mapping: { company: 'Company', title: 'Position' } });
    expect(((await (await collection.GET(req(''))).json()) as { items: unknown[] }).items).toHaveLength(0);

    const form = new FormData();
    form.set('file', new Blob([sheet], { type: 'text/csv' }), 'jobs.csv');
    const imported = await multipartPost(form);
    expect(imported.status).toBe(200);
    expect(await imported.json()).toEqual({ created: 2, skipped: 0 });
    expect(await (await csvPost(sheet)).json()).toEqual({ created: 0, skipped: 2 });
    expect(((await (await collection.GET(req(''))).json()) as { items: unknown[] }).items).toHaveLength(2);

    const invalid = await csvPost('Company,Title,Date Applied\nGood,Row,2026-11-01\nBad,Row,someday\n');
    expect(invalid.status).toBe(400);
    const invalidBody = (await invalid.json()) as { error: string; rows: { line: number; errors: Record<string, string> }[] };
    expect(invalidBody.error).toMatch(/nothing was imported/);
    expect(invalidBody.rows).toEqual([expect.objectContaining({ line: 3, errors: { appliedAt: expect.stringMatching(/not a date/) } })]);
    expect(((await (await collection.GET(req(''))).json()) as { items: unknown[] }).items).toHaveLength(2);

    const wrongColumns = await csvPost('Foo,Bar\n1,2\n');
    expect(wrongColumns.status).toBe(400);
    expect(Object.keys(((await wrongColumns.json()) as { fields: object }).fields)).toEqual(['mapping.company', 'mapping.title']);
    const mapped = new FormData();
    mapped.set('file', new Blob(['Foo,Bar\nZeta,Dev\n']), 'x.csv');
    mapped.set('mapping', JSON.stringify({ company: 'Foo', title: 'Bar' }));
    expect(await (await multipartPost(mapped)).json()).toEqual({ created: 1, skipped: 0 });
    expect((await csvPost('Foo,Bar\n1,2\n', '?mapping=%7Boops')).status).toBe(400);

    const big = `Company,Title\n${'Acme,Backend Engineer\n'.repeat((10 * 1024 * 1024) / 20)}`;
    const tooBig = await csvPost(big);
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: string }).error).toMatch(/too large: the limit is 2 MB/);
    const bigForm = new FormData();
    bigForm.set('file', new Blob([big]), 'big.csv');
    expect((await multipartPost(bigForm)).status).toBe(413);
    expect((await importer.POST(req('/import', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }))).status).toBe(400);
    expect((await multipartPost(new FormData())).status).toBe(400);
  });
});
