import type { Db } from '../../db/types';
import { TtlCache } from './cache';
import { facetCounts, type Facets } from './facets';
import { filtersToParams, type JobFilters } from './filters';
import { marketView, type MarketView } from './market';

/**
 * Facet counts and the market view read every listing a filter matches (100-200 ms for a broad
 * filter over 200,000 listings), and change only when boards are ingested. The /jobs page and
 * /api/jobs share one minute-long cache of both per filter set and database; an ingestion in
 * this process forgets it at once (see lib/ingest/run-board.ts), one in another process (the
 * CLI, a pg-boss worker) shows up within the minute.
 */
const TTL_MS = 60_000;

interface Caches {
  facets: TtlCache<Facets>;
  market: TtlCache<MarketView>;
}

// On globalThis: Next.js may load this module once per bundle (route handlers, pages, the
// instrumentation hook) in one process, and they must share one cache.
const globalForAggregates = globalThis as unknown as { trackendAggregates?: WeakMap<Db, Caches> };
const byDatabase = (globalForAggregates.trackendAggregates ??= new WeakMap());

function cachesFor(db: Db): Caches {
  let caches = byDatabase.get(db);
  if (!caches) byDatabase.set(db, (caches = { facets: new TtlCache(TTL_MS), market: new TtlCache(TTL_MS) }));
  return caches;
}

/** The filter set that the aggregates depend on: not the sort, the page size or the cursor. */
export const aggregateKey = (filters: JobFilters) => filtersToParams({ ...filters, sort: undefined, limit: undefined }).toString();

export function cachedFacetCounts(db: Db, filters: JobFilters, usdPerUnit: Record<string, number>): Promise<Facets> {
  return cachesFor(db).facets.get(aggregateKey(filters), () => facetCounts(db, filters, usdPerUnit));
}

export function cachedMarketView(db: Db, filters: JobFilters, usdPerUnit: Record<string, number>): Promise<MarketView> {
  return cachesFor(db).market.get(aggregateKey(filters), () => marketView(db, filters, usdPerUnit));
}

/** Listings changed in this process: recount on the next request. */
export function forgetAggregates(db: Db): void {
  byDatabase.delete(db);
}
