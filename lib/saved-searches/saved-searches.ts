import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { savedSearches, users, type SavedFilterValues, type SavedSearch } from '../../db/schema';
import type { Db } from '../../db/types';
import { savedSearchParams } from './json';
import { BadInputError, ConflictError, fieldErrors, NotFoundError } from '../errors';
import { applyUserLists, loadUserLists } from '../companies/search';
import { getProfile } from '../profile/profile';
import { loadUsdRates } from '../salary/rates';
import { filtersToParams, parseJobFilters, type JobFilters } from '../search/filters';
import { snapshotView } from '../search/snapshot-store';

// A user's saved searches. Every query names the acting user beside the row id, so another
// user's id finds nothing, exactly like a missing one. Filters are stored in /api/jobs's own
// parameter names and values and read back through its parser (parseJobFilters): one validator.

export type { SavedSearch, SavedFilterValues };
export { savedSearchParams };

export const MAX_SAVED_SEARCHES = 50;
export const DEFAULT_DIGEST_HOUR = 7;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Saved search ids are uuids; anything else can only be "not found" (never a database error). */
export const isSavedSearchId = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

const filterValue = z.union([z.string().max(500), z.number(), z.boolean()]);
/** `filters` as a body carries it: parameter name to one value or a list (checked by parseJobFilters after). */
const filtersInput = z.record(z.string().max(60), z.union([filterValue, z.array(filterValue).max(100)]), { error: 'must be an object of /api/jobs parameters' });

const digestInput = z.object({
  enabled: z.boolean({ error: 'must be true or false' }).optional(),
  hour: z.number({ error: 'must be a whole hour from 0 to 23' }).int({ error: 'must be a whole hour from 0 to 23' }).min(0, { error: 'must be a whole hour from 0 to 23' }).max(23, { error: 'must be a whole hour from 0 to 23' }).optional(),
});

const nameInput = z.string({ error: 'Give the search a name.' }).trim().min(1, { error: 'Give the search a name.' }).max(100, { error: 'At most 100 characters.' });

export const createSavedSearchSchema = z.strictObject({ name: nameInput, filters: filtersInput.default({}), digest: digestInput.optional() });
export const updateSavedSearchSchema = z.strictObject({ name: nameInput.optional(), filters: filtersInput.optional(), digest: digestInput.optional() });

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new BadInputError('Check the highlighted fields.', fieldErrors(result.error));
  return result.data;
}

/**
 * Check filters from a body with /api/jobs's parser and return them canonical (as
 * filtersToParams writes them: lists for the repeatable parameters, defaults left out). An
 * unknown parameter or value is a BadInputError naming it, e.g. fields { "filters.language": ... }.
 */
export function canonicalFilters(input: Record<string, unknown>): SavedFilterValues {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    if (key === 'cursor') throw new BadInputError('cursor: a saved search keeps filters, not a page.', { 'filters.cursor': 'a saved search keeps filters, not a page' });
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const parsed = parseJobFilters(params);
  if (!parsed.ok) throw new BadInputError(`filters.${parsed.error}`, { [`filters.${parsed.parameter}`]: parsed.error });
  return savedValuesOf(parsed.filters);
}

const REPEATABLE = new Set(['language', 'seniority', 'role', 'remote', 'board']);

function paramsToValues(params: URLSearchParams): SavedFilterValues {
  const values: SavedFilterValues = {};
  for (const key of new Set(params.keys())) values[key] = REPEATABLE.has(key) ? params.getAll(key) : params.get(key)!;
  return values;
}

/** The current filters of a page as a saved search stores them (what "Save this search" sends). */
export function savedValuesOf(filters: JobFilters): SavedFilterValues {
  return paramsToValues(filtersToParams({ ...filters, cursor: undefined }));
}

/**
 * The JobFilters of a saved search, through the same parser as /api/jobs. Stored filters were
 * checked when saved; one the vocabulary no longer knows is a BadInputError, never a wider search.
 */
export function savedSearchFilters(row: Pick<SavedSearch, 'filters'>): JobFilters {
  const parsed = parseJobFilters(savedSearchParams(row));
  if (!parsed.ok) throw new BadInputError(`This saved search's filters are no longer valid: ${parsed.error}`, { [`filters.${parsed.parameter}`]: parsed.error });
  return parsed.filters;
}

/** A new feed token (256 random bits, base64url) and the SHA-256 that is stored in its place. */
export function newFeedToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashFeedToken(token) };
}

