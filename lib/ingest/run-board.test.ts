import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { applications, boards, ingestRuns, listings } from '../../db/schema';
import { queryRows } from '../../db/types';
import { FetchError } from '../../scrapers/errors';
import type { BoardDefinition, FetchText, RawListing, ScrapeResult } from '../../scrapers/types';
import { insertUser } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { describeError, ingestBoard } from './run-board';
import { upsertListings } from './store';

const noFetch: FetchText = () => Promise.reject(new Error('fake boards do not fetch'));

/** A board whose next response the test sets. */
function fakeBoard(id: string, name = id) {
  let next: () => ScrapeResult = () => ({ notModified: true, httpStatus: 304 });
  const board: BoardDefinition = {
    id,
    name,
    kind: 'json',
    url: `https://${id}.example/api`,
    homepage: `https://${id}.example`,
    scrape: () => Promise.resolve().then(() => next()),
  };
  return {
    board,
    respond(items: RawListing[], options: { complete?: boolean; skipped?: ScrapeResult extends infer R ? R extends { skipped: infer S } ? S : never : never } = {}) {
      next = () => ({ notModified: false, httpStatus: 200, items, skipped: options.skipped ?? [], complete: options.complete ?? true, etag: '"v1"', lastModified: null });
    },
    notModified() {
      next = () => ({ notModified: true, httpStatus: 304 });
    },
    fail(error: Error) {
      next = () => {
        throw error;
      };
    },
  };
}

function item(boardId: string, n: number, overrides: Partial<RawListing> = {}): RawListing {
  return {
    board: boardId,
    externalId: `job-${n}`,
    url: `https://${boardId}.example/jobs/${n}?utm_source=rss`,
    title: `Senior Go Backend Engineer ${n}`,
    company: `Company ${n}`,
    location: 'Remote (EU)',
    salaryText: '$120k - $150k',
    tags: ['golang', 'postgresql'],
    descriptionHtml: `<p>Build APIs in Go with PostgreSQL. 5+ years of experience.</p><script>alert(${n})</script><img src="https://t.example/p.gif">`,
    postedAt: new Date('2026-11-20T09:00:00Z'),
    ...overrides,
  };
}

