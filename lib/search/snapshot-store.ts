import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/types';
import { emptyBitset, setBit, type Bitset } from './bitset';
import { TtlCache } from './cache';
import type { JobFilters } from './filters';
import { loadSnapshot, type ListingSnapshot } from './snapshot';
import type { SnapshotInputs } from './snapshot-filter';
import { withTextSearchPlan } from './text-plan';
import { evaluate, leavesOf, parseTsquery } from './text-query';
import { salaryFloorUsd, tsQuery } from './where';

/**
 * One snapshot of the open listings per database, kept while listings_version is unchanged.
 * Every transaction that changes listings bumps the version (migration 0006), whichever
 * process ran it, so a request pays one primary-key read to know the snapshot is current, and
 * the first request after a change waits for the new one (0.6 s for 170,000 listings).
 */
export interface Generation {
  version: number;
  snapshot: Promise<ListingSnapshot>;
  /** Rows matching each text-search leaf (a lexeme or a phrase), fetched once per generation. */
  leaves: TtlCache<Bitset>;
}

// Leaves stay while listings are unchanged; the bounds only cap memory (a leaf is a bit per
// open listing: 21 KB for 170,000).
const KEEP_MS = 60 * 60_000;
const MAX_LEAVES = 1_000;
const MAX_QUERIES = 1_000;

// On globalThis: Next.js may load this module once per bundle (route handlers, pages, the
// instrumentation hook) in one process, and they must share one snapshot per database.
const globalForSnapshots = globalThis as unknown as {
  trackendSnapshots?: WeakMap<Db, Generation>;
  trackendTsqueries?: TtlCache<string>;
};
const byDatabase = (globalForSnapshots.trackendSnapshots ??= new WeakMap());
// websearch syntax to tsquery text does not depend on the listings.
const tsqueries = (globalForSnapshots.trackendTsqueries ??= new TtlCache<string>(KEEP_MS, MAX_QUERIES));

/**
 * The generation for the current listings_version, and the database's clock (postedWithin
 * compares against it, as the page query does), read in one round trip.
 */
async function currentGeneration(db: Db): Promise<{ generation: Generation; nowUs: number }> {
  const [row] = await queryRows<{ version: number | string; now_us: number | string }>(
    db,
    sql`select version, (extract(epoch from now()) * 1000000)::bigint as now_us from listings_version`,
  );
  const version = Number(row?.version ?? 0);
  const nowUs = Number(row?.now_us ?? Date.now() * 1000);
  const known = byDatabase.get(db);
  if (known && known.version === version) return { generation: known, nowUs };
  const generation: Generation = { version, snapshot: loadSnapshot(db), leaves: new TtlCache(KEEP_MS, MAX_LEAVES) };
  generation.snapshot.then(
    // Read in its own transaction, the snapshot may be newer than the version read above.
    (snapshot) => (generation.version = snapshot.version),
    // A failed load is not kept: the next request tries again.
    () => {
      if (byDatabase.get(db) === generation) byDatabase.delete(db);
    },
  );
  byDatabase.set(db, generation);
  return { generation, nowUs };
}

/** The open listings a leaf of a text search matches, as snapshot rows. */
async function leafRows(db: Db, snapshot: ListingSnapshot, leaf: string): Promise<Bitset> {
  // Bitmap scans only: the GIN index finds the matches.
  const rows = await withTextSearchPlan(db, (scoped) =>
    queryRows<{ id: number | string }>(
      scoped,
      sql`select l.id from listings l where l.search @@ ${leaf}::tsquery and l.removed_at is null and l.duplicate_of is null`,
    ),
  );
  const set = emptyBitset(snapshot.size);
  for (const { id } of rows) {
    const row = snapshot.rowOf(Number(id));
    if (row >= 0) setBit(set, row);
  }
  return set;
}

/** The snapshot rows a websearch query matches, built from cached leaves. */
async function textRows(db: Db, generation: Generation, snapshot: ListingSnapshot, q: string): Promise<Bitset> {
  const text = await tsqueries.get(q, async () => {
    const [row] = await queryRows<{ text: string }>(db, sql`select ${tsQuery(q)}::text as text`);
    return row?.text ?? '';
  });
  const query = parseTsquery(text);
  if (!query) return emptyBitset(snapshot.size); // only stop words: PostgreSQL matches nothing
  const leaves = new Map<string, Bitset>();
  await Promise.all(
    leavesOf(query).map(async (leaf) => leaves.set(leaf, await generation.leaves.get(leaf, () => leafRows(db, snapshot, leaf)))),
  );
  return evaluate(query, (leaf) => leaves.get(leaf)!, snapshot.size);
}

/** The current snapshot and what a request's filters need besides it: counted from by facets, the market view and the relevance window. */
export interface SnapshotView {
  snapshot: ListingSnapshot;
  inputs: SnapshotInputs;
}

/**
 * The view for one request. Work it out once and hand it to each count (countFacets,
 * countMarket, searchJobs): each call reads the version and evaluates the text search again.
 */
export async function snapshotView(db: Db, filters: JobFilters, usdPerUnit: Record<string, number>): Promise<SnapshotView> {
  const { generation, nowUs } = await currentGeneration(db);
  const snapshot = await generation.snapshot;
  const text = filters.q ? await textRows(db, generation, snapshot, filters.q) : null;
  const floorUsd = filters.salaryMin === undefined ? undefined : salaryFloorUsd(filters, usdPerUnit);
  return { snapshot, inputs: { floorUsd, text, nowUs } };
}