export const hashFeedToken = (token: string) => createHash('sha256').update(token).digest('hex');

const own = (userId: string, id: string) => and(eq(savedSearches.id, id), eq(savedSearches.userId, userId));

function checkId(id: unknown): string {
  if (!isSavedSearchId(id)) throw new NotFoundError('Saved search not found');
  return id;
}

/** The user's saved searches: the specialization first, then oldest first. */
export async function listSavedSearches(db: Db, userId: string): Promise<SavedSearch[]> {
  return db.select().from(savedSearches).where(eq(savedSearches.userId, userId)).orderBy(desc(savedSearches.isDefault), asc(savedSearches.createdAt), asc(savedSearches.id));
}

/** One of the user's saved searches, or NotFoundError (also for another user's id). */
export async function getSavedSearch(db: Db, userId: string, id: string): Promise<SavedSearch> {
  const [row] = await db.select().from(savedSearches).where(own(userId, checkId(id)));
  if (!row) throw new NotFoundError('Saved search not found');
  return row;
}

/** The saved search a feed token opens, or null (unknown or rotated). Looked up by the token's hash. */
export async function savedSearchByFeedToken(db: Db, token: string): Promise<SavedSearch | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db.select().from(savedSearches).where(eq(savedSearches.feedTokenHash, hashFeedToken(token)));
  return row ?? null;
}

export interface CreatedSavedSearch {
  savedSearch: SavedSearch;
  /** The feed token, shown once: only its hash is kept. */
  feedToken: string;
}

async function insertSavedSearch(
  db: Db,
  userId: string,
  values: { name: string; filters: SavedFilterValues; isDefault?: boolean; digestEnabled?: boolean; digestHour?: number },
  now: Date,
): Promise<CreatedSavedSearch | null> {
  return db.transaction(async (tx) => {
    // Hold the user's row so two requests cannot both pass the cap.
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new NotFoundError('User not found');
    if (!values.isDefault) {
      const [{ count } = { count: 0 }] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(savedSearches)
        .where(and(eq(savedSearches.userId, userId), eq(savedSearches.isDefault, false)));
      if (count >= MAX_SAVED_SEARCHES) {
        throw new ConflictError(`At most ${MAX_SAVED_SEARCHES} saved searches: delete one first.`, { name: `at most ${MAX_SAVED_SEARCHES} saved searches` });
      }
    }
    const { token, hash } = newFeedToken();
    const [row] = await tx
      .insert(savedSearches)
      .values({ userId, ...values, feedTokenHash: hash, lastSeenAt: now, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: savedSearches.userId, where: sql`is_default` })
      .returning();
    return row ? { savedSearch: row, feedToken: token } : null;
  });
}

/**
 * Save a search: `{ name, filters, digest?: { enabled, hour } }`. Nothing is "new" in it yet
 * (last seen = now). At most MAX_SAVED_SEARCHES per user besides the specialization (ConflictError).
 */
export async function createSavedSearch(db: Db, userId: string, input: unknown, now = new Date()): Promise<CreatedSavedSearch> {
  const data = parse(createSavedSearchSchema, input);
  const filters = canonicalFilters(data.filters);
  const created = await insertSavedSearch(
    db,
    userId,
    { name: data.name, filters, digestEnabled: data.digest?.enabled ?? false, digestHour: data.digest?.hour ?? DEFAULT_DIGEST_HOUR },
    now,
  );
  return created!;
}

/**
 * Rename, change the filters or the digest settings. Editing the filters keeps the search's
 * history: when it was last seen and its digest state stay, so "new" still means new since then.
 */
export async function updateSavedSearch(db: Db, userId: string, id: string, input: unknown, now = new Date()): Promise<SavedSearch> {
  const data = parse(updateSavedSearchSchema, input);
  const set: Partial<typeof savedSearches.$inferInsert> = { updatedAt: now };
  if (data.name !== undefined) set.name = data.name;
  if (data.filters !== undefined) set.filters = canonicalFilters(data.filters);
  if (data.digest?.enabled !== undefined) set.digestEnabled = data.digest.enabled;
  if (data.digest?.hour !== undefined) set.digestHour = data.digest.hour;
  const [row] = await db.update(savedSearches).set(set).where(own(userId, checkId(id))).returning();
  if (!row) throw new NotFoundError('Saved search not found');
  return row;
}

