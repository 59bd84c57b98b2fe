import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { applications, listingDismissals, listings } from '../../db/schema';
import type { Db } from '../../db/types';
import { NotFoundError } from '../errors';
import type { ApplicationStatus } from './schemas';

// What the job pages show beside a listing for the signed-in user: already in the pipeline,
// or dismissed (hidden from results).

export interface ListingState {
  application: { id: string; status: ApplicationStatus } | null;
  dismissed: boolean;
}

async function primaryListingId(db: Db, listingId: number): Promise<number> {
  if (!Number.isSafeInteger(listingId) || listingId <= 0) throw new NotFoundError('Listing not found');
  const [row] = await db
    .select({ id: sql<number>`coalesce(${listings.duplicateOf}, ${listings.id})`.mapWith(Number) })
    .from(listings)
    .where(eq(listings.id, listingId));
  if (!row) throw new NotFoundError('Listing not found');
  return row.id;
}

/** Hide a listing from the user's job results. Idempotent. */
export async function dismissListing(db: Db, userId: string, listingId: number, now = new Date()): Promise<void> {
  const id = await primaryListingId(db, listingId);
  await db.insert(listingDismissals).values({ userId, listingId: id, createdAt: now }).onConflictDoNothing();
}

/** Show a dismissed listing again. Idempotent. */
export async function undismissListing(db: Db, userId: string, listingId: number): Promise<void> {
  const id = await primaryListingId(db, listingId);
  await db.delete(listingDismissals).where(and(eq(listingDismissals.userId, userId), eq(listingDismissals.listingId, id)));
}

/** The user's state for each listing id given (listings with no state are absent from the map). */
export async function listingStates(db: Db, userId: string, listingIds: number[]): Promise<Map<number, ListingState>> {
  const states = new Map<number, ListingState>();
  const ids = [...new Set(listingIds.filter((id) => Number.isSafeInteger(id) && id > 0))];
  if (ids.length === 0) return states;
  const [apps, dismissed] = await Promise.all([
    db
      .select({ listingId: applications.listingId, id: applications.id, status: applications.status })
      .from(applications)
      .where(and(eq(applications.userId, userId), inArray(applications.listingId, ids))),
    db
      .select({ listingId: listingDismissals.listingId })
      .from(listingDismissals)
      .where(and(eq(listingDismissals.userId, userId), inArray(listingDismissals.listingId, ids))),
  ]);
  const entry = (id: number) => {
    let state = states.get(id);
    if (!state) states.set(id, (state = { application: null, dismissed: false }));
    return state;
  };
  for (const app of apps) if (app.listingId !== null) entry(app.listingId).application = { id: app.id, status: app.status };
  for (const d of dismissed) entry(d.listingId).dismissed = true;
  return states;
}

/** When each listing was first seen (for "new since your last visit"). Listings are public. */
export async function firstSeen(db: Db, listingIds: number[]): Promise<Map<number, Date>> {
  const ids = [...new Set(listingIds.filter((id) => Number.isSafeInteger(id) && id > 0))];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: listings.id, firstSeenAt: listings.firstSeenAt }).from(listings).where(inArray(listings.id, ids));
  return new Map(rows.map((r) => [r.id, r.firstSeenAt]));
}
