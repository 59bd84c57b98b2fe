import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gte, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import { boards, digestDeliveries, listings, profiles, savedSearches, users, type DigestDelivery } from '../../db/schema';
import type { Db } from '../../db/types';
import { NotFoundError, TooManyRequestsError } from '../errors';
import type { Mailer } from '../mail/transport';
import { isSavedSearchId, savedSearchFilters, savedSearchParams } from '../saved-searches/saved-searches';
import { withUserLists } from '../companies/search';
import { searchContext } from '../search/context';
import { searchJobs } from '../search/search';
import { addDays, localDate } from '../dates/zone';
import { describeFilters } from './describe';
import { dueDigestDate, knownZone } from './due';
import { renderDigest, type DigestListing } from './render';

// Daily digests, exactly once across any number of workers:
// 1. claim: a worker that finds a search's day due INSERTs its (saved_search_id, local_date) row
//    with ON CONFLICT DO NOTHING; only the one whose insert returned a row goes on. The row is
//    born leased to it (next_attempt_at = now + LEASE).
// 2. prepare: the listings are picked once and stored on the row (every retry sends the same
//    email); nothing new: the row is `skipped` and nothing is sent.
// 3. send, then mark `sent`. A failure marks the row for a retry after a backoff (5, 15, 60,
//    180 min) or, after MAX_ATTEMPTS, `failed` (its listings then go into the next digest).
//    Retries are taken by a conditional UPDATE on next_attempt_at, so one worker takes each.
// The one window for a second email: the process dies after the SMTP server accepted the
// message and before `sent` is written; the lease then runs out and another attempt sends it
// again. Everything else that goes wrong between claim and send leads to a retry, not a loss.

export const RETRY_MINUTES = [5, 15, 60, 180] as const;
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;
/** How long a worker owns a digest it is preparing and sending (longer than every SMTP timeout). */
export const LEASE_MS = 10 * 60_000;
/** The most listings one email lists; the rest are counted and linked. */
export const DIGEST_MAX_LISTINGS = 50;
/** "Send now" with nothing new shows this many of the newest matches. */
export const NEWEST_INSTEAD = 10;
/** "Send now" per user per hour: each one is an email to the account's address. */
export const SEND_NOW_PER_HOUR = 5;

export interface DigestContext {
  db: Db;
  mailer: Mailer;
  /** The site's public origin (PUBLIC_URL), for the links in the email. */
  baseUrl: string;
  now?: () => Date;
  log?: (message: string) => void;
}

export type DeliveryOutcome = 'sent' | 'skipped' | 'retrying' | 'failed';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const after = (now: Date, ms: number) => new Date(now.getTime() + ms);
const clock = (ctx: DigestContext) => (ctx.now ? ctx.now() : new Date());

