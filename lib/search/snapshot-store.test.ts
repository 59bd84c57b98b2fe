import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listings } from '../../db/schema';
import { queryRows, type Db } from '../../db/types';
import type { BoardDefinition } from '../../scrapers/types';
import { insertBoard, insertListing } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { ingestBoard } from '../ingest/run-board';
import { upsertListings } from '../ingest/store';
import { countFacets } from './facets';
import { jobFiltersSchema, type JobFilters } from './filters';
import { countMarket } from './market';
import { snapshotView } from './snapshot-store';

const USD = { USD: 1 };
const facetCounts = async (db: Db, chosen: JobFilters, rates: Record<string, number>) => countFacets(await snapshotView(db, chosen, rates));
const marketView = async (db: Db, chosen: JobFilters, rates: Record<string, number>) => countMarket(await snapshotView(db, chosen, rates));
const go = jobFiltersSchema.parse({ language: ['go'] });
const version = async (db: Db) => Number((await queryRows<{ version: number }>(db, sql`select version from listings_version`))[0]!.version);

describe(`facets and market view stay current (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  let other: TestDatabase;
  beforeAll(async () => {
    [database, other] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const board = await insertBoard(database.db, 'agg-board');
    await insertListing(database.db, board.id, { languages: ['go'], skills: ['postgresql'] });
    await insertBoard(other.db, 'agg-board');
  });
  afterAll(async () => {
    await Promise.all([database.close(), other.close()]);
  });

  it('counts a listing written by anyone on the next request, per database', async () => {
    expect((await facetCounts(database.db, go, USD)).language).toEqual({ go: 1 });
    expect((await marketView(database.db, go, USD)).listings).toBe(1);

    // Written directly, as another process (the CLI, a worker) would.
    const written = await insertListing(database.db, 'agg-board', { languages: ['go'] });
    const resorted = jobFiltersSchema.parse({ language: ['go'], sort: 'salary', limit: 50 });
    expect((await facetCounts(database.db, resorted, USD)).language).toEqual({ go: 2 });
    expect((await marketView(database.db, resorted, USD)).listings).toBe(2);

    await database.db.update(listings).set({ removedAt: new Date() }).where(eq(listings.id, written.id));
    expect((await facetCounts(database.db, go, USD)).language).toEqual({ go: 1 });
    await database.db.update(listings).set({ removedAt: null }).where(eq(listings.id, written.id));

    // Another database has its own snapshot.
    expect((await facetCounts(other.db, go, USD)).language).toEqual({});
  });

  it('bumps listings_version once per committed change, and not for what search does not read', async () => {
    const before = await version(database.db);
    // Many rows in one transaction: one bump.
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await insertListing(tx, 'agg-board', { languages: ['rust'] });
    });
    expect(await version(database.db)).toBe(before + 1);

    // Rolled back: no bump.
    await expect(
      database.db.transaction(async (tx) => {
        await insertListing(tx, 'agg-board', { languages: ['rust'] });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await version(database.db)).toBe(before + 1);

    // Seen again (last_seen_at) changes nothing search shows: no bump, no reload.
    await database.db.update(listings).set({ lastSeenAt: new Date() }).where(eq(listings.boardId, 'agg-board'));
    expect(await version(database.db)).toBe(before + 1);
    expect((await facetCounts(database.db, jobFiltersSchema.parse({}), USD)).language).toEqual({ go: 2, rust: 3 });
  });

  it('sees an ingestion and a bulk upsert at once', async () => {
    const board: BoardDefinition = {
      id: 'agg-board',
      name: 'Aggregates board',
      kind: 'json',
      url: 'https://agg.example/api',
      homepage: 'https://agg.example',
      scrape: () =>
        Promise.resolve({
          notModified: false,
          httpStatus: 200,
          complete: false,
          skipped: [],
          etag: null,
          lastModified: null,
          items: [
            {
              board: 'agg-board',
              externalId: 'fresh-1',
              url: 'https://agg.example/jobs/fresh-1',
              title: 'Go Backend Engineer',
              company: 'Fresh Co',
              location: 'Remote',
              salaryText: null,
              tags: ['golang'],
              descriptionHtml: '<p>Go and PostgreSQL.</p>',
              postedAt: new Date(),
            },
          ],
        }),
    };
    const result = await ingestBoard(database.db, board, { fetchText: () => Promise.reject(new Error('no network')) });
    expect(result.counts.new).toBe(1);
    // The language facet leaves out its own filter: the rust listings count beside go.
    expect((await facetCounts(database.db, go, USD)).language).toEqual({ go: 3, rust: 3 });
    expect((await marketView(database.db, go, USD)).listings).toBe(3);

    const [fresh] = await database.db.select().from(listings).where(eq(listings.externalId, 'fresh-1'));
    const { id: _id, firstSeenAt: _first, lastSeenAt: _last, removedAt: _removed, duplicateOf: _copy, search: _search, ...prepared } = fresh!;
    await upsertListings(database.db, [{ ...prepared, languages: ['python'], contentHash: 'changed' }]);
    expect((await facetCounts(database.db, go, USD)).language).toEqual({ go: 2, python: 1, rust: 3 });
  });
});
