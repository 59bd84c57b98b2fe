import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { applications, interviews, type Interview } from '../../db/schema';
import type { Db } from '../../db/types';
import { getApplication } from '../applications/applications';
import { isApplicationId } from '../applications/schemas';
import { BadInputError, fieldErrors, NotFoundError } from '../errors';
import { isLocalTime, isSupportedDate, zonedInstant } from '../dates/zone';
import { INTERVIEW_KIND_LABEL, INTERVIEW_KINDS, type InterviewKind } from '../vocabulary';

// An application's interview slots. Every query names the acting user beside the row ids, so
// another user's application or interview finds nothing, exactly like a missing one.

export type { Interview };

export const INTERVIEW_MIN_MINUTES = 5;
export const INTERVIEW_MAX_MINUTES = 600;
export const INTERVIEW_NOTES_MAX = 4000;

const startsAtSchema = z
  .string({ error: 'Give the start as an ISO date-time with its offset, e.g. 2026-12-03T14:00:00+01:00.' })
  .pipe(z.iso.datetime({ offset: true, error: 'Give the start as an ISO date-time with its offset, e.g. 2026-12-03T14:00:00+01:00.' }))
  .transform((value) => new Date(value))
  .refine((d) => d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 2200, { error: 'Pick a date between 1970 and 2200.' });

const fields = {
  startsAt: startsAtSchema,
  minutes: z
    .number({ error: 'Give the length in minutes.' })
    .int({ error: 'Give whole minutes.' })
    .min(INTERVIEW_MIN_MINUTES, { error: `At least ${INTERVIEW_MIN_MINUTES} minutes.` })
    .max(INTERVIEW_MAX_MINUTES, { error: `At most ${INTERVIEW_MAX_MINUTES} minutes (10 hours).` }),
  kind: z.enum(INTERVIEW_KINDS, { error: `Pick one of ${INTERVIEW_KINDS.join(', ')}.` }),
  notes: z
    .string({ error: 'Notes are text.' })
    .max(INTERVIEW_NOTES_MAX, { error: `At most ${INTERVIEW_NOTES_MAX} characters.` })
    .transform((s) => s.trim()),
};

export const interviewInputSchema = z.strictObject({
  startsAt: fields.startsAt,
  minutes: fields.minutes,
  kind: fields.kind.default('other'),
  notes: fields.notes.default(''),
});
export const interviewPatchSchema = z
  .strictObject({ startsAt: fields.startsAt, minutes: fields.minutes, kind: fields.kind, notes: fields.notes })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: 'Send at least one of startsAt, minutes, kind, notes.' });

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new BadInputError('Check the highlighted fields.', fieldErrors(result.error));
  return result.data;
}

const own = (userId: string, applicationId: string, interviewId: string) =>
  and(eq(interviews.id, interviewId), eq(interviews.applicationId, applicationId), eq(interviews.userId, userId));

function checkInterviewId(id: unknown): string {
  if (!isApplicationId(id)) throw new NotFoundError('Interview not found');
  return id;
}

/** The application's interviews, earliest first; NotFoundError when the application is not the user's. */
export async function listInterviews(db: Db, userId: string, applicationId: string): Promise<Interview[]> {
  await getApplication(db, userId, applicationId);
  return db
    .select()
    .from(interviews)
    .where(and(eq(interviews.applicationId, applicationId), eq(interviews.userId, userId)))
    .orderBy(asc(interviews.startsAt), asc(interviews.id));
}

