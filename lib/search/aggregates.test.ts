import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardDefinition } from '../../scrapers/types';
import { insertBoard, insertListing } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { ingestBoard } from '../ingest/run-board';
import { cachedFacetCounts, cachedMarketView } from './aggregates';
import { jobFiltersSchema } from './filters';

const USD = { USD: 1 };

describe(`cached facets and market view (${TEST_DRIVER})`, () => {
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

  it('serves repeats of a filter set from the cache, whatever the sort or page size, per database', async () => {
    const filters = jobFiltersSchema.parse({ language: ['go'] });
    expect((await cachedFacetCounts(database.db, filters, USD)).language).toEqual({ go: 1 });
    expect((await cachedMarketView(database.db, filters, USD)).listings).toBe(1);

    // Written behind the cache's back (as another process would): not seen within the minute.
    await insertListing(database.db, 'agg-board', { languages: ['go'] });
    const resorted = jobFiltersSchema.parse({ language: ['go'], sort: 'salary', limit: 50 });
    expect((await cachedFacetCounts(database.db, resorted, USD)).language).toEqual({ go: 1 });
    expect((await cachedMarketView(database.db, resorted, USD)).listings).toBe(1);

    // Another database has its own cache.
    expect((await cachedFacetCounts(other.db, filters, USD)).language).toEqual({});
  });

  it('recounts after an ingestion in this process changes listings', async () => {
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
    const filters = jobFiltersSchema.parse({ language: ['go'] });
    // Two listings inserted directly above, plus the ingested one.
    expect((await cachedFacetCounts(database.db, filters, USD)).language).toEqual({ go: 3 });
    expect((await cachedMarketView(database.db, filters, USD)).listings).toBe(3);
  });
});
