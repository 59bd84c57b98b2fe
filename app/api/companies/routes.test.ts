import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acting } from '@/test/support/acting-user';
import { insertUser } from '@/test/support/factories';
import { startLocalServer, type LocalServer } from '@/test/support/local-server';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';
import { hideCompany } from '@/lib/companies/hide';

let t: TestDatabase;
let api: LocalServer;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
vi.mock('node:dns', async (original) => (await import('@/test/support/fake-dns')).fakeDns(original));
const collection = await import('./route');
const item = await import('./[id]/route');
const jobs = await import('../jobs/route');

const fixture = (name: string) => readFileSync(new URL(`../../../scrapers/ats/fixtures/${name}`, import.meta.url), 'utf8');
const json = (body: string) => (_req: unknown, res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end(body);

let alice: string;
let bob: string;

beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
  alice = (await insertUser(t.db, 'alice@example.com')).id;
  bob = (await insertUser(t.db, 'bob@example.com')).id;
  api = await startLocalServer({
    '/v1/boards/gophercloud/jobs': json(fixture('greenhouse-jobs.json')),
    '/v0/postings/lambdaworks': json(fixture('lever-postings.json')),
  });
  // The operator's override: the hiring systems' APIs are this local server.
  for (const system of ['GREENHOUSE', 'LEVER']) vi.stubEnv(`TRACKEND_ATS_${system}_URL`, `http://127.0.0.1:${api.port}`);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await api?.close();
  await t?.close();
});

const url = (path: string) => `http://localhost${path}`;
const as = (userId: string | null) => {
  acting.userId = userId;
};
const post = (body: unknown) => collection.POST(new Request(url('/api/companies'), { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) }));
const del = (id: string) => item.DELETE(new Request(url(`/api/companies/${id}`), { method: 'DELETE' }), { params: Promise.resolve({ id }) });
// The jobs route reads a session only when a cookie is sent.
const jobsOf = (query: string, signedIn = true) =>
  jobs.GET(new NextRequest(url(`/api/jobs?${query}`), signedIn ? { headers: { cookie: 'session=x' } } : {}));

describe(`/api/companies (${TEST_DRIVER})`, () => {
  it('answers 401 to visitors', async () => {
    as(null);
    expect((await collection.GET()).status).toBe(401);
    expect((await post({ url: 'https://jobs.lever.co/lambdaworks' })).status).toBe(401);
    expect((await del('lever-lambdaworks')).status).toBe(401);
  });

  it('follows (201), re-follows (200), lists, and refuses what is not a hiring system (400 naming url)', async () => {
    as(alice);
    const created = await post({ url: 'https://boards.greenhouse.io/gophercloud' });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['backendJobs', 'board', 'id', 'name', 'openJobs', 'system']);
    expect(body).toMatchObject({ id: 'greenhouse-gophercloud', name: 'Gopher Cloud', system: 'greenhouse', board: 'gophercloud', openJobs: 3 });
    const again = await post({ url: 'https://job-boards.greenhouse.io/gophercloud' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(body);

    const listed = (await (await collection.GET()).json()) as { companies: Record<string, unknown>[] };
    expect(listed.companies).toHaveLength(1);
    expect(Object.keys(listed.companies[0]!).sort()).toEqual(['backendJobs', 'board', 'followedAt', 'health', 'id', 'lastChange', 'name', 'openJobs', 'system']);
    expect(listed.companies[0]).toMatchObject({ id: 'greenhouse-gophercloud', health: 'ok', openJobs: 3 });

    for (const bad of [{ url: 'https://careers.invalid/' }, { url: 42 }, {}, 'not json', { url: 'https://jobs.lever.co/' }]) {
      const res = await post(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      const error = (await res.json()) as { error: string; fields: Record<string, string> };
      expect(Object.keys(error.fields), JSON.stringify(bad)).toEqual([typeof bad === 'string' ? 'body' : 'url']);
    }
    const big = await collection.POST(new Request(url('/api/companies'), { method: 'POST', body: JSON.stringify({ url: `https://x.example/${'a'.repeat(2 * 1024 * 1024)}` }) }));
    expect(big.status).toBe(413);
  });

  it("deletes only one's own follow: another user's company id is 404", async () => {
    as(bob);
    expect((await post({ url: 'https://jobs.lever.co/lambdaworks' })).status).toBe(201);
    as(alice);
    expect((await del('lever-lambdaworks')).status).toBe(404);
    expect((await del('no-such-company')).status).toBe(404);
    as(bob);
    expect((await del('lever-lambdaworks')).status).toBe(204);
    expect((await del('lever-lambdaworks')).status).toBe(404);
    expect(((await (await collection.GET()).json()) as { companies: unknown[] }).companies).toEqual([]);
  });

  it('filters /api/jobs by followed=1 (401 for visitors), company=<id>, and hidden companies', async () => {
    as(null);
    const anonymous = await jobsOf('followed=1', false);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ parameter: 'followed' });
    as(alice);
    const followed = (await (await jobsOf('followed=1')).json()) as { items: { title: string; boards: string[] }[]; facets: { board: Record<string, number> } };
    expect(followed.items).toHaveLength(3);
    expect(followed.items.every((job) => job.boards[0] === 'greenhouse-gophercloud')).toBe(true);
    expect(followed.facets.board).toEqual({ 'greenhouse-gophercloud': 3 });
    const backend = (await (await jobsOf('followed=1&role=backend')).json()) as { items: { title: string }[] };
    expect(backend.items.map((job) => job.title)).toEqual([expect.stringContaining('Backend')]);
    // Bob follows nothing: followed=1 is empty for him, not everything.
    as(bob);
    expect(((await (await jobsOf('followed=1')).json()) as { items: unknown[] }).items).toEqual([]);
    // company=<id> needs no follow; repeatable; validated like board.
    const lever = (await (await jobsOf('company=lever-lambdaworks&company=greenhouse-gophercloud', false)).json()) as { items: unknown[] };
    expect(lever.items).toHaveLength(6);
    expect((await jobsOf('company=NOT%20AN%20ID', false)).status).toBe(400);
    // Hiding the company drops its listings from that user's results only.
    await hideCompany(t.db, bob, { company: 'gopher cloud, inc.' });
    expect(((await (await jobsOf('company=greenhouse-gophercloud')).json()) as { items: unknown[] }).items).toEqual([]);
    as(alice);
    expect(((await (await jobsOf('company=greenhouse-gophercloud')).json()) as { items: unknown[] }).items).toHaveLength(3);
  });
});
