import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { applicationEvents, applications, listings, type Application, type ApplicationEvent, type NewApplication } from '../../db/schema';
import type { Db } from '../../db/types';
import { BadInputError, fieldErrors, NotFoundError } from '../errors';
import {
  APPLICATION_STATUSES,
  APPLIED_OR_BEYOND,
  applicationPatchSchema,
  fromListingSchema,
  isApplicationId,
  listQuerySchema,
  manualApplicationSchema,
  statusChangeSchema,
  type ApplicationStatus,
  type ListQuery,
} from './schemas';

// One user's applications. Every query names the acting user in its WHERE clause beside the
// row id, so another user's id finds nothing, exactly like a missing one.

export type { Application, ApplicationEvent };

function parse<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new BadInputError('Check the highlighted fields.', fieldErrors(result.error));
  return result.data;
}

const own = (userId: string, id: string) => and(eq(applications.id, id), eq(applications.userId, userId));

function checkId(id: unknown): string {
  if (!isApplicationId(id)) throw new NotFoundError('Application not found');
  return id;
}

/** One of the user's applications, or NotFoundError (also for another user's id); `lock` holds it for a transaction's update. */
export async function getApplication(db: Db, userId: string, id: string, options: { lock?: boolean } = {}): Promise<Application> {
  const query = db.select().from(applications).where(own(userId, checkId(id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new NotFoundError('Application not found');
  return row;
}

/** One timeline entry; every write that changes a status calls it in the same transaction. */
export async function recordEvent(
  db: Db,
  userId: string,
  applicationId: string,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
  note: string | null | undefined,
  at: Date,
) {
  await db.insert(applicationEvents).values({ applicationId, userId, fromStatus: from, toStatus: to, note: note || null, at });
}

export interface CreateResult {
  application: Application;
  /** False when the user already had an application for this listing (it is returned as is). */
  created: boolean;
}

/**
 * Insert an application and record its first status, unless it names a listing the user already
 * has an application for (one per user and listing): that one is then returned as it is.
 */
export async function insertApplicationOnce(
  tx: Db,
  values: NewApplication & { userId: string; status: ApplicationStatus; createdAt: Date },
  eventNote: string,
): Promise<CreateResult> {
  const [row] = await tx
    .insert(applications)
    .values(values)
    .onConflictDoNothing({ target: [applications.userId, applications.listingId], where: sql`listing_id is not null` })
    .returning();
  if (!row) {
    const [existing] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.userId, values.userId), eq(applications.listingId, values.listingId!)));
    return { application: existing!, created: false };
  }
  await recordEvent(tx, values.userId, row.id, null, values.status, eventNote, values.createdAt);
  return { application: row, created: true };
}

/**
 * Save a listing to the user's pipeline, keeping a snapshot of it so the record outlives the
 * posting. Idempotent per (user, listing): a second call returns the existing application.
 * A board's copy of a job resolves to the listing the job pages show.
 */
export async function createFromListing(db: Db, userId: string, input: unknown, now = new Date()): Promise<CreateResult> {
  const { listingId, status = 'saved', notes } = parse(fromListingSchema, input);
  return db.transaction(async (tx) => {
    const [listing] = await tx
      .select({ id: listings.id, title: listings.title, company: listings.company, url: listings.url, board: listings.boardId })
      .from(listings)
      .where(eq(listings.id, sql`(select coalesce(x.duplicate_of, x.id) from listings x where x.id = ${listingId})`));
    if (!listing) throw new NotFoundError('Listing not found');
    return insertApplicationOnce(
      tx,
      {
        userId,
        listingId: listing.id,
        title: listing.title,
        company: listing.company ?? 'Company not stated',
        url: listing.url,
        board: listing.board,
        source: 'board',
        status,
        appliedAt: status === 'applied' ? now : null,
        notes: notes ?? '',
        createdAt: now,
        updatedAt: now,
      },
      `Saved from ${listing.board}`,
    );
  });
}

