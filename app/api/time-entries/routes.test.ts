import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertUser } from '@/test/support/factories';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';
import { insertEntry, insertProfile, insertProject } from '@/test/support/time-factories';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
const entries = await import('./route');
const entry = await import('./[id]/route');
const timer = await import('../timer/route');
const start = await import('../timer/start/route');
const stop = await import('../timer/stop/route');

beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
});
afterAll(async () => t?.close());

const url = (path: string) => `http://localhost${path}`;
const send = (method: string, body?: unknown) => ({ method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const list = (query = '') => entries.GET(new Request(url(`/api/time-entries${query}`)));
const post = (body: unknown) => entries.POST(new Request(url('/api/time-entries'), send('POST', body)));
const getOne = (id: string) => entry.GET(new Request(url(`/api/time-entries/${id}`)), ctx(id));
const patch = (id: string, body: unknown) => entry.PATCH(new Request(url(`/api/time-entries/${id}`), send('PATCH', body)), ctx(id));
const del = (id: string) => entry.DELETE(new Request(url(`/api/time-entries/${id}`), send('DELETE')), ctx(id));
const startTimer = (body: unknown) => start.POST(new Request(url('/api/timer/start'), send('POST', body)));

describe(`/api/time-entries and /api/timer (${TEST_DRIVER})`, () => {
  it('answers 401 to every route when signed out', async () => {
    acting.userId = null;
    const id = crypto.randomUUID();
    const statuses = [
      (await list()).status,
      (await post({ kind: 'building', minutes: 5, startedAt: new Date().toISOString() })).status,
      (await getOne(id)).status,
      (await patch(id, { minutes: 5 })).status,
      (await del(id)).status,
      (await timer.GET()).status,
      (await timer.DELETE()).status,
      (await startTimer({ kind: 'building' })).status,
      (await stop.POST()).status,
    ];
    expect(statuses).toEqual(Array(9).fill(401));
  });

  it('creates (201), reads, patches and deletes an entry', async () => {
    const user = await insertUser(t.db);
    acting.userId = user.id;
    const project = await insertProject(t.db, user.id);
    const created = await post({ kind: 'building', projectId: project.id, minutes: 50, startedAt: '2026-11-20T09:00:00Z', note: 'tests' });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Record<string, unknown>;
    expect(body).toEqual({
      id: expect.any(String),
      kind: 'building',
      area: null,
      projectId: project.id,
      applicationId: null,
      minutes: 50,
      startedAt: '2026-11-20T09:00:00.000Z',
      note: 'tests',
      capped: false,
    });
    const id = body.id as string;
    expect(await (await getOne(id)).json()).toEqual(body);
    const patched = await patch(id, { minutes: 65 });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { minutes: number }).minutes).toBe(65);
    const listed = (await (await list()).json()) as { entries: { id: string }[] };
    expect(listed.entries.map((e) => e.id)).toEqual([id]);
    expect((await del(id)).status).toBe(204);
    expect((await getOne(id)).status).toBe(404);
  });

  it('answers 400 naming the fields, never 500', async () => {
    acting.userId = (await insertUser(t.db)).id;
    const bad = await post({ kind: 'learning', minutes: 2000, startedAt: 'soon' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fields: Record<string, string> }).fields).toEqual({
      minutes: expect.any(String),
      startedAt: expect.any(String),
    });
    expect((await post('{not json')).status).toBe(400);
    expect((await post([])).status).toBe(400);
    const learning = await post({ kind: 'learning', minutes: 20, startedAt: '2026-11-20T09:00:00Z' });
    expect(((await learning.json()) as { fields: Record<string, string> }).fields).toEqual({ area: 'Pick an area of the learning path.' });
    expect((await list('?from=2026-02-30')).status).toBe(400);
    const unknown = await list('?userId=x');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { fields: Record<string, string> }).fields).toHaveProperty('userId');
  });

  it('filters the list by local dates in the user\'s zone', async () => {
    const user = await insertUser(t.db);
    acting.userId = user.id;
    await insertProfile(t.db, user.id, { timeZone: 'America/New_York' });
    await insertEntry(t.db, user.id, { startedAt: new Date('2026-11-25T03:00:00Z'), minutes: 30 }); // 22:00 on the 24th in New York
    await insertEntry(t.db, user.id, { startedAt: new Date('2026-11-25T15:00:00Z'), minutes: 30 });
    const day = (await (await list('?from=2026-11-24&to=2026-11-24')).json()) as { entries: { startedAt: string }[] };
    expect(day.entries.map((e) => e.startedAt)).toEqual(['2026-11-25T03:00:00.000Z']);
    expect(((await (await list('?limit=1')).json()) as { entries: unknown[] }).entries).toHaveLength(1);
  });

  it('answers 404 for another user\'s entry exactly like a missing one, and changes nothing', async () => {
    const owner = await insertUser(t.db);
    const other = await insertUser(t.db);
    const mine = await insertEntry(t.db, owner.id, { minutes: 40 });
    acting.userId = other.id;
    const missing = await getOne(crypto.randomUUID());
    const foreign = await getOne(mine.id);
    expect([missing.status, foreign.status]).toEqual([404, 404]);
    expect(await foreign.json()).toEqual(await missing.json());
    expect((await patch(mine.id, { minutes: 1 })).status).toBe(404);
    expect((await del(mine.id)).status).toBe(404);
    expect((await getOne('not-a-uuid')).status).toBe(404);
    expect((await patch('123', { minutes: 1 })).status).toBe(404);
    expect(((await (await list()).json()) as { entries: unknown[] }).entries).toEqual([]);
    // Nor can another user's project be borrowed.
    const project = await insertProject(t.db, owner.id);
    const borrowed = await post({ kind: 'building', projectId: project.id, minutes: 5, startedAt: '2026-11-20T09:00:00Z' });
    expect(borrowed.status).toBe(400);
    acting.userId = owner.id;
    expect(((await (await getOne(mine.id)).json()) as { minutes: number }).minutes).toBe(40);
  });

  it('runs one timer per user: start 201, second start 409, stop 201 with the entry', async () => {
    const user = await insertUser(t.db);
    const other = await insertUser(t.db);
    acting.userId = user.id;
    expect(await (await timer.GET()).json()).toEqual({ timer: null });
    expect((await stop.POST()).status).toBe(409);
    const started = await startTimer({ kind: 'learning', area: 'servers', note: 'http' });
    expect(started.status).toBe(201);
    expect(((await started.json()) as { timer: { kind: string; elapsedMinutes: number } }).timer).toMatchObject({ kind: 'learning', elapsedMinutes: 0 });
    const again = await startTimer({ kind: 'building' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe('A timer is already running. Stop it first.');

    // The other user sees no timer and cannot stop or discard this one.
    acting.userId = other.id;
    expect(await (await timer.GET()).json()).toEqual({ timer: null });
    expect((await stop.POST()).status).toBe(409);
    expect((await timer.DELETE()).status).toBe(404);

    acting.userId = user.id;
    expect(((await (await timer.GET()).json()) as { timer: { area: string } }).timer.area).toBe('servers');
    const stopped = await stop.POST();
    expect(stopped.status).toBe(201);
    expect(((await stopped.json()) as { entry: unknown }).entry).toMatchObject({ kind: 'learning', area: 'servers', note: 'http', minutes: 1, capped: false });
    expect((await startTimer({ kind: 'learning' })).status).toBe(400);
    expect((await startTimer('nope')).status).toBe(400);
  });
});
