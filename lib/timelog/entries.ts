import 'server-only';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { applications, projects, timeEntries, type TimeEntry } from '../../db/schema';
import type { Db } from '../../db/types';
import { BadInputError, NotFoundError } from '../errors';
import { applyEntryPatch, isUuid, parseEntryInput, type EntryInput, type TimerInput } from './input';

// Manual time entries. Every query carries the acting user's id in its where clause, so a
// row of another user is simply not found (404), exactly like a missing one.

export interface EntryJson {
  id: string;
  kind: TimeEntry['kind'];
  area: TimeEntry['area'];
  projectId: string | null;
  applicationId: string | null;
  minutes: number;
  startedAt: string;
  note: string | null;
  /** Saved from a forgotten timer: the minutes are the cap, not the time it ran. */
  capped: boolean;
}

export function entryJson(entry: TimeEntry): EntryJson {
  return {
    id: entry.id,
    kind: entry.kind,
    area: entry.area,
    projectId: entry.projectId,
    applicationId: entry.applicationId,
    minutes: entry.minutes,
    startedAt: entry.startedAt.toISOString(),
    note: entry.note,
    capped: entry.capped,
  };
}

/**
 * A project or application named by an entry or timer must be the user's own. Another user's
 * id reads exactly like a missing one.
 */
export async function checkReferences(db: Db, userId: string, value: Pick<TimerInput, 'projectId' | 'applicationId'>): Promise<void> {
  const fields: Record<string, string> = {};
  if (value.projectId) {
    const [row] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.id, value.projectId), eq(projects.userId, userId)));
    if (!row) fields.projectId = 'Pick one of your projects.';
  }
  if (value.applicationId) {
    const [row] = await db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.id, value.applicationId), eq(applications.userId, userId)));
    if (!row) fields.applicationId = 'Pick one of your applications.';
  }
  if (Object.keys(fields).length) throw new BadInputError('Check the highlighted fields.', fields);
}

export interface ListOptions {
  /** Entries that end after this instant. */
  from?: Date;
  /** Entries that start before this instant. */
  to?: Date;
  limit?: number;
}

export const MAX_LIST_LIMIT = 500;

/** Entries whose end (start + minutes) is after `instant`. The ISO text travels the same way on both drivers. */
export function endsAfter(instant: Date): SQL {
  return sql`${timeEntries.startedAt} + ${timeEntries.minutes} * interval '1 minute' > ${instant.toISOString()}::timestamptz`;
}

/** The user's entries overlapping [from, to), newest first. */
export async function listEntries(db: Db, userId: string, options: ListOptions = {}): Promise<TimeEntry[]> {
  const conditions = [eq(timeEntries.userId, userId)];
  if (options.to) conditions.push(lt(timeEntries.startedAt, options.to));
  if (options.from) conditions.push(endsAfter(options.from));
  return db
    .select()
    .from(timeEntries)
    .where(and(...conditions))
    .orderBy(desc(timeEntries.startedAt), desc(timeEntries.createdAt))
    .limit(Math.min(options.limit ?? 100, MAX_LIST_LIMIT));
}

/** One entry of the user's; NotFoundError for a missing id, a malformed one or another user's. */
export async function getEntry(db: Db, userId: string, id: string): Promise<TimeEntry> {
  if (!isUuid(id)) throw new NotFoundError('No time entry with that id');
  const [row] = await db
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.id, id), eq(timeEntries.userId, userId)));
  if (!row) throw new NotFoundError('No time entry with that id');
  return row;
}

/** Log a manual entry. BadInputError names each bad field. */
export async function createEntry(db: Db, userId: string, input: unknown, now = new Date()): Promise<TimeEntry> {
  const value = parseEntryInput(input, now);
  await checkReferences(db, userId, value);
  const [row] = await db
    .insert(timeEntries)
    .values({ userId, ...value })
    .returning();
  return row!;
}

function asInput(entry: TimeEntry): EntryInput {
  const { kind, area, projectId, applicationId, minutes, startedAt, note } = entry;
  return { kind, area, projectId, applicationId, minutes, startedAt, note };
}

/**
 * Change some fields of an entry. Correcting the minutes of a capped entry clears the flag:
 * the user has now said how long it really was.
 */
export async function updateEntry(db: Db, userId: string, id: string, patch: unknown, now = new Date()): Promise<TimeEntry> {
  return db.transaction(async (tx) => {
    const current = await getEntry(tx, userId, id);
    const value = applyEntryPatch(asInput(current), patch, now);
    await checkReferences(tx, userId, value);
    const capped = current.capped && value.minutes === current.minutes;
    const [row] = await tx
      .update(timeEntries)
      .set({ ...value, capped })
      .where(and(eq(timeEntries.id, current.id), eq(timeEntries.userId, userId)))
      .returning();
    if (!row) throw new NotFoundError('No time entry with that id');
    return row;
  });
}

export async function deleteEntry(db: Db, userId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError('No time entry with that id');
  const deleted = await db
    .delete(timeEntries)
    .where(and(eq(timeEntries.id, id), eq(timeEntries.userId, userId)))
    .returning({ id: timeEntries.id });
  if (deleted.length === 0) throw new NotFoundError('No time entry with that id');
}

/** Minutes the user logged against one of their applications (0 for none, or for another user's). */
export async function minutesOnApplication(db: Db, userId: string, applicationId: string): Promise<number> {
  if (!isUuid(applicationId)) return 0;
  const [row] = await db
    .select({ minutes: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)::int` })
    .from(timeEntries)
    .where(and(eq(timeEntries.userId, userId), eq(timeEntries.applicationId, applicationId)));
  return Number(row?.minutes ?? 0);
}
