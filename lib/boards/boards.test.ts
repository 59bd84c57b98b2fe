import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { boards, ingestRuns, listings } from '../../db/schema';
import { queryRows } from '../../db/types';
import { fixtureFeedFetch, insertFeedBoard, settleBoardRuns } from '../../test/support/board-runs';
import { insertUser } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { actorFor, type Actor } from '../auth/roles';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError, UnauthorizedError } from '../errors';
import { loadIngestTargets } from '../ingest/catalog';
import { hiddenBoardIds } from '../profile/profile';
import { boardsDue } from './health';
import { boardJson } from './json';
import { getBoard, hideBoard, listBoards, MAX_PENDING_PER_USER, removeFeed, reviewFeed, setBoardEnabledAs, submitFeed } from './manage';
import { refreshAllBoards, refreshBoard, REFRESH_WINDOW_MINUTES } from './refresh';
vi.mock('node:dns', async (original) => (await import('@/test/support/fake-dns')).fakeDns(original));

const INTERVAL = { intervalMinutes: 60 };

describe(`board catalog by role (${TEST_DRIVER})`, () => {
  let t: TestDatabase;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  let visitor: Actor;

  beforeAll(async () => {
    t = await createTestDatabase();
    admin = await actorFor(t.db, await insertUser(t.db, 'admin@example.com'), []);
    alice = await actorFor(t.db, await insertUser(t.db, 'alice@example.com'), []);
    bob = await actorFor(t.db, await insertUser(t.db, 'bob@example.com'), []);
    visitor = await actorFor(t.db, null, []);
    expect([admin.role, alice.role, bob.role, visitor.role]).toEqual(['admin', 'user', 'user', 'visitor']);
  });
  afterEach(async () => settleBoardRuns(t.db));
  afterAll(async () => t?.close());

  const ids = async (actor: Actor) => (await listBoards(t.db, actor, INTERVAL)).map((board) => board.id);

  it('keeps a proposed feed pending: never a target, never due, listed to admins and its proposer only', async () => {
    const fetchText = fixtureFeedFetch();
    const { id, outcome } = await submitFeed(t.db, alice, { name: 'Rust weekly', url: 'https://rust.example/jobs.rss' }, { fetchText });
    expect(outcome).toBe('proposed');
    const [row] = await t.db.select().from(boards).where(eq(boards.id, id));
    expect(row).toMatchObject({ pending: true, proposedBy: alice.userId, enabled: true });

    expect((await loadIngestTargets(t.db)).map((target) => target.board.id)).not.toContain(id);
    await expect(loadIngestTargets(t.db, [id])).rejects.toThrow(/waiting for an admin's approval/);
    expect(await boardsDue(t.db, 60)).not.toContain(id);
    expect(fetchText.urls).toEqual([]);

    expect(await ids(admin)).toContain(id);
    expect(await ids(alice)).toContain(id);
    expect(await ids(bob)).not.toContain(id);
    expect(await ids(visitor)).not.toContain(id);
    await expect(getBoard(t.db, bob, id, INTERVAL)).rejects.toThrow(NotFoundError);
    expect(boardJson(await getBoard(t.db, alice, id, INTERVAL), alice).status).toBe('pending');

    // Nobody can fetch it early: not its proposer, and not an admin without approving it.
    await expect(refreshBoard(t.db, bob, id, { fetchText })).rejects.toThrow(NotFoundError);
    await expect(refreshBoard(t.db, alice, id, { fetchText })).rejects.toThrow(ConflictError);
    await expect(refreshBoard(t.db, admin, id, { force: true, fetchText })).rejects.toThrow(ConflictError);
    await expect(setBoardEnabledAs(t.db, admin, id, true)).rejects.toThrow(ConflictError);
    expect(fetchText.urls).toEqual([]);
  });

  it('lets only admins approve (first run at once) and reject (deleted)', async () => {
    const fetchText = fixtureFeedFetch();
    const { id } = await submitFeed(t.db, bob, { name: 'Go remote', url: 'https://go.example/jobs.rss' });
    await expect(reviewFeed(t.db, bob, id, 'approve')).rejects.toThrow(ForbiddenError);
    await expect(reviewFeed(t.db, visitor, id, 'approve')).rejects.toThrow(UnauthorizedError);
    await expect(reviewFeed(t.db, admin, 'custom-nope', 'approve')).rejects.toThrow(NotFoundError);

    await reviewFeed(t.db, admin, id, 'approve', { fetchText });
    await settleBoardRuns(t.db);
    expect(fetchText.urls).toEqual(['https://go.example/jobs.rss']);
    expect(await ids(visitor)).toContain(id);
    const [live] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from listings where board_id = ${id}`);
    expect(Number(live!.n)).toBeGreaterThan(0);
    await expect(reviewFeed(t.db, admin, id, 'approve')).rejects.toThrow(ConflictError);

    const rejected = await submitFeed(t.db, bob, { name: 'Spam jobs', url: 'https://spam.example/jobs.rss' });
    await reviewFeed(t.db, admin, rejected.id, 'reject');
    expect(await t.db.select().from(boards).where(eq(boards.id, rejected.id))).toEqual([]);
  });

  it('adds an admin’s feed at once, refuses bad URLs naming `url`, and caps proposals per user', async () => {
    const fetchText = fixtureFeedFetch();
    const added = await submitFeed(t.db, admin, { name: 'Admin feed', url: 'https://admin-feed.example/rss' }, { fetchText });
    expect(added.outcome).toBe('added');
    await settleBoardRuns(t.db);
    expect(fetchText.urls).toEqual(['https://admin-feed.example/rss']);

    for (const url of ['http://127.0.0.1:3000/api/jobs', 'http://localhost/feed', 'ftp://x.example/feed', 'not a url']) {
      const error = await submitFeed(t.db, alice, { name: 'Inward', url }).catch((e: unknown) => e);
      expect(error, url).toBeInstanceOf(BadInputError);
      expect(Object.keys((error as BadInputError).fields)).toEqual(['url']);
    }
    await expect(submitFeed(t.db, visitor, { name: 'x', url: 'https://x.example/rss' })).rejects.toThrow(UnauthorizedError);

    const carol = await actorFor(t.db, await insertUser(t.db, 'carol@example.com'), []);
    for (let i = 0; i < MAX_PENDING_PER_USER; i++) await submitFeed(t.db, carol, { name: `Carol ${i}`, url: `https://c${i}.example/rss` });
    await expect(submitFeed(t.db, carol, { name: 'One more', url: 'https://more.example/rss' })).rejects.toThrow(ConflictError);
  });

  it('lets only admins turn boards off and remove feeds', async () => {
    await insertFeedBoard(t.db, 'custom-toggle');
    await expect(setBoardEnabledAs(t.db, alice, 'custom-toggle', false)).rejects.toThrow(ForbiddenError);
    await expect(setBoardEnabledAs(t.db, visitor, 'custom-toggle', false)).rejects.toThrow(UnauthorizedError);
    await expect(setBoardEnabledAs(t.db, admin, 'custom-missing', false)).rejects.toThrow(NotFoundError);
    await setBoardEnabledAs(t.db, admin, 'custom-toggle', false);
    expect((await getBoard(t.db, visitor, 'custom-toggle', INTERVAL)).enabled).toBe(false);

    await hideBoard(t.db, alice, 'custom-toggle', true);
    await expect(removeFeed(t.db, alice, 'custom-toggle')).rejects.toThrow(ForbiddenError);
    await loadIngestTargets(t.db); // built-in rows
    await expect(removeFeed(t.db, admin, 'golang-cafe')).rejects.toThrow(ConflictError);
    await removeFeed(t.db, admin, 'custom-toggle');
    expect(await ids(admin)).not.toContain('custom-toggle');
    expect(await hiddenBoardIds(t.db, alice.userId!)).not.toContain('custom-toggle');
  });

  it('keeps each user’s hidden boards their own', async () => {
    await insertFeedBoard(t.db, 'custom-hide');
    expect(await hideBoard(t.db, alice, 'custom-hide', true)).toContain('custom-hide');
    expect(await hideBoard(t.db, alice, 'custom-hide', true)).toEqual(await hiddenBoardIds(t.db, alice.userId!)); // idempotent
    expect((await hiddenBoardIds(t.db, alice.userId!)).filter((id) => id === 'custom-hide')).toHaveLength(1);
    expect(await hiddenBoardIds(t.db, bob.userId!)).not.toContain('custom-hide');
    await expect(hideBoard(t.db, visitor, 'custom-hide', true)).rejects.toThrow(UnauthorizedError);
    await expect(hideBoard(t.db, alice, 'custom-missing', true)).rejects.toThrow(NotFoundError);
    const json = boardJson(await getBoard(t.db, alice, 'custom-hide', INTERVAL), alice, { hidden: await hiddenBoardIds(t.db, alice.userId!) });
    expect(json.hidden).toBe(true);
    await hideBoard(t.db, alice, 'custom-hide', false);
    expect(await hiddenBoardIds(t.db, alice.userId!)).not.toContain('custom-hide');
  });

  it('shows the raw error to admins only', async () => {
    await insertFeedBoard(t.db, 'custom-broken', {
      lastError: 'unexpected body: {"items":[{"title":"secret internal"}]}',
      lastErrorAt: new Date(),
      consecutiveFailures: 1,
    });
    await t.db.insert(ingestRuns).values({ boardId: 'custom-broken', status: 'failed', problems: ['skipped x: body sample <html>'], finishedAt: new Date() });
    const asAdmin = boardJson(await getBoard(t.db, admin, 'custom-broken', INTERVAL), admin);
    expect(asAdmin).toMatchObject({ status: 'failing', error: expect.stringContaining('secret internal'), problems: ['skipped x: body sample <html>'] });
    for (const actor of [alice, visitor]) {
      const json = boardJson(await getBoard(t.db, actor, 'custom-broken', INTERVAL), actor);
      expect(json.status).toBe('failing');
      expect(JSON.stringify(json)).not.toMatch(/secret internal|body sample/);
      expect(json).not.toHaveProperty('error');
    }
  });

  describe('refresh', () => {
    it('runs a board at most once per window whoever asks, counted atomically', async () => {
      const fetchText = fixtureFeedFetch();
      await insertFeedBoard(t.db, 'custom-window');
      // Several callers at once (on PostgreSQL, on several connections): one run starts.
      const outcomes = await Promise.allSettled([alice, bob, alice, bob, visitor].map((actor) => refreshBoard(t.db, actor, 'custom-window', { fetchText })));
      const started = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
      expect(started).toHaveLength(1);
      const { runId } = (started[0] as PromiseFulfilledResult<{ runId: number }>).value;
      const [run] = await t.db.select().from(ingestRuns).where(eq(ingestRuns.id, runId));
      expect(run?.boardId).toBe('custom-window');
      expect(refused.filter((e) => e instanceof UnauthorizedError)).toHaveLength(1);
      const limited = refused.filter((e): e is TooManyRequestsError => e instanceof TooManyRequestsError);
      expect(limited).toHaveLength(3);
      await settleBoardRuns(t.db);

      // After the run, still inside the window: refused, with the window's end as the retry time.
      const later = await refreshBoard(t.db, bob, 'custom-window', { fetchText }).catch((e: unknown) => e);
      expect(later).toBeInstanceOf(TooManyRequestsError);
      const waitMs = (later as TooManyRequestsError).retryAt.getTime() - Date.now();
      expect(waitMs).toBeGreaterThan((REFRESH_WINDOW_MINUTES - 1) * 60_000);
      expect(waitMs).toBeLessThanOrEqual(REFRESH_WINDOW_MINUTES * 60_000 + 5_000);
      expect(fetchText.urls).toHaveLength(1);

      // Only an admin may force, and then the window does not hold.
      await expect(refreshBoard(t.db, bob, 'custom-window', { force: true, fetchText })).rejects.toThrow(ForbiddenError);
      expect((await refreshBoard(t.db, admin, 'custom-window', { force: true, fetchText })).runId).toBeGreaterThan(runId);
      await settleBoardRuns(t.db);

      // Once the window has passed, anyone signed in may refresh again.
      await t.db.update(boards).set({ refreshRequestedAt: sql`now() - interval '11 minutes'` }).where(eq(boards.id, 'custom-window'));
      expect((await refreshBoard(t.db, bob, 'custom-window', { fetchText })).runId).toBeGreaterThan(runId);
    });

    it('honours the backoff of a failing board for users', async () => {
      const fetchText = fixtureFeedFetch();
      const backoffUntil = new Date(Date.now() + 30 * 60_000);
      await insertFeedBoard(t.db, 'custom-failing', { backoffUntil, consecutiveFailures: 2, lastError: 'HTTP 500', lastErrorAt: new Date() });
      const error = await refreshBoard(t.db, alice, 'custom-failing', { fetchText }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TooManyRequestsError);
      expect((error as TooManyRequestsError).retryAt.getTime()).toBe(backoffUntil.getTime());
      const [row] = await t.db.select().from(boards).where(eq(boards.id, 'custom-failing'));
      expect(row?.refreshRequestedAt).toBeNull(); // a refused refresh does not use the window
      expect(fetchText.urls).toEqual([]);
      expect(boardJson(await getBoard(t.db, alice, 'custom-failing', INTERVAL), alice).status).toBe('backing-off');

      await refreshBoard(t.db, admin, 'custom-failing', { force: true, fetchText });
      await settleBoardRuns(t.db);
      expect(fetchText.urls).toHaveLength(1);
    });

    it('answers with the run under way instead of starting a second one', async () => {
      await insertFeedBoard(t.db, 'custom-busy', { runningSince: new Date() });
      const [run] = await t.db.insert(ingestRuns).values({ boardId: 'custom-busy' }).returning();
      expect(await refreshBoard(t.db, alice, 'custom-busy', { fetchText: fixtureFeedFetch() })).toEqual({ runId: run!.id });
      await t.db.update(ingestRuns).set({ status: 'failed', finishedAt: new Date() }).where(eq(ingestRuns.id, run!.id));
      await t.db.update(boards).set({ runningSince: null }).where(eq(boards.id, 'custom-busy'));
    });

    it('refuses disabled and unknown boards', async () => {
      await insertFeedBoard(t.db, 'custom-off', { enabled: false });
      await expect(refreshBoard(t.db, alice, 'custom-off')).rejects.toThrow(ConflictError);
      await expect(refreshBoard(t.db, alice, 'custom-unknown')).rejects.toThrow(NotFoundError);
      await expect(refreshBoard(t.db, alice, '../etc')).rejects.toThrow(NotFoundError);
    });

    it('lets a visitor refresh every board only while the instance has no account', async () => {
      const empty = await createTestDatabase();
      try {
        const fetchText = fixtureFeedFetch();
        await insertFeedBoard(empty.db, 'custom-fresh');
        await loadIngestTargets(empty.db); // the built-in rows, turned off: this test reads one feed
        await empty.db.update(boards).set({ enabled: false }).where(sql`id <> 'custom-fresh'`);
        const first = await actorFor(empty.db, null, []);
        expect(await refreshAllBoards(empty.db, first, { fetchText })).toEqual({ started: 1, skipped: 0 });
        await settleBoardRuns(empty.db);
        expect(fetchText.urls).toEqual(['https://custom-fresh.example/feed.rss']);
        // The window holds for the whole-catalog refresh too.
        expect(await refreshAllBoards(empty.db, first, { fetchText })).toEqual({ started: 0, skipped: 1 });

        await insertUser(empty.db);
        const later = await actorFor(empty.db, null, []);
        await expect(refreshAllBoards(empty.db, later, { fetchText })).rejects.toThrow(UnauthorizedError);
        await expect(refreshBoard(empty.db, later, 'custom-fresh', { fetchText })).rejects.toThrow(UnauthorizedError);
        const [stored] = await queryRows<{ n: number }>(empty.db, sql`select count(*)::int as n from ${listings}`);
        expect(Number(stored!.n)).toBeGreaterThan(0);
      } finally {
        await empty.close();
      }
    });
  });
});
