import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertUser } from '@/test/support/factories';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';
import { insertEntry, insertProject } from '@/test/support/time-factories';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
const collection = await import('./route');
const item = await import('./[id]/route');

beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
});
afterAll(async () => t?.close());

const url = (path: string) => `http://localhost${path}`;
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (body: unknown) => collection.POST(new Request(url('/api/projects'), { method: 'POST', body: JSON.stringify(body) }));
const getOne = (id: string) => item.GET(new Request(url(`/api/projects/${id}`)), ctx(id));
const patch = (id: string, body: unknown) => item.PATCH(new Request(url(`/api/projects/${id}`), { method: 'PATCH', body: JSON.stringify(body) }), ctx(id));
const del = (id: string) => item.DELETE(new Request(url(`/api/projects/${id}`), { method: 'DELETE' }), ctx(id));

describe(`/api/projects (${TEST_DRIVER})`, () => {
  it('answers 401 when signed out', async () => {
    acting.userId = null;
    const id = crypto.randomUUID();
    const statuses = [(await collection.GET()).status, (await post({ name: 'x' })).status, (await getOne(id)).status, (await patch(id, {})).status, (await del(id)).status];
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
  });

  it('creates (201), lists with hours, patches and deletes', async () => {
    const user = await insertUser(t.db);
    acting.userId = user.id;
    const created = await post({ name: 'rate limiter', language: 'go', repoUrl: 'https://github.com/me/rl' });
    expect(created.status).toBe(201);
    const project = (await created.json()) as { id: string; status: string; hoursLogged: number };
    expect(project).toMatchObject({ status: 'building', hoursLogged: 0 });
    await insertEntry(t.db, user.id, { kind: 'building', projectId: project.id, minutes: 90 });
    const listed = (await (await collection.GET()).json()) as { projects: { id: string; hoursLogged: number; minutesLogged: number }[] };
    expect(listed.projects).toEqual([expect.objectContaining({ id: project.id, hoursLogged: 1.5, minutesLogged: 90 })]);
    const deployed = await patch(project.id, { status: 'deployed', liveUrl: 'https://rl.example' });
    expect(await deployed.json()).toMatchObject({ status: 'deployed', liveUrl: 'https://rl.example', name: 'rate limiter' });
    const bad = await patch(project.id, { status: 'done', liveUrl: 'ftp://x' });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fields: object }).fields).sort()).toEqual(['liveUrl', 'status']);
    expect((await del(project.id)).status).toBe(204);
    expect((await getOne(project.id)).status).toBe(404);
  });

  it('answers 404 for another user\'s project exactly like a missing one', async () => {
    const owner = await insertUser(t.db);
    const project = await insertProject(t.db, owner.id, { name: 'secret' });
    acting.userId = (await insertUser(t.db)).id;
    const foreign = await getOne(project.id);
    const missing = await getOne(crypto.randomUUID());
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    expect(await foreign.json()).toEqual(await missing.json());
    expect((await patch(project.id, { name: 'stolen' })).status).toBe(404);
    expect((await del(project.id)).status).toBe(404);
    expect((await getOne('x')).status).toBe(404);
    expect(((await (await collection.GET()).json()) as { projects: unknown[] }).projects).toEqual([]);
    acting.userId = owner.id;
    expect(((await (await getOne(project.id)).json()) as { name: string }).name).toBe('secret');
  });
});
