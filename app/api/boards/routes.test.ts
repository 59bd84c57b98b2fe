import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // The fake boards of these tests are served from 127.0.0.1, which the fetch guard refuses by default.
  process.env.TRACKEND_FETCH_ALLOW_PRIVATE = '127.0.0.0/8';
});
import { boards, ingestRuns } from '@/db/schema';
import { acting } from '@/test/support/acting-user';
import { FIXTURE_RSS, insertFeedBoard, settleBoardRuns } from '@/test/support/board-runs';
import { insertBoard, insertListing, insertUser } from '@/test/support/factories';
import { startLocalServer, type LocalServer } from '@/test/support/local-server';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';
import { boardUrlEnvName } from '@/lib/env';

let t: TestDatabase;
let feeds: LocalServer;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
vi.mock('node:dns', async (original) => (await import('@/test/support/fake-dns')).fakeDns(original));
const collection = await import('./route');
const item = await import('./[id]/route');
const refresh = await import('./[id]/refresh/route');
const jobs = await import('../jobs/route');

let admin: string;
let alice: string;
let bob: string;

beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
  admin = (await insertUser(t.db, 'owner@example.com')).id; // the first account
  alice = (await insertUser(t.db, 'alice@example.com')).id;
  bob = (await insertUser(t.db, 'bob@example.com')).id;
  feeds = await startLocalServer({ '/feed.rss': (_req, res) => res.end(FIXTURE_RSS) });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await settleBoardRuns(t.db);
});
afterAll(async () => {
  await feeds?.close();
  await t?.close();
});

const url = (path: string) => `http://localhost${path}`;
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const list = async () => (await (await collection.GET()).json()) as { boards: Record<string, unknown>[] };
const post = (body: unknown) => collection.POST(new Request(url('/api/boards'), { method: 'POST', body: JSON.stringify(body) }));
const patch = (id: string, body: unknown) =>
  item.PATCH(new Request(url(`/api/boards/${id}`), { method: 'PATCH', body: typeof body === 'string' ? body : JSON.stringify(body) }), ctx(id));
const del = (id: string) => item.DELETE(new Request(url(`/api/boards/${id}`), { method: 'DELETE' }), ctx(id));
const refreshOf = (id: string, query = '') => refresh.POST(new Request(url(`/api/boards/${id}/refresh${query}`), { method: 'POST' }), ctx(id));
const as = (userId: string | null) => {
  acting.userId = userId;
};
/** Serve this board's first fetch from the local server (TRACKEND_BOARD_<ID>_URL), not the network. */
const serveLocally = (boardId: string) => vi.stubEnv(boardUrlEnvName(boardId), feeds.url('/feed.rss'));