export async function createInterview(db: Db, userId: string, applicationId: string, input: unknown, now = new Date()): Promise<Interview> {
  const data = parse(interviewInputSchema, input);
  await getApplication(db, userId, applicationId);
  const [row] = await db
    .insert(interviews)
    .values({ applicationId, userId, ...data, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}

export async function getInterview(db: Db, userId: string, applicationId: string, interviewId: string): Promise<Interview> {
  await getApplication(db, userId, applicationId);
  const [row] = await db.select().from(interviews).where(own(userId, applicationId, checkInterviewId(interviewId)));
  if (!row) throw new NotFoundError('Interview not found');
  return row;
}

/** Change any of startsAt, minutes, kind, notes; updatedAt moves, so calendar apps see a new SEQUENCE. */
export async function updateInterview(db: Db, userId: string, applicationId: string, interviewId: string, input: unknown, now = new Date()): Promise<Interview> {
  const patch = parse(interviewPatchSchema, input);
  await getApplication(db, userId, applicationId);
  const [row] = await db
    .update(interviews)
    .set({ ...patch, updatedAt: now })
    .where(own(userId, applicationId, checkInterviewId(interviewId)))
    .returning();
  if (!row) throw new NotFoundError('Interview not found');
  return row;
}

export async function deleteInterview(db: Db, userId: string, applicationId: string, interviewId: string): Promise<void> {
  await getApplication(db, userId, applicationId);
  const deleted = await db.delete(interviews).where(own(userId, applicationId, checkInterviewId(interviewId))).returning({ id: interviews.id });
  if (deleted.length === 0) throw new NotFoundError('Interview not found');
}

export interface UpcomingInterview {
  interview: Interview;
  company: string;
  title: string;
}

/** The user's next interview that has not ended yet (the dashboard's "Next interview"), or null. */
export async function nextInterview(db: Db, userId: string, now = new Date()): Promise<UpcomingInterview | null> {
  // An interview under way still counts as next, until it ends.
  const [row] = await db
    .select({ interview: interviews, company: applications.company, title: applications.title })
    .from(interviews)
    .innerJoin(applications, and(eq(applications.id, interviews.applicationId), eq(applications.userId, userId)))
    .where(and(eq(interviews.userId, userId), sql`${interviews.startsAt} + ${interviews.minutes} * interval '1 minute' > ${now.toISOString()}::timestamptz`))
    .orderBy(asc(interviews.startsAt), asc(interviews.id))
    .limit(1);
  return row ?? null;
}

export function interviewKindLabel(kind: InterviewKind): string {
  return INTERVIEW_KIND_LABEL[kind];
}

export function interviewJson(i: Interview) {
  return {
    id: i.id,
    applicationId: i.applicationId,
    startsAt: i.startsAt.toISOString(),
    minutes: i.minutes,
    kind: i.kind,
    notes: i.notes,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

/**
 * The add/edit form's fields (a date and a time on the user's wall clock, length, kind, notes)
 * as the API's input: the wall clock becomes an instant in the user's zone, DST included.
 */
export function interviewFromForm(values: { date?: string; time?: string; minutes?: string; kind?: string; notes?: string }, timeZone: string) {
  const date = values.date?.trim() ?? '';
  const time = values.time?.trim() ?? '';
  const fields: Record<string, string> = {};
  if (!isSupportedDate(date)) fields.date = 'Pick the day of the interview.';
  if (!isLocalTime(time)) fields.time = 'Give the time as HH:MM.';
  if (Object.keys(fields).length > 0) throw new BadInputError('Check the highlighted fields.', fields);
  const instant = zonedInstant(date, time, timeZone);
  return {
    startsAt: instant.toISOString(),
    minutes: values.minutes?.trim() ? Number(values.minutes) : undefined,
    kind: values.kind || undefined,
    notes: values.notes ?? '',
  };
}

/** "Thu 3 Dec 14:00" on the user's clock (the dashboard and the timeline). */
export function formatInterviewWhen(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.hour}:${parts.minute}`;
}

/** "Technical with Acme, Thu 3 Dec 14:00": the dashboard's next interview. */
export function describeUpcoming({ interview, company }: UpcomingInterview, timeZone: string): string {
  return `${INTERVIEW_KIND_LABEL[interview.kind]} with ${company}, ${formatInterviewWhen(interview.startsAt, timeZone)}`;
}