/** An application for a job found anywhere: company and title, optionally a link and details. */
export async function createManual(db: Db, userId: string, input: unknown, now = new Date()): Promise<Application> {
  const data = parse(manualApplicationSchema, input);
  const status = data.status ?? (data.appliedAt ? 'applied' : 'saved');
  const appliedAt = data.appliedAt ?? (APPLIED_OR_BEYOND.includes(status) ? now : null);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(applications)
      .values({
        userId,
        title: data.title,
        company: data.company,
        url: data.url ?? null,
        status,
        appliedAt,
        nextFollowUpAt: data.nextFollowUpAt ?? null,
        notes: data.notes ?? '',
        contact: data.contact ?? null,
        salaryDiscussed: data.salaryDiscussed ?? null,
        resumeLink: data.resumeLink ?? null,
        source: data.source ?? null,
        location: data.location ?? null,
        contactEmail: data.contactEmail ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordEvent(tx, userId, row!.id, null, status, 'Added by hand', appliedAt && status !== 'saved' ? appliedAt : now);
    return row!;
  });
}

/** Create from `{ listingId }` or from `{ company, title, ... }` (the POST body). */
export async function createApplication(db: Db, userId: string, input: unknown, now = new Date()): Promise<CreateResult> {
  if (input && typeof input === 'object' && 'listingId' in input) return createFromListing(db, userId, input, now);
  return { application: await createManual(db, userId, input, now), created: true };
}

async function applyStatus(
  tx: Db,
  userId: string,
  current: Application,
  change: { status: ApplicationStatus; note?: string | null; at?: Date | null },
  now: Date,
): Promise<Partial<Application>> {
  if (change.status === current.status) {
    // Same column: nothing moves, but a note is still worth keeping on the timeline.
    if (change.note) await recordEvent(tx, userId, current.id, current.status, change.status, change.note, change.at ?? now);
    return {};
  }
  const at = change.at ?? now;
  await recordEvent(tx, userId, current.id, current.status, change.status, change.note, at);
  const set: Partial<Application> = { status: change.status };
  if (!current.appliedAt && APPLIED_OR_BEYOND.includes(change.status)) set.appliedAt = at;
  return set;
}

/** Move an application to a status, writing the timeline event in the same transaction. */
export async function changeStatus(db: Db, userId: string, id: string, input: unknown, now = new Date()): Promise<Application> {
  const change = parse(statusChangeSchema, input);
  return db.transaction(async (tx) => {
    const current = await getApplication(tx, userId, id, { lock: true });
    const set = await applyStatus(tx, userId, current, change, now);
    const [row] = await tx
      .update(applications)
      .set({ ...set, updatedAt: now })
      .where(own(userId, current.id))
      .returning();
    return row!;
  });
}

/** Change details (and optionally the status, with a note) in one transaction. */
export async function updateApplication(db: Db, userId: string, id: string, input: unknown, now = new Date()): Promise<Application> {
  const patch = parse(applicationPatchSchema, input);
  const { status, statusNote, statusAt, ...fields } = patch;
  if (statusNote && !status) throw new BadInputError('Check the highlighted fields.', { status: 'Pick the status the note belongs to.' });
  return db.transaction(async (tx) => {
    const current = await getApplication(tx, userId, id, { lock: true });
    const set: Partial<Application> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) (set as Record<string, unknown>)[key] = value;
    }
    if (status) Object.assign(set, await applyStatus(tx, userId, current, { status, note: statusNote, at: statusAt }, now));
    const [row] = await tx
      .update(applications)
      .set({ ...set, updatedAt: now })
      .where(own(userId, current.id))
      .returning();
    return row!;
  });
}

/** Delete an application and its timeline. NotFoundError when it is not the user's. */
export async function deleteApplication(db: Db, userId: string, id: string): Promise<void> {
  const deleted = await db.delete(applications).where(own(userId, checkId(id))).returning({ id: applications.id });
  if (deleted.length === 0) throw new NotFoundError('Application not found');
}

