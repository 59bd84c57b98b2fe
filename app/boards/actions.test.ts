import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // The fake boards of these tests are served from 127.0.0.1, which the fetch guard refuses by default.
  process.env.TRACKEND_FETCH_ALLOW_PRIVATE = '127.0.0.0/8';
});
import { boards } from '@/db/schema';
import type { Db } from '@/db/types';
import { hiddenBoardIds } from '@/lib/profile/profile';
import { acting } from '@/test/support/acting-user';
import { FIXTURE_RSS, insertFeedBoard, settleBoardRuns } from '@/test/support/board-runs';
import { insertUser } from '@/test/support/factories';
import { startLocalServer, type LocalServer } from '@/test/support/local-server';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
let feeds: LocalServer;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('node:dns', async (original) => (await import('@/test/support/fake-dns')).fakeDns(original));
const actions = await import('./actions');

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const enabledOf = async (id: string) => (await t.db.select({ enabled: boards.enabled }).from(boards).where(eq(boards.id, id)))[0]?.enabled;

describe(`/boards actions (${TEST_DRIVER})`, () => {
  let admin: string;
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    acting.db = t.db;
    admin = (await insertUser(t.db, 'owner@example.com')).id;
    alice = (await insertUser(t.db, 'alice@example.com')).id;
    bob = (await insertUser(t.db, 'bob@example.com')).id;
    feeds = await startLocalServer({ '/feed.rss': (_req, res) => res.end(FIXTURE_RSS) });
  });
  afterEach(async () => settleBoardRuns(t.db));
  afterAll(async () => {
    await feeds?.close();
    await t?.close();
  });

  it('refuses every catalog change from visitors and users, whatever the form says', async () => {
    await insertFeedBoard(t.db, 'custom-guarded', { url: feeds.url('/feed.rss') });
    const pending = await insertFeedBoard(t.db, 'custom-proposal', { pending: true, proposedBy: bob });
    for (const [who, expected] of [
      [null, 'Sign in to do that.'],
      [alice, 'Only an admin of this instance can do that.'],
    ] as const) {
      acting.userId = who;
      expect(await actions.toggleBoard({}, form({ boardId: 'custom-guarded', enabled: 'false' }))).toEqual({ error: expected });
      expect(await actions.removeBoard({}, form({ boardId: 'custom-guarded' }))).toEqual({ error: expected });
      expect(await actions.reviewProposal({}, form({ boardId: pending.id, decision: 'approve' }))).toEqual({ error: expected });
      expect(await actions.loadSampleListings({})).toEqual({ error: expected });
      expect(await actions.refreshBoards({}, form({ boardId: 'custom-guarded', force: 'true' }))).toEqual({ error: expected });
    }
    acting.userId = null;
    expect(await actions.refreshBoards({}, form({}))).toEqual({ error: 'Sign in to do that.' });
    expect(await actions.setBoardHidden({}, form({ boardId: 'custom-guarded', hidden: 'true' }))).toEqual({ error: 'Sign in to do that.' });
    expect(await actions.addFeed({}, form({ name: 'Anon', url: 'https://anon.example/rss' }))).toEqual({ error: 'Sign in to do that.' });

    expect(await enabledOf('custom-guarded')).toBe(true);
    expect((await t.db.select().from(boards).where(eq(boards.id, pending.id)))[0]?.pending).toBe(true);
    expect(feeds.requests).toEqual([]);
  });

  it('lets a user propose a feed, hide a board and refresh it once per window', async () => {
    acting.userId = alice;
    expect(await actions.addFeed({}, form({ name: 'Alice feed', url: 'https://alice-feed.example/rss' }))).toEqual({
      ok: 'Proposed. An admin will review it; until then it is not fetched.',
    });
    expect((await t.db.select().from(boards).where(eq(boards.id, 'custom-alice-feed')))[0]).toMatchObject({ pending: true, proposedBy: alice });
    const bad = await actions.addFeed({}, form({ name: 'Inward', url: 'http://169.254.169.254/feed' }));
    expect(Object.keys(bad.fields ?? {})).toEqual(['url']);

    expect(await actions.setBoardHidden({}, form({ boardId: 'custom-guarded', hidden: 'true' }))).toEqual({ ok: 'Hidden from your jobs.' });
    expect(await hiddenBoardIds(t.db, alice)).toEqual(['custom-guarded']);
    expect(await hiddenBoardIds(t.db, bob)).toEqual([]);

    // The window is the board's, not the user's: bob waits for alice's refresh.
    expect(await actions.refreshBoards({}, form({ boardId: 'custom-guarded' }))).toEqual({ ok: 'Refreshing…' });
    await settleBoardRuns(t.db);
    acting.userId = bob;
    const again = await actions.refreshBoards({}, form({ boardId: 'custom-guarded' }));
    expect(again.error).toMatch(/refreshed less than 10 minutes ago\. Try again in (9|10) min\./);
    expect(feeds.requests).toHaveLength(1);
  });

  it('lets an admin turn boards off, force a refresh and review proposals', async () => {
    acting.userId = admin;
    expect(await actions.toggleBoard({}, form({ boardId: 'custom-guarded', enabled: 'false' }))).toEqual({ ok: 'Disabled for everyone.' });
    expect(await enabledOf('custom-guarded')).toBe(false);
    expect(await actions.toggleBoard({}, form({ boardId: 'custom-guarded', enabled: 'true' }))).toEqual({ ok: 'Enabled.' });
    expect(await actions.refreshBoards({}, form({ boardId: 'custom-guarded', force: 'true' }))).toEqual({ ok: 'Refreshing…' });
    await settleBoardRuns(t.db);
    expect(feeds.requests).toHaveLength(2);
    expect(await actions.reviewProposal({}, form({ boardId: 'custom-proposal', decision: 'reject' }))).toEqual({ ok: 'Rejected and removed.' });
    expect(await t.db.select().from(boards).where(eq(boards.id, 'custom-proposal'))).toEqual([]);
    expect(await actions.reviewProposal({}, form({ boardId: 'custom-proposal', decision: 'approve' }))).toEqual({ error: 'That board is gone.' });
  });

  it('answers a refresh whose database fails with the generic error, logged, never as refreshing', async () => {
    acting.userId = admin;
    // A database that fails every call, as one that went away does.
    acting.db = new Proxy({} as Db, {
      get: () => {
        throw new Error('connection terminated');
      },
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await actions.refreshBoards({}, form({}))).toEqual({ error: 'Could not refresh the boards. Try again in a moment.' });
      expect(logged).toHaveBeenCalledWith('[boards] refresh the boards failed', expect.anything());
    } finally {
      logged.mockRestore();
      acting.db = t.db;
    }
  });
});
