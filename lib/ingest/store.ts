import 'server-only';
import { and, eq, getTableColumns, inArray, isNull, lt, sql } from 'drizzle-orm';
import { listings } from '../../db/schema';
import { queryRows, type Db } from '../../db/types';
import { openListing } from '../search/open';
import type { PreparedListing } from './prepare';
import { columnName, rowJson } from './row-json';

/** What is stored for a board, keyed by external id: enough to tell new, changed and unchanged. */
export interface StoredState {
  hash: string;
  removed: boolean;
}

export async function loadStoredState(db: Db, boardId: string): Promise<Map<string, StoredState>> {
  const rows = await db
    .select({ externalId: listings.externalId, hash: listings.contentHash, removedAt: listings.removedAt })
    .from(listings)
    .where(eq(listings.boardId, boardId));
  return new Map(rows.map((row) => [row.externalId, { hash: row.hash, removed: row.removedAt !== null }]));
}

/** The listing columns the database fills (or dedupe links later), never a prepared row (PreparedListing omits them). */
export const DATABASE_FILLED = ['id', 'firstSeenAt', 'lastSeenAt', 'removedAt', 'duplicateOf', 'search'] as const;

// Every column a prepared row carries, with its SQL type for json_to_recordset, from the schema.
const LISTING_COLUMNS = getTableColumns(listings);
const filled: ReadonlySet<string> = new Set(DATABASE_FILLED);
export const COLUMNS = (Object.keys(LISTING_COLUMNS) as (keyof typeof LISTING_COLUMNS)[]).filter((key): key is keyof PreparedListing => !filled.has(key));

// Columns an update copies from the incoming row. firstSeenAt, duplicateOf and the id stay.
const UPDATED_COLUMNS = COLUMNS.filter((key) => key !== 'boardId' && key !== 'externalId' && key !== 'postedAt');

/** A prepared row's columns in SQL, and the record type json_to_recordset reads them as (the ingest benchmark's floor writes them too). */
export const PREPARED_RECORDSET = {
  columns: COLUMNS.map(columnName).join(', '),
  recordType: COLUMNS.map((key) => `${columnName(key)} ${LISTING_COLUMNS[key].getSQLType()}`).join(', '),
};

const UPSERT_SQL = {
  ...PREPARED_RECORDSET,
  set: [
    ...UPDATED_COLUMNS.map((key) => `${columnName(key)} = excluded.${columnName(key)}`),
    // A board that stops sending a date (we stored "first seen") must not make the job look newer.
    'posted_at = least(excluded.posted_at, listings.posted_at)',
    'last_seen_at = now()',
    'removed_at = null',
  ].join(', '),
};

/** How many listings one statement writes: one JSON parameter a batch, so only memory bounds it. */
export const UPSERT_BATCH_SIZE = 1000;
/** And at most about this much JSON per statement (a batch of large descriptions is split). */
export const UPSERT_MAX_JSON_CHARS = 256_000;


/**
 * Insert or update one batch by (board, external id) in one statement: the rows travel as a
 * single JSON parameter (json_to_recordset), not 28 bind parameters each. A row whose content
 * hash did not change is not written, so concurrent or repeated runs never duplicate and never
 * rewrite. Returns the ids of inserted rows and the number updated.
 */
export async function upsertBatch(db: Db, rowJsons: string[]): Promise<{ insertedIds: number[]; updated: number }> {
  const insertedIds: number[] = [];
  let updated = 0;
  if (rowJsons.length === 0) return { insertedIds, updated };
  // The rows were serialized where they were prepared (rowJson, in the worker pool): joining is all that is left here.
  const json = `[${rowJsons.join(',')}]`;
  const result = await queryRows<{ id: number | string; inserted: boolean }>(
    db,
    sql`insert into listings (${sql.raw(UPSERT_SQL.columns)})
        select ${sql.raw(UPSERT_SQL.columns)} from json_to_recordset(${json}::json) as r(${sql.raw(UPSERT_SQL.recordType)})
        on conflict (board_id, external_id) do update set ${sql.raw(UPSERT_SQL.set)}
        where listings.content_hash is distinct from excluded.content_hash or listings.removed_at is not null
        returning id, (xmax = 0) as inserted`,
  );
  // xmax = 0 only on a freshly inserted row version.
  for (const row of result) {
    if (row.inserted) insertedIds.push(Number(row.id));
    else updated++;
  }
  return { insertedIds, updated };
}

