import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertApplication, insertUser } from '@/test/support/factories';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
const collection = await import('./route');
const one = await import('./[interviewId]/route');

const req = (path: string, init?: RequestInit) => new NextRequest(`http://localhost/api/applications/${path}`, init as ConstructorParameters<typeof NextRequest>[1]);
const body = (value: unknown, method: string): RequestInit => ({ method, body: typeof value === 'string' ? value : JSON.stringify(value), headers: { 'content-type': 'application/json' } });
const list = (appId: string) => collection.GET(req(`${appId}/interviews`), { params: Promise.resolve({ id: appId }) });
const post = (appId: string, value: unknown) => collection.POST(req(`${appId}/interviews`, body(value, 'POST')), { params: Promise.resolve({ id: appId }) });
const patch = (appId: string, interviewId: string, value: unknown) =>
  one.PATCH(req(`${appId}/interviews/${interviewId}`, body(value, 'PATCH')), { params: Promise.resolve({ id: appId, interviewId }) });
const del = (appId: string, interviewId: string) =>
  one.DELETE(req(`${appId}/interviews/${interviewId}`, { method: 'DELETE' }), { params: Promise.resolve({ id: appId, interviewId }) });

type InterviewJson = { id: string; applicationId: string; startsAt: string; minutes: number; kind: string; notes: string; createdAt: string; updatedAt: string };

describe(`/api/applications/:id/interviews (${TEST_DRIVER})`, () => {
  let alice: string;
  let bob: string;
  let aliceApp: string;
  let bobApp: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    acting.db = t.db;
    alice = (await insertUser(t.db)).id;
    bob = (await insertUser(t.db)).id;
    aliceApp = (await insertApplication(t.db, alice, { company: 'Acme' })).id;
    bobApp = (await insertApplication(t.db, bob)).id;
  });
  afterAll(async () => t?.close());

  it('answers 401 on every route when signed out', async () => {
    acting.userId = null;
    const id = '00000000-0000-4000-8000-000000000000';
    const statuses = await Promise.all([list(aliceApp), post(aliceApp, { startsAt: '2026-12-03T14:00:00Z', minutes: 30 }), patch(aliceApp, id, { minutes: 30 }), del(aliceApp, id)]);
    expect(statuses.map((r) => r.status)).toEqual([401, 401, 401, 401]);
  });

  it('creates (201), lists, changes and deletes (204) with the exact JSON shape', async () => {
    acting.userId = alice;
    const created = await post(aliceApp, { startsAt: '2026-12-03T14:00:00+01:00', minutes: 45, kind: 'technical', notes: 'Pairing, Go' });
    expect(created.status).toBe(201);
    const json = (await created.json()) as InterviewJson;
    expect(Object.keys(json).sort()).toEqual(['applicationId', 'createdAt', 'id', 'kind', 'minutes', 'notes', 'startsAt', 'updatedAt']);
    expect(json).toMatchObject({ applicationId: aliceApp, startsAt: '2026-12-03T13:00:00.000Z', minutes: 45, kind: 'technical', notes: 'Pairing, Go' });
    expect(created.headers.get('location')).toBe(`/api/applications/${aliceApp}/interviews/${json.id}`);

    const listed = (await (await list(aliceApp)).json()) as { interviews: InterviewJson[] };
    expect(listed.interviews.map((i) => i.id)).toEqual([json.id]);

    const changed = await patch(aliceApp, json.id, { kind: 'final', startsAt: '2026-12-04T09:30:00-05:00' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ kind: 'final', startsAt: '2026-12-04T14:30:00.000Z', minutes: 45, notes: 'Pairing, Go' });

    expect((await del(aliceApp, json.id)).status).toBe(204);
    expect((await del(aliceApp, json.id)).status).toBe(404);
    expect(((await (await list(aliceApp)).json()) as { interviews: unknown[] }).interviews).toEqual([]);
  });

  it('answers 400 with zod field errors for bad bodies', async () => {
    acting.userId = alice;
    const bad = await post(aliceApp, { startsAt: '2026-12-03 14:00', minutes: 0, kind: 'lunch', notes: 7 });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fields: Record<string, string> }).fields).sort()).toEqual(['kind', 'minutes', 'notes', 'startsAt']);
    expect((await post(aliceApp, '{nope')).status).toBe(400);
    expect((await post(aliceApp, { minutes: 30 })).status).toBe(400);
    const ok = (await (await post(aliceApp, { startsAt: '2026-12-03T14:00:00Z', minutes: 30 })).json()) as InterviewJson;
    const emptyPatch = await patch(aliceApp, ok.id, {});
    expect(emptyPatch.status).toBe(400);
    expect((await patch(aliceApp, ok.id, { minutes: 601 })).status).toBe(400);
    expect((await patch(aliceApp, ok.id, { applicationId: bobApp })).status).toBe(400);
  });

  it('refuses a body over the JSON cap (413) without storing anything', async () => {
    acting.userId = alice;
    const huge = await post(aliceApp, { startsAt: '2026-12-03T14:00:00Z', minutes: 30, notes: 'x'.repeat(1024 * 1024 + 10) });
    expect(huge.status).toBe(413);
  });

  it("answers 404 for another user's application or interview, and changes nothing of theirs", async () => {
    acting.userId = bob;
    const theirs = (await (await post(bobApp, { startsAt: '2026-12-05T10:00:00Z', minutes: 30, notes: 'bob' })).json()) as InterviewJson;
    acting.userId = alice;
    expect((await list(bobApp)).status).toBe(404);
    expect((await post(bobApp, { startsAt: '2026-12-05T10:00:00Z', minutes: 30 })).status).toBe(404);
    expect((await patch(bobApp, theirs.id, { notes: 'mine now' })).status).toBe(404);
    expect((await del(bobApp, theirs.id)).status).toBe(404);
    // Their interview id under my own application: 404 as well.
    expect((await patch(aliceApp, theirs.id, { notes: 'mine now' })).status).toBe(404);
    expect((await del(aliceApp, theirs.id)).status).toBe(404);
    // Malformed ids: 404, never a database error.
    expect((await list('123')).status).toBe(404);
    expect((await patch(aliceApp, 'x; drop table interviews', { minutes: 30 })).status).toBe(404);
    acting.userId = bob;
    expect(((await (await list(bobApp)).json()) as { interviews: InterviewJson[] }).interviews).toMatchObject([{ id: theirs.id, notes: 'bob' }]);
  });
});