/** Delete one of the user's searches. The specialization stays (ConflictError): edit its filters instead. */
export async function deleteSavedSearch(db: Db, userId: string, id: string): Promise<void> {
  const row = await getSavedSearch(db, userId, id);
  if (row.isDefault) throw new ConflictError('Your specialization search stays: rename it or change its filters instead.', { id: 'the specialization search cannot be deleted' });
  await db.delete(savedSearches).where(own(userId, row.id));
}

/** A new feed token for the search; the old one stops working at once. */
export async function rotateFeedToken(db: Db, userId: string, id: string, now = new Date()): Promise<string> {
  const { token, hash } = newFeedToken();
  const [row] = await db.update(savedSearches).set({ feedTokenHash: hash, updatedAt: now }).where(own(userId, checkId(id))).returning({ id: savedSearches.id });
  if (!row) throw new NotFoundError('Saved search not found');
  return token;
}

/** The user opened the search: what is new is counted from now on. */
export async function markSeen(db: Db, userId: string, id: string, now = new Date()): Promise<SavedSearch> {
  const [row] = await db.update(savedSearches).set({ lastSeenAt: now }).where(own(userId, checkId(id))).returning();
  if (!row) throw new NotFoundError('Saved search not found');
  return row;
}

/**
 * Open listings matching the search that were first seen after it was last looked at, with
 * the user's hidden boards left out as /jobs leaves them out. A last-seen time ahead of `now`
 * (another machine's clock) counts from `now`.
 */
export async function newCount(db: Db, userId: string, row: SavedSearch, now = new Date()): Promise<number> {
  return (await newCounts(db, userId, [row], now)).get(row.id) ?? 0;
}

/** newCount for several of the user's searches, reading the user's settings and the rates once. */
export async function newCounts(db: Db, userId: string, rows: SavedSearch[], now = new Date()): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!rows.length) return counts;
  // The user's lists as /jobs applies them (lib/companies/search.ts), read once for every search.
  const [lists, usdPerUnit] = await Promise.all([loadUserLists(db, userId, { followed: true }), loadUsdRates(db)]);
  for (const row of rows) {
    if (row.userId !== userId) throw new NotFoundError('Saved search not found');
    let filters: JobFilters;
    try {
      filters = savedSearchFilters(row);
    } catch (error) {
      if (error instanceof BadInputError) {
        counts.set(row.id, 0); // stale filters match nothing new; the list still renders
        continue;
      }
      throw error;
    }
    const since = row.lastSeenAt.getTime() > now.getTime() ? now : row.lastSeenAt;
    const scoped = { ...applyUserLists(filters, lists), firstSeenAfter: since };
    counts.set(row.id, (await snapshotView(db, scoped, usdPerUnit)).count);
  }
  return counts;
}

export const SPECIALIZATION_NAME = 'My specialization';

/**
 * The user's specialization search (profile languages, target seniority, remote preference),
 * created once: later calls return it as it is (the user may have edited it), concurrent
 * first calls create one (a unique index on the default), and it cannot be deleted.
 */
export async function ensureDefaultSavedSearch(db: Db, userId: string, now = new Date()): Promise<SavedSearch> {
  const [existing] = await db.select().from(savedSearches).where(and(eq(savedSearches.userId, userId), eq(savedSearches.isDefault, true)));
  if (existing) return existing;
  const profile = await getProfile(db, userId);
  const filters = canonicalFilters({
    language: profile.languages,
    ...(profile.targetSeniority ? { seniority: [profile.targetSeniority] } : {}),
    ...(profile.remote ? { remote: [profile.remote] } : {}),
  });
  const created = await insertSavedSearch(db, userId, { name: SPECIALIZATION_NAME, filters, isDefault: true }, now);
  if (created) return created.savedSearch;
  // Another request created it first.
  const [row] = await db.select().from(savedSearches).where(and(eq(savedSearches.userId, userId), eq(savedSearches.isDefault, true)));
  return row!;
}

/**
 * What the pages show (/jobs beside the filters, the dashboard): the user's searches with their
 * new counts, the specialization among them from the first view on.
 */
export async function savedSearchesWithCounts(db: Db, userId: string, now = new Date()): Promise<{ row: SavedSearch; newCount: number }[]> {
  await ensureDefaultSavedSearch(db, userId, now);
  const rows = await listSavedSearches(db, userId);
  const counts = await newCounts(db, userId, rows, now);
  return rows.map((row) => ({ row, newCount: counts.get(row.id) ?? 0 }));
}