describe(`/api/boards (${TEST_DRIVER})`, () => {
  it('lists every board with a short status for all, the raw error for admins only', async () => {
    await insertFeedBoard(t.db, 'custom-broken', { lastError: 'HTTP 200 but not a feed: {"items":[{"title":"internal"}]}', lastErrorAt: new Date() });
    await t.db.insert(ingestRuns).values({ boardId: 'custom-broken', status: 'failed', finishedAt: new Date() });
    for (const who of [null, alice]) {
      as(who);
      const { boards: shown } = await list();
      expect(shown.map((board) => board.id)).toEqual(expect.arrayContaining(['golang-cafe', 'remotive', 'custom-broken']));
      const broken = shown.find((board) => board.id === 'custom-broken')!;
      expect(broken).toMatchObject({ name: 'Feed custom-broken', kind: 'rss', enabled: true, status: 'failing', counts: { live: 0, sample: 0 } });
      expect(Object.keys(broken)).toEqual(expect.arrayContaining(['id', 'name', 'kind', 'url', 'enabled', 'status', 'lastSuccessAt', 'nextRunAt', 'counts']));
      expect(broken).not.toHaveProperty('error');
      expect(JSON.stringify(shown)).not.toContain('internal');
      expect('hidden' in broken).toBe(who !== null);
    }
    as(admin);
    const broken = (await list()).boards.find((board) => board.id === 'custom-broken')!;
    expect(broken.error).toContain('"internal"');
  });

  it('adds a feed for an admin (201), takes a proposal from a user (202, pending), refuses visitors and bad URLs', async () => {
    as(null);
    expect((await post({ name: 'Anon feed', url: 'https://anon.example/rss' })).status).toBe(401);

    as(admin);
    serveLocally('custom-admin-route-feed');
    const added = await post({ name: 'Admin route feed', url: 'https://admin-route.example/rss' });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ id: 'custom-admin-route-feed', status: 'ok', enabled: true });
    await settleBoardRuns(t.db);
    expect(feeds.requests.map((request) => request.path)).toContain('/feed.rss');

    as(alice);
    const proposed = await post({ name: 'Alice proposal', url: 'https://alice.example/jobs.rss' });
    expect(proposed.status).toBe(202);
    expect(await proposed.json()).toMatchObject({ id: 'custom-alice-proposal', status: 'pending', nextRunAt: null });
    expect((await list()).boards.map((board) => board.id)).toContain('custom-alice-proposal');
    as(bob);
    expect((await list()).boards.map((board) => board.id)).not.toContain('custom-alice-proposal');
    as(null);
    expect((await list()).boards.map((board) => board.id)).not.toContain('custom-alice-proposal');

    for (const who of [admin, alice]) {
      as(who);
      for (const bad of ['http://169.254.169.254/latest/meta-data/', 'http://[::1]/feed', 'http://10.0.0.1/feed', 'javascript:alert(1)', 42]) {
        const response = await post({ name: 'Bad', url: bad });
        expect(response.status, String(bad)).toBe(400);
        expect(Object.keys(((await response.json()) as { fields: object }).fields)).toEqual(['url']);
      }
    }
    const notJson = await collection.POST(new Request(url('/api/boards'), { method: 'POST', body: 'name=x' }));
    expect(notJson.status).toBe(400);
  });

  it('lets only admins change boards: 401 visitors, 403 users, 404 unknown, 400 bad bodies', async () => {
    await insertFeedBoard(t.db, 'custom-patch');
    as(null);
    expect([(await patch('custom-patch', { enabled: false })).status, (await del('custom-patch')).status]).toEqual([401, 401]);
    as(alice);
    expect([(await patch('custom-patch', { enabled: false })).status, (await patch('custom-patch', 'not json')).status, (await del('custom-patch')).status]).toEqual([
      403, 403, 403,
    ]);
    as(admin);
    expect((await patch('custom-nope', { enabled: false })).status).toBe(404);
    expect((await patch('../x', { enabled: false })).status).toBe(404);
    for (const body of [{}, { enabled: 'no' }, { approve: false }, { enabled: true, approve: true }, { rename: 'x' }, 'not json']) {
      const response = await patch('custom-patch', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const off = await patch('custom-patch', { enabled: false });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ id: 'custom-patch', enabled: false });
    const [row] = await t.db.select().from(boards).where(eq(boards.id, 'custom-patch'));
    expect(row?.enabled).toBe(false);

    expect((await del('golang-cafe')).status).toBe(409);
    expect((await del('custom-patch')).status).toBe(204);
    expect((await del('custom-patch')).status).toBe(404);
  });

  it('approves (200, fetched at once) and rejects (204, deleted) proposals', async () => {
    as(bob);
    const { id: approvedId } = (await (await post({ name: 'Bob good', url: 'https://bob-good.example/rss' })).json()) as { id: string };
    const { id: rejectedId } = (await (await post({ name: 'Bob spam', url: 'https://bob-spam.example/rss' })).json()) as { id: string };
    expect((await patch(approvedId, { approve: true })).status).toBe(403);

    as(admin);
    serveLocally(approvedId);
    const approved = await patch(approvedId, { approve: true });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ id: approvedId, enabled: true });
    expect((await patch(approvedId, { approve: true })).status).toBe(409);
    expect((await patch(rejectedId, { reject: true })).status).toBe(204);
    expect(await t.db.select().from(boards).where(eq(boards.id, rejectedId))).toEqual([]);
    await settleBoardRuns(t.db);
    as(null);
    expect((await list()).boards.find((board) => board.id === approvedId)).toMatchObject({ status: 'ok' });
  });

  it('refreshes a board once per window: 202 with the run id, then 429 with Retry-After for anyone', async () => {
    await insertFeedBoard(t.db, 'custom-refresh', { url: feeds.url('/feed.rss') });
    as(null);
    expect((await refreshOf('custom-refresh')).status).toBe(401);

    as(alice);
    const started = await refreshOf('custom-refresh');
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: number };
    const [run] = await t.db.select().from(ingestRuns).where(eq(ingestRuns.id, runId));
    expect(run?.boardId).toBe('custom-refresh');

    as(bob);
    const limited = await refreshOf('custom-refresh');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(9 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
    expect((await refreshOf('custom-refresh', '?force=1')).status).toBe(403);
    expect((await refreshOf('custom-refresh', '?force=maybe')).status).toBe(400);

    as(admin);
    expect((await refreshOf('custom-refresh')).status).toBe(429); // the window holds for admins too, unless they force
    await settleBoardRuns(t.db);
    const forced = await refreshOf('custom-refresh', '?force=true');
    expect(forced.status).toBe(202);
    expect(((await forced.json()) as { runId: number }).runId).toBeGreaterThan(runId);

    expect((await refreshOf('custom-unknown')).status).toBe(404);
    await insertFeedBoard(t.db, 'custom-pending', { pending: true, proposedBy: alice });
    expect((await refreshOf('custom-pending', '?force=1')).status).toBe(409);
    as(alice);
    expect((await refreshOf('custom-pending')).status).toBe(409);
    as(bob);
    expect((await refreshOf('custom-pending')).status).toBe(404);
  });
});

describe(`/api/jobs with hidden boards (${TEST_DRIVER})`, () => {
  it("leaves a user's hidden boards out of their results and facets only", async () => {
    await insertBoard(t.db, 'hidden-board');
    await insertBoard(t.db, 'kept-board');
    await insertListing(t.db, 'hidden-board', { title: 'Only on the hidden board', languages: ['go'] });
    await insertListing(t.db, 'kept-board', { title: 'On the kept board', languages: ['go'] });
    const search = async () =>
      (await (await jobs.GET(new NextRequest(url('/api/jobs?language=go'), { headers: { cookie: 'authjs.session-token=whoever-acting-is' } }))).json()) as { items: { title: string }[]; facets: { board: Record<string, number> } };

    const { hideBoard } = await import('@/lib/boards/manage');
    const { actorFor } = await import('@/lib/auth/roles');
    await hideBoard(t.db, await actorFor(t.db, { id: alice }, []), 'hidden-board', true);

    as(alice);
    const mine = await search();
    expect(mine.items.map((job) => job.title)).toContain('On the kept board');
    expect(mine.items.map((job) => job.title)).not.toContain('Only on the hidden board');
    expect(mine.facets.board['hidden-board']).toBeUndefined();
    expect(mine.facets.board['kept-board']).toBe(1);

    for (const who of [bob, null]) {
      as(who);
      const theirs = await search();
      expect(theirs.items.map((job) => job.title)).toEqual(expect.arrayContaining(['Only on the hidden board', 'On the kept board']));
      expect(theirs.facets.board['hidden-board']).toBe(1);
    }
  });
});
