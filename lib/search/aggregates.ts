import type { Db } from '../../db/types';
import { countFacets, type Facets } from './facets';
import type { JobFilters } from './filters';
import { countMarket, type MarketView } from './market';
import { snapshotFor } from './snapshot-store';

// Facet counts and the market view read every listing a filter matches: they are counted from
// the current snapshot of the open listings (lib/search/snapshot-store.ts), a few milliseconds
// for 170,000 listings where SQL took 100-600 ms.

/** Counts beside each filter option for the current result (see countFacets). */
export async function facetCounts(db: Db, filters: JobFilters, usdPerUnit: Record<string, number>): Promise<Facets> {
  const { snapshot, inputs } = await snapshotFor(db, filters, usdPerUnit);
  return countFacets(snapshot, filters, inputs);
}

/** What the jobs matching the filters ask for (see countMarket). */
export async function marketView(db: Db, filters: JobFilters, usdPerUnit: Record<string, number>, top = 12): Promise<MarketView> {
  const { snapshot, inputs } = await snapshotFor(db, filters, usdPerUnit);
  return countMarket(snapshot, filters, inputs, top);
}