/** The application's status changes, oldest first. */
export async function timeline(db: Db, userId: string, id: string): Promise<ApplicationEvent[]> {
  const app = await getApplication(db, userId, id);
  return db
    .select()
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.userId, userId)))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
}

const STATUS_ORDER = sql.raw(`array_position(array[${APPLICATION_STATUSES.map((s) => `'${s}'`).join(',')}]::application_status[], applications.status)`);

const ORDER: Record<string, SQL[]> = {
  updated: [desc(applications.updatedAt), desc(applications.id)],
  applied: [sql`${applications.appliedAt} desc nulls last`, desc(applications.updatedAt), desc(applications.id)],
  company: [sql`lower(${applications.company})`, sql`lower(${applications.title})`, asc(applications.id)],
  status: [STATUS_ORDER, desc(applications.updatedAt), desc(applications.id)],
};

export const LIST_LIMIT = 2000;

/** The user's applications, filtered by status and text (company, title, notes, contact), sorted. */
export async function listApplications(db: Db, userId: string, query: ListQuery = { status: [] }): Promise<Application[]> {
  const { status, q, sort } = parse(listQuerySchema, query);
  const where: SQL[] = [eq(applications.userId, userId)];
  if (status.length) where.push(inArray(applications.status, status));
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(${applications.company} ilike ${pattern} or ${applications.title} ilike ${pattern} or ${applications.notes} ilike ${pattern} or coalesce(${applications.contact}, '') ilike ${pattern})`,
    );
  }
  return db
    .select()
    .from(applications)
    .where(and(...where))
    .orderBy(...ORDER[sort ?? 'updated']!)
    .limit(LIST_LIMIT);
}

/** Open applications whose follow-up date has come (on or before `dueBy`), soonest first. */
export async function followUpsDue(db: Db, userId: string, dueBy = new Date()): Promise<Application[]> {
  return db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.userId, userId),
        sql`${applications.nextFollowUpAt} <= ${dueBy.toISOString()}::timestamptz`,
        sql`${applications.status} not in ('accepted', 'rejected', 'withdrawn', 'ghosted')`,
      ),
    )
    .orderBy(asc(applications.nextFollowUpAt), asc(applications.id));
}

export const GHOSTED_AFTER_DAYS = 14;

/**
 * Applications still waiting (applied, screening, interviewing) that nobody touched for 14
 * days after applying: offered to the user as "ghosted". A follow-up planned in the future
 * keeps one off the list.
 */
export async function possiblyGhosted(db: Db, userId: string, now = new Date()): Promise<Application[]> {
  const cutoff = new Date(now.getTime() - GHOSTED_AFTER_DAYS * 86_400_000).toISOString();
  return db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.userId, userId),
        inArray(applications.status, ['applied', 'screening', 'interviewing']),
        sql`${applications.appliedAt} <= ${cutoff}::timestamptz`,
        sql`${applications.updatedAt} <= ${cutoff}::timestamptz`,
        sql`(${applications.nextFollowUpAt} is null or ${applications.nextFollowUpAt} <= ${now.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(asc(applications.appliedAt), asc(applications.id));
}

/** One click from the "possibly ghosted" list. */
export async function markGhosted(db: Db, userId: string, id: string, now = new Date()): Promise<Application> {
  return changeStatus(db, userId, id, { status: 'ghosted', note: `No reply ${GHOSTED_AFTER_DAYS} days after applying` }, now);
}

/**
 * "Mark applied" on a listing: creates the application as applied, or moves a saved one to
 * applied. An application already further along (screening, offer, ...) is left as it is.
 */
export async function markListingApplied(db: Db, userId: string, listingId: unknown, now = new Date()): Promise<Application> {
  const { application, created } = await createFromListing(db, userId, { listingId, status: 'applied' }, now);
  if (created || application.status !== 'saved') return application;
  return changeStatus(db, userId, application.id, { status: 'applied' }, now);
}
