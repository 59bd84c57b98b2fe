import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/types';
import { emptyBitset, setBit, type Bitset } from './bitset';
import { TtlCache } from './cache';
import { salaryFloorUsd, type JobFilters } from './filters';
import { openListing } from './open';
import { loadSnapshot, type ListingSnapshot } from './snapshot';
import { rowSetBytes } from './row-sets';
import { matchRows, type MatchedRows, type SnapshotInputs } from './snapshot-filter';
import { tsQuery, withTextSearchPlan } from './text-plan';
import { evaluate, leavesOf, parseTsquery } from './text-query';

/**
 * One snapshot of the open listings per database, kept while listings_version is unchanged.
 * Every transaction that changes listings bumps the version (migration 0006), whichever
 * process ran it, so a request pays one primary-key read to know the snapshot is current, and
 * the first request after a change waits for the new one (0.6 s for 170,000 listings).
 */
interface Generation {
  version: number;
  loaded: Promise<Loaded>;
}

interface Loaded {
  snapshot: ListingSnapshot;
  /** Rows matching each text-search leaf (a lexeme or a phrase), fetched once per generation. */
  leaves: TtlCache<Bitset>;
}

// Leaves stay while listings are unchanged. A leaf is a bit per open listing (21 KB for
// 170,000, 125 KB for a million): the cache holds as many as fit in LEAF_BYTES, at most MAX_LEAVES.
const KEEP_MS = 60 * 60_000;
const LEAF_BYTES = 32 * 1024 * 1024;
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

async function load(db: Db): Promise<Loaded> {
  const snapshot = await loadSnapshot(db);
  const leafBytes = Math.max(4, Math.ceil(snapshot.size / 32) * 4);
  return { snapshot, leaves: new TtlCache(KEEP_MS, Math.max(16, Math.min(MAX_LEAVES, Math.floor(LEAF_BYTES / leafBytes)))) };
}

/**
 * The generation for the current listings_version, and the database's clock (postedWithin
 * compares against it, as SQL's now() would), read in one round trip.
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
  const generation: Generation = { version, loaded: load(db) };
  generation.loaded.then(
    // Read in its own transaction, the snapshot may be newer than the version read above.
    ({ snapshot }) => (generation.version = snapshot.version),
    // A failed load is not kept: the next request tries again.
    () => {
      if (byDatabase.get(db) === generation) byDatabase.delete(db);
    },
  );
  byDatabase.set(db, generation);
  return { generation, nowUs };
}

/** The current snapshot of the open listings (for questions that are not a search's: similar listings, the overview). */
export async function currentSnapshot(db: Db): Promise<ListingSnapshot> {
  return (await (await currentGeneration(db)).generation.loaded).snapshot;
}

/** The open listings a leaf of a text search matches, as snapshot rows. */
async function leafRows(db: Db, snapshot: ListingSnapshot, leaf: string): Promise<Bitset> {
  // Bitmap scans only: the GIN index finds the matches.
  const rows = await withTextSearchPlan(db, (scoped) =>
    queryRows<{ id: number | string }>(scoped, sql`select l.id from listings l where l.search @@ ${leaf}::tsquery and ${openListing('l')}`),
  );
  const set = emptyBitset(snapshot.size);
  for (const { id } of rows) {
    const row = snapshot.rowOf(Number(id));
    if (row >= 0) setBit(set, row);
  }
  return set;
}

/** The snapshot rows a websearch query matches, built from cached leaves. */
async function textRows(db: Db, { snapshot, leaves }: Loaded, q: string): Promise<Bitset> {
  const text = await tsqueries.get(q, async () => {
    const [row] = await queryRows<{ text: string }>(db, sql`select ${tsQuery(q)}::text as text`);
    return row?.text ?? '';
  });
  const query = parseTsquery(text);
  if (!query) return emptyBitset(snapshot.size); // only stop words: PostgreSQL matches nothing
  const resolved = new Map<string, Bitset>();
  await Promise.all(leavesOf(query).map(async (leaf) => resolved.set(leaf, await leaves.get(leaf, () => leafRows(db, snapshot, leaf)))));
  return evaluate(query, (leaf) => resolved.get(leaf)!, snapshot.size);
}

/**
 * The one match result of a request: the snapshot, the filters it was worked out for, and
 * the rows they match. The page and its cursor, the facets, the market view and the relevance
 * window all read it; nothing else decides which listings match.
 */
export interface SnapshotView extends MatchedRows {
  snapshot: ListingSnapshot;
  filters: JobFilters;
  inputs: SnapshotInputs;
}

/**
 * The view for one request's filters (their cursor, sort and limit do not change it). Work it
 * out once and hand it to each reader (searchJobs, countFacets, countMarket).
 */
export async function snapshotView(db: Db, filters: JobFilters, usdPerUnit: Record<string, number>): Promise<SnapshotView> {
  const { generation, nowUs } = await currentGeneration(db);
  const loaded = await generation.loaded;
  const text = filters.q ? await textRows(db, loaded, filters.q) : null;
  const floorUsd = filters.salaryMin === undefined ? undefined : salaryFloorUsd(filters, usdPerUnit);
  const inputs = { floorUsd, text, nowUs };
  return { snapshot: loaded.snapshot, filters, inputs, ...matchRows(loaded.snapshot, filters, inputs) };
}

/** What the engine holds in memory for a database: the snapshot's columns, the row sets kept with it and the cached text leaves, in bytes. */
export async function engineBytes(db: Db): Promise<{ snapshot: number; sets: number; leaves: number }> {
  const { snapshot, leaves } = await (await currentGeneration(db)).generation.loaded;
  return { snapshot: snapshot.bytes, sets: rowSetBytes(snapshot), leaves: leaves.size * Math.ceil(snapshot.size / 32) * 4 };
}