/** Claim every daily digest due now that no worker has claimed. Returns the rows this worker owns. */
export async function claimDueDigests(ctx: DigestContext): Promise<DigestDelivery[]> {
  const now = clock(ctx);
  const searches = await ctx.db
    .select({ id: savedSearches.id, userId: savedSearches.userId, hour: savedSearches.digestHour, createdAt: savedSearches.createdAt, timeZone: profiles.timeZone })
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.userId))
    .leftJoin(profiles, eq(profiles.userId, savedSearches.userId))
    .where(and(eq(savedSearches.digestEnabled, true), isNotNull(users.email)));
  if (searches.length === 0) return [];
  // Days already claimed (every zone's "today" is within a day of UTC's): skip those without a write.
  const utcToday = localDate(now, 'UTC');
  const claimed = await ctx.db
    .select({ savedSearchId: digestDeliveries.savedSearchId, localDate: digestDeliveries.localDate })
    .from(digestDeliveries)
    .where(and(eq(digestDeliveries.kind, 'daily'), gte(digestDeliveries.localDate, addDays(utcToday, -1))));
  const done = new Set(claimed.map((row) => `${row.savedSearchId}/${row.localDate}`));

  const owned: DigestDelivery[] = [];
  for (const search of searches) {
    const date = dueDigestDate(now, search.hour, knownZone(search.timeZone), search.createdAt);
    if (!date || done.has(`${search.id}/${date}`)) continue;
    const [row] = await ctx.db
      .insert(digestDeliveries)
      .values({ savedSearchId: search.id, userId: search.userId, kind: 'daily', localDate: date, nextAttemptAt: after(now, LEASE_MS), createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (row) owned.push(row);
  }
  return owned;
}

/** Take the pending digests whose retry time has come (or whose worker's lease ran out): each by one worker. */
export async function takeRetries(ctx: DigestContext, limit = 20): Promise<DigestDelivery[]> {
  const now = clock(ctx);
  const due = await ctx.db
    .select({ id: digestDeliveries.id })
    .from(digestDeliveries)
    .where(and(eq(digestDeliveries.status, 'pending'), lte(digestDeliveries.nextAttemptAt, now)))
    .orderBy(digestDeliveries.nextAttemptAt)
    .limit(limit);
  const taken: DigestDelivery[] = [];
  for (const candidate of due) {
    // Only one worker's update still finds the row due: a second one waits for the first's row
    // lock, re-reads the row, and sees it leased into the future.
    const [row] = await ctx.db
      .update(digestDeliveries)
      .set({ nextAttemptAt: after(now, LEASE_MS), updatedAt: now })
      .where(and(eq(digestDeliveries.id, candidate.id), eq(digestDeliveries.status, 'pending'), lte(digestDeliveries.nextAttemptAt, now)))
      .returning();
    if (row) taken.push(row);
  }
  return taken;
}

/** Where the next daily digest of a search starts: after the newest listing a live digest carried, else its creation. */
async function dailySince(db: Db, delivery: DigestDelivery, createdAt: Date): Promise<Date> {
  const [row] = await db
    .select({ watermark: digestDeliveries.watermark })
    .from(digestDeliveries)
    .where(
      and(
        eq(digestDeliveries.savedSearchId, delivery.savedSearchId),
        eq(digestDeliveries.kind, 'daily'),
        inArray(digestDeliveries.status, ['pending', 'sent']),
        isNotNull(digestDeliveries.watermark),
        ne(digestDeliveries.id, delivery.id),
      ),
    )
    .orderBy(desc(digestDeliveries.watermark))
    .limit(1);
  return row?.watermark ?? createdAt;
}

/** Pick the listings once; returns the row as prepared, or null when there is nothing to send (row skipped). */
async function prepare(ctx: DigestContext, delivery: DigestDelivery, search: typeof savedSearches.$inferSelect): Promise<DigestDelivery | null> {
  const now = clock(ctx);
  const filters = await withUserLists(ctx.db, search.userId, savedSearchFilters(search));
  const context = await searchContext(ctx.db);
  // Send now lists what is new since the last daily digest too (and falls back to the newest).
  const since = await dailySince(ctx.db, delivery, search.createdAt);
  const fresh = await searchJobs(ctx.db, { ...filters, firstSeenAfter: since, sort: 'newest', cursor: undefined, limit: 100 }, context);
  let ids = fresh.items.slice(0, DIGEST_MAX_LISTINGS).map((item) => item.id);
  // Past the first 100 the count says "at least": the link to /jobs shows them all.
  const more = Math.max(0, fresh.items.length - DIGEST_MAX_LISTINGS);
  let newestInstead = false;
  let watermark: Date | null = null;
  if (ids.length > 0 && delivery.kind === 'daily') {
    const [row] = await ctx.db.select({ newest: sql<string>`max(${listings.firstSeenAt})` }).from(listings).where(inArray(listings.id, fresh.items.map((item) => item.id)));
    watermark = row?.newest ? new Date(row.newest) : null;
  }
  if (ids.length === 0) {
    if (delivery.kind === 'daily') {
      await ctx.db.update(digestDeliveries).set({ status: 'skipped', listingIds: [], updatedAt: now }).where(eq(digestDeliveries.id, delivery.id));
      return null;
    }
    // Send now with nothing new: the newest matches, so the user sees what a digest looks like.
    const newest = await searchJobs(ctx.db, { ...filters, sort: 'newest', cursor: undefined, limit: NEWEST_INSTEAD }, context);
    ids = newest.items.map((item) => item.id);
    newestInstead = true;
  }
  const [row] = await ctx.db
    .update(digestDeliveries)
    .set({ listingIds: ids, moreCount: more, newestInstead, watermark, updatedAt: now })
    .where(eq(digestDeliveries.id, delivery.id))
    .returning();
  return row!;
}

async function loadListings(db: Db, ids: number[]): Promise<DigestListing[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: listings.id,
      title: listings.title,
      company: listings.company,
      location: listings.location,
      remote: listings.remote,
      salaryText: listings.salaryText,
      url: listings.url,
      boardName: boards.name,
    })
    .from(listings)
    .innerJoin(boards, eq(boards.id, listings.boardId))
    .where(inArray(listings.id, ids));
  const order = new Map(ids.map((id, index) => [id, index]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

async function markFailure(ctx: DigestContext, delivery: DigestDelivery, error: unknown): Promise<DeliveryOutcome> {
  const now = clock(ctx);
  const attempts = delivery.attempts + 1;
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const final = attempts >= MAX_ATTEMPTS;
  await ctx.db
    .update(digestDeliveries)
    .set({
      attempts,
      lastError: message,
      status: final ? 'failed' : 'pending',
      nextAttemptAt: final ? now : after(now, RETRY_MINUTES[attempts - 1]! * 60_000),
      updatedAt: now,
    })
    .where(eq(digestDeliveries.id, delivery.id));
  ctx.log?.(`digest ${delivery.id} attempt ${attempts} failed: ${message}${final ? ' (giving up)' : ''}`);
  return final ? 'failed' : 'retrying';
}

/** Prepare (once) and send one digest this worker owns (claimed or taken), and record the outcome. */
export async function deliver(ctx: DigestContext, owned: DigestDelivery): Promise<DeliveryOutcome> {
  const now = clock(ctx);
  const [found] = await ctx.db
    .select({ search: savedSearches, email: users.email })
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.userId))
    .where(and(eq(savedSearches.id, owned.savedSearchId), eq(savedSearches.userId, owned.userId)));
  if (!found?.email || (owned.kind === 'daily' && !found.search.digestEnabled)) {
    // Turned off (or the address is gone) after the claim: nothing to send.
    await ctx.db.update(digestDeliveries).set({ status: 'skipped', updatedAt: now }).where(eq(digestDeliveries.id, owned.id));
    return 'skipped';
  }
  let delivery = owned;
  try {
    if (delivery.listingIds === null) {
      const prepared = await prepare(ctx, delivery, found.search);
      if (!prepared) return 'skipped';
      delivery = prepared;
    }
    // A fresh token per attempt, stored before sending: the email that goes out always carries a live one.
    const token = randomBytes(32).toString('base64url');
    await ctx.db.update(digestDeliveries).set({ unsubscribeTokenHash: hashToken(token), updatedAt: now }).where(eq(digestDeliveries.id, delivery.id));
    const listed = await loadListings(ctx.db, delivery.listingIds ?? []);
    const unsubscribeUrl = `${ctx.baseUrl}/digests/unsubscribe/${token}`;
    const email = renderDigest({
      searchName: found.search.name,
      filtersInWords: describeFilters(savedSearchFilters(found.search)),
      listings: listed,
      moreCount: delivery.moreCount,
      newestInstead: delivery.newestInstead,
      baseUrl: ctx.baseUrl,
      searchUrl: `${ctx.baseUrl}/jobs?${savedSearchParams(found.search).toString()}`,
      unsubscribeUrl,
      settingsUrl: `${ctx.baseUrl}/settings#digests`,
    });
    const { messageId } = await ctx.mailer.send({
      to: found.email,
      ...email,
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    await ctx.db
      .update(digestDeliveries)
      .set({ status: 'sent', attempts: delivery.attempts + 1, messageId, sentAt: clock(ctx), lastError: null, updatedAt: clock(ctx) })
      .where(eq(digestDeliveries.id, delivery.id));
    return 'sent';
  } catch (error) {
    return markFailure(ctx, delivery, error);
  }
}

export interface TickSummary {
  sent: number;
  skipped: number;
  retrying: number;
  failed: number;
}

/** One scheduler tick: claim today's due digests, take the retries that are due, deliver each. */
export async function runDigestTick(ctx: DigestContext): Promise<TickSummary> {
  const summary: TickSummary = { sent: 0, skipped: 0, retrying: 0, failed: 0 };
  const owned = [...(await claimDueDigests(ctx)), ...(await takeRetries(ctx))];
  for (const delivery of owned) {
    summary[await deliver(ctx, delivery)]++;
  }
  return summary;
}

/**
 * "Send now": this search's digest at once, with the newest matches when nothing is new. It is
 * a `manual` row: it never moves the daily watermark, so tomorrow's digest still lists what is new
 * since the last daily one. A failure is retried like any digest. NotFoundError for a search
 * that is not the user's.
 */
export async function sendDigestNow(ctx: DigestContext, userId: string, savedSearchId: string): Promise<{ id: string; outcome: DeliveryOutcome }> {
  const now = clock(ctx);
  if (!isSavedSearchId(savedSearchId)) throw new NotFoundError('Saved search not found');
  const [search] = await ctx.db
    .select({ id: savedSearches.id, timeZone: profiles.timeZone })
    .from(savedSearches)
    .leftJoin(profiles, eq(profiles.userId, savedSearches.userId))
    .where(and(eq(savedSearches.id, savedSearchId), eq(savedSearches.userId, userId)));
  if (!search) throw new NotFoundError('Saved search not found');
  const recent = await ctx.db
    .select({ createdAt: digestDeliveries.createdAt })
    .from(digestDeliveries)
    .where(and(eq(digestDeliveries.userId, userId), eq(digestDeliveries.kind, 'manual'), gte(digestDeliveries.createdAt, after(now, -3_600_000))))
    .orderBy(digestDeliveries.createdAt);
  if (recent.length >= SEND_NOW_PER_HOUR) {
    throw new TooManyRequestsError(`At most ${SEND_NOW_PER_HOUR} digests an hour can be sent by hand.`, after(recent[0]!.createdAt, 3_600_000));
  }
  const [row] = await ctx.db
    .insert(digestDeliveries)
    .values({ savedSearchId, userId, kind: 'manual', localDate: localDate(now, knownZone(search.timeZone)), nextAttemptAt: after(now, LEASE_MS), createdAt: now, updatedAt: now })
    .returning();
  return { id: row!.id, outcome: await deliver(ctx, row!) };
}

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** The saved search an unsubscribe token stops, or null (unknown token). No sign-in: the token is the credential. */
export async function digestByUnsubscribeToken(db: Db, token: string): Promise<{ savedSearchId: string; name: string; enabled: boolean } | null> {
  if (!TOKEN_RE.test(token)) return null;
  const [row] = await db
    .select({ savedSearchId: savedSearches.id, name: savedSearches.name, enabled: savedSearches.digestEnabled })
    .from(digestDeliveries)
    .innerJoin(savedSearches, eq(savedSearches.id, digestDeliveries.savedSearchId))
    .where(eq(digestDeliveries.unsubscribeTokenHash, hashToken(token)));
  return row ?? null;
}

/** Turn off the daily digest of the search the token names. Returns its name, or null for an unknown token. */
export async function unsubscribeDigest(db: Db, token: string, now = new Date()): Promise<string | null> {
  const found = await digestByUnsubscribeToken(db, token);
  if (!found) return null;
  await db.update(savedSearches).set({ digestEnabled: false, updatedAt: now }).where(eq(savedSearches.id, found.savedSearchId));
  return found.name;
}

/** The latest digest of each of the user's searches (what /settings shows beside each). */
export async function latestDigests(db: Db, userId: string): Promise<Map<string, DigestDelivery>> {
  const rows = await db.select().from(digestDeliveries).where(eq(digestDeliveries.userId, userId)).orderBy(desc(digestDeliveries.createdAt)).limit(500);
  const latest = new Map<string, DigestDelivery>();
  for (const row of rows) if (!latest.has(row.savedSearchId)) latest.set(row.savedSearchId, row);
  return latest;
}