describe(`ingestBoard (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    await database.db.execute(sql`truncate boards, listings, ingest_runs, applications, users cascade`);
  });

  const run = (board: BoardDefinition, extra: Partial<Parameters<typeof ingestBoard>[2]> = {}) =>
    ingestBoard(database.db, board, { fetchText: noFetch, ...extra });

  it('stores new listings classified, sanitized and keyed, and records the run', async () => {
    const fake = fakeBoard('alpha');
    fake.respond([item('alpha', 1), item('alpha', 2)]);
    const result = await run(fake.board);
    expect(result.status).toBe('succeeded');
    expect(result.counts).toEqual({ fetched: 2, new: 2, updated: 0, unchanged: 0, removed: 0, skipped: 0, failed: 0 });

    const [stored] = await database.db.select().from(listings).where(eq(listings.externalId, 'job-1'));
    expect(stored).toMatchObject({
      boardId: 'alpha',
      canonicalUrl: 'https://alpha.example/jobs/1',
      seniority: 'senior',
      role: 'backend',
      salaryMin: 120_000,
      salaryMax: 150_000,
      salaryCurrency: 'USD',
      salaryPeriod: 'year',
      salaryUsdYearly: 120_000,
      yearsRequired: 5,
      removedAt: null,
      duplicateOf: null,
    });
    expect(stored!.languages).toContain('go');
    expect(stored!.descriptionHtml).toBe('<p>Build APIs in Go with PostgreSQL. 5+ years of experience.</p>');
    expect(stored!.descriptionText).not.toContain('alert');

    const [runRow] = await database.db.select().from(ingestRuns);
    expect(runRow).toMatchObject({ boardId: 'alpha', status: 'succeeded', httpStatus: 200, new: 2, fetched: 2 });
    const [board] = await database.db.select().from(boards).where(eq(boards.id, 'alpha'));
    expect(board).toMatchObject({ etag: '"v1"', consecutiveFailures: 0, runningSince: null });
    expect(board!.lastSuccessAt).not.toBeNull();
  });

  it('writes a feed larger than one statement in several, and keeps nothing of a run whose statement fails', async () => {
    const fake = fakeBoard('wide');
    // About 30 kB a row: UPSERT_MAX_JSON_CHARS splits these 60 into several statements, written
    // while the rest are prepared (PostgreSQL) with two in flight.
    const long = (n: number) => item('wide', n, { descriptionHtml: `<p>${`Go services and PostgreSQL, item ${n}. `.repeat(800)}</p>` });
    const feed = Array.from({ length: 60 }, (_, n) => long(n));
    fake.respond(feed);
    const first = await run(fake.board);
    expect(first.status).toBe('succeeded');
    expect(first.counts.new).toBe(60);
    const stored = await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from listings where board_id = 'wide'`);
    expect(Number(stored[0]!.n)).toBe(60);

    // A row the database refuses in a later statement: the whole run is rolled back and recorded as failed.
    await database.db.execute(sql`create function refuse_boom() returns trigger language plpgsql as $$
      begin if new.title like '%boom%' then raise exception 'refused by the test'; end if; return new; end $$`);
    await database.db.execute(sql`create trigger refuse_boom before insert on listings for each row execute function refuse_boom()`);
    try {
      const other = fakeBoard('wide-two');
      other.respond(Array.from({ length: 60 }, (_, n) => ({ ...long(n), board: 'wide-two', title: n === 50 ? 'boom' : `Go Engineer ${n}` })));
      const failed = await run(other.board);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/refused by the test/);
      const kept = await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from listings where board_id = 'wide-two'`);
      expect(Number(kept[0]!.n)).toBe(0);
    } finally {
      await database.db.execute(sql`drop trigger refuse_boom on listings`);
      await database.db.execute(sql`drop function refuse_boom()`);
    }
  });

  it('writes nothing when the same feed comes again, and updates only what changed', async () => {
    const fake = fakeBoard('beta');
    fake.respond([item('beta', 1), item('beta', 2), item('beta', 3)]);
    await run(fake.board);
    const versions = async () =>
      (await queryRows<{ external_id: string; xmin: string }>(database.db, sql`select external_id, xmin::text from listings order by external_id`));
    const before = await versions();

    const again = await run(fake.board);
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3, removed: 0 });
    expect(await versions()).toEqual(before);

    fake.respond([item('beta', 1), item('beta', 2, { title: 'Staff Go Engineer 2' }), item('beta', 3)]);
    const changed = await run(fake.board);
    expect(changed.counts).toMatchObject({ new: 0, updated: 1, unchanged: 2 });
    const after = await versions();
    expect(after.filter((row, i) => row.xmin !== before[i]!.xmin).map((row) => row.external_id)).toEqual(['job-2']);
    const [updated] = await database.db.select().from(listings).where(eq(listings.externalId, 'job-2'));
    expect(updated).toMatchObject({ title: 'Staff Go Engineer 2', seniority: 'lead' });
  });

  it('refreshes last_seen_at of unchanged listings at most once a day', async () => {
    const fake = fakeBoard('kappa');
    fake.respond([item('kappa', 1), item('kappa', 2)]);
    await run(fake.board);
    await database.db.execute(sql`update listings set last_seen_at = now() - interval '2 days' where external_id = 'job-1'`);
    const seen = async () =>
      queryRows<{ external_id: string; fresh: boolean }>(
        database.db,
        sql`select external_id, last_seen_at > now() - interval '1 hour' as fresh from listings order by external_id`,
      );
    expect(await seen()).toEqual([
      { external_id: 'job-1', fresh: false },
      { external_id: 'job-2', fresh: true },
    ]);
    const again = await run(fake.board);
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect(await seen()).toEqual([
      { external_id: 'job-1', fresh: true },
      { external_id: 'job-2', fresh: true },
    ]);
  });

  it('marks listings gone from a complete feed removed, never deleted, and brings them back', async () => {
    const fake = fakeBoard('gamma');
    fake.respond([item('gamma', 1), item('gamma', 2)]);
    await run(fake.board);
    const [listing] = await database.db.select().from(listings).where(eq(listings.externalId, 'job-2'));
    const user = await insertUser(database.db);
    await database.db.insert(applications).values({ userId: user.id, listingId: listing!.id, title: listing!.title, company: 'Company 2' });

    fake.respond([item('gamma', 1)]);
    const result = await run(fake.board);
    expect(result.counts.removed).toBe(1);
    const [removed] = await database.db.select().from(listings).where(eq(listings.id, listing!.id));
    expect(removed!.removedAt).not.toBeNull();
    const [application] = await database.db.select().from(applications);
    expect(application!.listingId).toBe(listing!.id);

    fake.respond([item('gamma', 1), item('gamma', 2)]);
    const back = await run(fake.board);
    expect(back.counts).toMatchObject({ updated: 1, unchanged: 1, removed: 0 });
    const [revived] = await database.db.select().from(listings).where(eq(listings.id, listing!.id));
    expect(revived!.removedAt).toBeNull();
  });

  it('does not remove anything on a partial feed or an empty "complete" one', async () => {
    const fake = fakeBoard('delta');
    fake.respond([item('delta', 1), item('delta', 2)]);
    await run(fake.board);

    fake.respond([item('delta', 1)], { complete: false });
    expect((await run(fake.board)).counts.removed).toBe(0);

    fake.respond([], { complete: true });
    const empty = await run(fake.board);
    expect(empty.counts.removed).toBe(0);
    expect(empty.problems).toContain('the board returned no listings; kept the stored ones instead of marking them removed');
    const live = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from listings where removed_at is null`);
    expect(live[0]!.n).toBe(2);
  });

  it('skips bad items with reasons and stores the rest', async () => {
    const fake = fakeBoard('epsilon');
    fake.respond(
      [
        item('epsilon', 1),
        item('epsilon', 2, { title: '   ' }),
        item('epsilon', 3, { url: 'javascript:alert(1)' }),
        item('epsilon', 4, { postedAt: new Date('garbage') }),
        item('epsilon', 1),
      ],
      { skipped: [{ reason: 'missing link', ref: 'item 9' }] },
    );
    const result = await run(fake.board);
    expect(result.status).toBe('succeeded');
    expect(result.counts).toMatchObject({ fetched: 6, new: 1, skipped: 5 });
    expect(result.problems).toEqual([
      'skipped item 9: missing link',
      'skipped job-2: title is empty',
      'skipped job-3: url must be an absolute http(s) URL',
      'skipped job-4: postedAt is not a valid date',
      'skipped job-1: listed twice in the same response',
    ]);
    const [runRow] = await database.db.select().from(ingestRuns);
    expect(runRow!.problems).toHaveLength(5);
  });

  it('records a failure, keeps what was stored and backs off', async () => {
    const fake = fakeBoard('zeta');
    fake.respond([item('zeta', 1)]);
    await run(fake.board);

    fake.fail(new FetchError('http', 'https://zeta.example/api', 'GET https://zeta.example/api failed: HTTP 500 Internal Server Error', { status: 500 }));
    const now = new Date();
    const failed = await run(fake.board, { now: () => now });
    expect(failed).toMatchObject({ status: 'failed', httpStatus: 500, error: 'GET https://zeta.example/api failed: HTTP 500 Internal Server Error' });
    expect(failed.retryAt!.getTime() - now.getTime()).toBe(15 * 60_000);

    const [board] = await database.db.select().from(boards).where(eq(boards.id, 'zeta'));
    expect(board).toMatchObject({ consecutiveFailures: 1, lastError: failed.error, runningSince: null });
    const runs = await database.db.select().from(ingestRuns).where(eq(ingestRuns.boardId, 'zeta')).orderBy(ingestRuns.id);
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'failed']);
    expect(await database.db.select().from(listings)).toHaveLength(1);

    // Backing off: not tried again before retryAt, unless forced.
    fake.respond([item('zeta', 1), item('zeta', 2)]);
    expect((await run(fake.board)).status).toBe('backing_off');
    const forced = await run(fake.board, { force: true });
    expect(forced.status).toBe('succeeded');
    const [recovered] = await database.db.select().from(boards).where(eq(boards.id, 'zeta'));
    expect(recovered).toMatchObject({ consecutiveFailures: 0, backoffUntil: null });
  });

  it('a 304 parses nothing and writes no listing', async () => {
    const fake = fakeBoard('eta');
    fake.notModified();
    const result = await run(fake.board);
    expect(result).toMatchObject({ status: 'not_modified', httpStatus: 304 });
    const [runRow] = await database.db.select().from(ingestRuns);
    expect(runRow).toMatchObject({ status: 'not_modified', httpStatus: 304 });
  });

  it('runs one ingestion of a board at a time; concurrent upserts never duplicate', async () => {
    const fake = fakeBoard('theta');
    fake.respond([item('theta', 1), item('theta', 2)]);
    // The first run is held inside its scrape (lease taken) until the second has been turned
    // away: left to race, a first run of a fake board can finish before the second starts.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: BoardDefinition = { ...fake.board, scrape: (ctx) => gate.then(() => fake.board.scrape(ctx)) };
    const first = run(held);
    await vi.waitFor(async () => {
      const [row] = await database.db.select({ runningSince: boards.runningSince }).from(boards).where(eq(boards.id, 'theta'));
      expect(row?.runningSince).toBeTruthy();
    }, { timeout: 10_000 });
    const second = await run(held);
    release();
    expect([(await first).status, second.status]).toEqual(['succeeded', 'busy']);
    expect(second.error).toBe('another process is ingesting this board right now');

    const { prepareListing, contentHash } = await import('./prepare');
    const { validateRawListing } = await import('./validate');
    const prepared = [3, 4].map((n) => {
      const checked = validateRawListing(item('theta', n));
      if (!checked.ok) throw new Error(checked.reason);
      return prepareListing(checked.item, contentHash(checked.item), { isSample: false, rates: { USD: 1 } });
    });
    await Promise.all([upsertListings(database.db, prepared), upsertListings(database.db, prepared)]);
    const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from listings where board_id = 'theta'`);
    expect(rows[0]!.n).toBe(4);
  });

  it('takes over the lease of a run whose process died, failing that run', async () => {
    const fake = fakeBoard('iota');
    fake.respond([item('iota', 1)]);
    await run(fake.board);
    await database.db.update(boards).set({ runningSince: sql`now() - interval '2 hours'` }).where(eq(boards.id, 'iota'));
    await database.db.insert(ingestRuns).values({ boardId: 'iota', startedAt: sql`now() - interval '2 hours'` });

    expect((await run(fake.board)).status).toBe('succeeded');
    const runs = await database.db.select().from(ingestRuns).where(eq(ingestRuns.boardId, 'iota')).orderBy(ingestRuns.id);
    expect(runs.map((r) => [r.status, r.error])).toEqual([
      ['succeeded', null],
      ['failed', 'interrupted: the process running it stopped'],
      ['succeeded', null],
    ]);
  });

  it('shows the same job from two boards once, and frees the copy when the first is removed', async () => {
    const a = fakeBoard('board-a');
    const b = fakeBoard('board-b');
    a.respond([item('board-a', 1, { company: 'Gophers, Inc.', title: 'Backend Engineer (Go)' })]);
    b.respond([
      item('board-b', 7, { company: 'GOPHERS', title: 'Backend Engineer' }),
      item('board-b', 8, { url: 'https://board-a.example/jobs/1', company: 'Other', title: 'Different title' }),
    ]);
    await run(a.board);
    await run(b.board);
    const rows = await database.db.select({ id: listings.id, board: listings.boardId, duplicateOf: listings.duplicateOf }).from(listings).orderBy(listings.id);
    const primary = rows.find((r) => r.board === 'board-a')!;
    expect(rows.filter((r) => r.board === 'board-b').map((r) => r.duplicateOf)).toEqual([primary.id, primary.id]);

    a.respond([item('board-a', 99)]);
    await run(a.board);
    const freed = await database.db.select({ duplicateOf: listings.duplicateOf }).from(listings).where(eq(listings.boardId, 'board-b'));
    // Freed from the removed primary; the two board-b listings are on one board, so neither is a copy of the other.
    expect(freed.map((r) => r.duplicateOf)).toEqual([null, null]);
  });
});

describe('describeError', () => {
  it('names the database error of a failed query instead of repeating its statement and parameters', () => {
    const failed = new Error(`Failed query: insert into listings (...)\nparams: ${'x'.repeat(1_000_000)}`, {
      cause: new Error('unsupported Unicode escape sequence'),
    });
    expect(describeError(failed)).toBe('database error: unsupported Unicode escape sequence');
  });

  it('caps any message at 1000 characters', () => {
    const message = describeError(new TypeError('y'.repeat(5000)));
    expect(message).toHaveLength(1000);
    expect(message.startsWith('TypeError: yyy')).toBe(true);
    expect(message.endsWith('…')).toBe(true);
  });
});