/** upsertBatch over any number of rows, UPSERT_BATCH_SIZE at a time. */
export async function upsertListings(db: Db, rows: PreparedListing[]): Promise<{ insertedIds: number[]; updated: number }> {
  const insertedIds: number[] = [];
  let updated = 0;
  for (let start = 0; start < rows.length; start += UPSERT_BATCH_SIZE) {
    const batch = await upsertBatch(db, rows.slice(start, start + UPSERT_BATCH_SIZE).map(rowJson));
    insertedIds.push(...batch.insertedIds);
    updated += batch.updated;
  }
  return { insertedIds, updated };
}

/** Unchanged listings seen again: refresh last_seen_at at most once a day, so an unchanged feed writes nothing. */
export async function touchSeen(db: Db, boardId: string, externalIds: string[]): Promise<void> {
  if (externalIds.length === 0) return;
  // One array parameter, not one bind parameter per id (a board can list thousands).
  await db
    .update(listings)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(listings.boardId, boardId),
        sql`${listings.externalId} = any(${sql.param(externalIds)}::text[])`,
        lt(listings.lastSeenAt, sql`now() - interval '1 day'`),
      ),
    );
}

/**
 * Mark the board's live listings that the complete feed no longer lists as removed (never
 * deleted: users may have applied). Listings that pointed at a removed one as their duplicate
 * are freed and matched again. Returns how many were removed.
 */
export async function markMissingRemoved(db: Db, boardId: string, presentExternalIds: string[]): Promise<number> {
  const removed = await queryRows<{ id: number }>(
    db,
    sql`update listings set removed_at = now()
        where board_id = ${boardId} and removed_at is null
          and not (external_id = any(${sql.param(presentExternalIds)}::text[]))
        returning id`,
  );
  if (removed.length === 0) return 0;
  const removedIds = removed.map((row) => Number(row.id));
  const freed = await db
    .update(listings)
    .set({ duplicateOf: null })
    .where(inArray(listings.duplicateOf, removedIds))
    .returning({ id: listings.id });
  await linkDuplicates(db, freed.map((row) => row.id));
  return removed.length;
}

/**
 * Point each given listing at the earliest live listing from another board with the same
 * canonical URL or company+title fingerprint. The earliest stays primary, so links never cycle.
 */
export async function linkDuplicates(db: Db, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  // One lookup per key, in that key's index; least() skips nulls. An OR of the two keys would
  // defeat both indexes. The OFFSET 0 fence keeps the other conditions out of the scan: after
  // a big first run (a table with no statistics yet) the planner would otherwise AND in the
  // duplicate_of or primary key index, which match nearly every row, on every lookup
  // (seconds per 10,000 listings instead of milliseconds).
  const primary = (key: 'canonical_url' | 'fingerprint') =>
    sql`(select min(p.id) from (
           select id, board_id, duplicate_of, removed_at from listings where ${sql.raw(key)} = l.${sql.raw(key)} offset 0
         ) p
         where p.id < l.id and p.board_id <> l.board_id and ${openListing('p')})`;
  const linked = await queryRows<{ id: number }>(
    db,
    sql`update listings t set duplicate_of = m.primary_id
        from (
          select l.id, least(${primary('canonical_url')}, ${primary('fingerprint')}) as primary_id
          from listings l
          where l.id = any(${sql.param(ids)}::bigint[]) and ${openListing('l')}
        ) m
        where t.id = m.id and m.primary_id is not null
        returning t.id`,
  );
  return linked.length;
}

/** Live listings of a board (not removed), for the outage guard. */
export async function countLive(db: Db, boardId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(listings)
    .where(and(eq(listings.boardId, boardId), isNull(listings.removedAt)));
  return row?.n ?? 0;
}
