import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { listings } from '../../db/schema';
import { queryRows, type Db } from '../../db/types';
import type { PreparedListing } from './prepare';

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

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// Columns an update copies from the incoming row. firstSeenAt, duplicateOf and the id stay.
const UPDATED_COLUMNS = [
  'url', 'canonicalUrl', 'fingerprint', 'contentHash', 'title', 'company', 'location', 'remote', 'salaryText',
  'salaryMin', 'salaryMax', 'salaryCurrency', 'salaryPeriod', 'salaryUsdYearly', 'languages', 'skills', 'seniority',
  'role', 'tags', 'yearsRequired', 'degreeRequired', 'visaSponsorship', 'descriptionHtml', 'descriptionText',
  'isSample',
] as const satisfies readonly (keyof PreparedListing)[];

const UPDATE_SET = Object.fromEntries([
  ...UPDATED_COLUMNS.map((key) => [key, sql.raw(`excluded.${snake(key)}`)]),
  // A board that stops sending a date (we stored "first seen") must not make the job look newer.
  ['postedAt', sql`least(excluded.posted_at, ${listings.postedAt})`],
  ['lastSeenAt', sql`now()`],
  ['removedAt', sql`null`],
]);

// Postgres takes at most 65535 parameters per statement; ~30 columns a row.
export const UPSERT_BATCH_SIZE = 1000;

/**
 * Insert or update listings by (board, external id). A row whose content hash did not change
 * is not written, so concurrent or repeated runs never duplicate and never rewrite.
 * Returns the ids of inserted rows and the number updated.
 */
export async function upsertListings(db: Db, rows: PreparedListing[]): Promise<{ insertedIds: number[]; updated: number }> {
  const insertedIds: number[] = [];
  let updated = 0;
  for (let start = 0; start < rows.length; start += UPSERT_BATCH_SIZE) {
    const batch = rows.slice(start, start + UPSERT_BATCH_SIZE);
    const result = await db
      .insert(listings)
      .values(batch)
      .onConflictDoUpdate({
        target: [listings.boardId, listings.externalId],
        set: UPDATE_SET,
        setWhere: sql`${listings.contentHash} is distinct from excluded.content_hash or ${listings.removedAt} is not null`,
      })
      // xmax = 0 only on a freshly inserted row version.
      .returning({ id: listings.id, inserted: sql<boolean>`(xmax = 0)` });
    for (const row of result) {
      if (row.inserted) insertedIds.push(row.id);
      else updated++;
    }
  }
  return { insertedIds, updated };
}

/** Unchanged listings seen again: refresh last_seen_at at most once a day, so an unchanged feed writes nothing. */
export async function touchSeen(db: Db, boardId: string, externalIds: string[]): Promise<void> {
  if (externalIds.length === 0) return;
  await db
    .update(listings)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(listings.boardId, boardId),
        inArray(listings.externalId, externalIds),
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
  const linked = await queryRows<{ id: number }>(
    db,
    sql`update listings l set duplicate_of = (
          select p.id from listings p
          where p.id < l.id and p.board_id <> l.board_id and p.duplicate_of is null and p.removed_at is null
            and (p.canonical_url = l.canonical_url or p.fingerprint = l.fingerprint)
          order by p.id limit 1)
        where l.id = any(${sql.param(ids)}::bigint[]) and l.duplicate_of is null and l.removed_at is null
          and exists (
            select 1 from listings p
            where p.id < l.id and p.board_id <> l.board_id and p.duplicate_of is null and p.removed_at is null
              and (p.canonical_url = l.canonical_url or p.fingerprint = l.fingerprint))
        returning l.id`,
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
