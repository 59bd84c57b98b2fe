import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { profiles } from '../../db/schema';
import type { Db } from '../../db/types';
import { BadInputError, fieldErrors } from '../errors';
import { ianaTimeZone } from '../dates/zone';
import { LANGUAGE_SLUGS, REMOTE_KINDS, SENIORITIES, type Language, type RemoteKind, type Seniority } from '../vocabulary';

export const DEFAULT_DAILY_APPLY_MINUTES = 60;
export const DEFAULT_WEEKLY_LEARNING_MINUTES = 600;

export interface UserProfile {
  /** Specialization, one to three languages; empty until the user picks. */
  languages: Language[];
  targetSeniority: Seniority | null;
  remote: RemoteKind | null;
  dailyApplyBudgetMinutes: number;
  weeklyLearningGoalMinutes: number;
  timeZone: string;
  currency: string;
  lastJobsVisitAt: Date | null;
  /** Boards whose listings this user hid from /jobs and /api/jobs. */
  hiddenBoards: string[];
}

export const DEFAULT_PROFILE: UserProfile = {
  languages: [],
  targetSeniority: null,
  remote: null,
  dailyApplyBudgetMinutes: DEFAULT_DAILY_APPLY_MINUTES,
  weeklyLearningGoalMinutes: DEFAULT_WEEKLY_LEARNING_MINUTES,
  timeZone: 'UTC',
  currency: 'USD',
  lastJobsVisitAt: null,
  hiddenBoards: [],
};

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const blankAsNull = (value: unknown) => (value === '' || value === 'any' ? null : value);

/** What a user may set (PUT /api/profile and the settings form). Every field is required. */
export const profileInputSchema = z.object({
  languages: z
    .array(z.enum(LANGUAGE_SLUGS as [Language, ...Language[]], { error: 'Pick languages from the list.' }))
    .min(1, { error: 'Pick at least one language to specialise in.' })
    .max(3, { error: 'Pick at most three: specialising is the point.' })
    .transform((list) => [...new Set(list)]),
  targetSeniority: z.preprocess(blankAsNull, z.enum(SENIORITIES, { error: 'Pick a seniority from the list.' }).nullable()),
  remote: z.preprocess(blankAsNull, z.enum(REMOTE_KINDS, { error: 'Pick remote, hybrid or onsite.' }).nullable()),
  dailyApplyBudgetMinutes: z.coerce
    .number({ error: 'Enter minutes as a number.' })
    .int({ error: 'Enter whole minutes.' })
    .min(5, { error: 'At least 5 minutes.' })
    .max(600, { error: 'At most 600 minutes (10 hours).' }),
  weeklyLearningGoalMinutes: z.coerce
    .number({ error: 'Enter minutes as a number.' })
    .int({ error: 'Enter whole minutes.' })
    .min(0, { error: 'Cannot be negative.' })
    .max(6000, { error: 'At most 6000 minutes (100 hours).' }),
  timeZone: z.string().trim().refine(isTimeZone, { error: 'Pick a time zone such as Europe/Berlin.' }),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, { error: 'Use a 3-letter currency code such as EUR.' })
    .transform((c) => c.toUpperCase())
    .optional(),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

/** The user's profile, with defaults when they never saved one. */
export async function getProfile(db: Db, userId: string): Promise<UserProfile> {
  const [row] = await db.select().from(profiles).where(eq(profiles.userId, userId));
  if (!row) return { ...DEFAULT_PROFILE };
  return {
    languages: row.languages.filter((l): l is Language => (LANGUAGE_SLUGS as string[]).includes(l)),
    targetSeniority: row.targetSeniority,
    remote: row.remotePreference,
    dailyApplyBudgetMinutes: row.dailyApplyBudgetMinutes,
    weeklyLearningGoalMinutes: row.weeklyLearningGoalMinutes,
    timeZone: row.timeZone,
    currency: row.currency,
    lastJobsVisitAt: row.lastJobsVisitAt,
    hiddenBoards: row.hiddenBoards,
  };
}

/** Replace the user's settings. BadInputError names each bad field. */
export async function saveProfile(db: Db, userId: string, input: unknown): Promise<UserProfile> {
  const parsed = profileInputSchema.safeParse(input);
  if (!parsed.success) throw new BadInputError('Check the highlighted fields.', fieldErrors(parsed.error));
  const { remote, currency, ...rest } = parsed.data;
  const values = { ...rest, remotePreference: remote, ...(currency ? { currency } : {}), updatedAt: new Date() };
  await db
    .insert(profiles)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: profiles.userId, set: values });
  return getProfile(db, userId);
}

/** Change only the time zone (the settings page's "use my browser's zone"); BadInputError unless it is a real IANA zone. */
export async function setTimeZone(db: Db, userId: string, input: unknown): Promise<UserProfile> {
  const timeZone = ianaTimeZone(input);
  if (!timeZone) throw new BadInputError('Check the highlighted fields.', { timeZone: 'Pick a time zone such as Europe/Berlin.' });
  const now = new Date();
  await db
    .insert(profiles)
    .values({ userId, timeZone, updatedAt: now })
    .onConflictDoUpdate({ target: profiles.userId, set: { timeZone, updatedAt: now } });
  return getProfile(db, userId);
}

/** Page views this close together are one visit: paging or refining keeps the same "new" markers. */
export const JOBS_VISIT_GAP_MS = 30 * 60_000;

/**
 * Record a /jobs page view and return when the previous visit ended, so the page can mark
 * listings first seen since then as new (null on a first visit: nothing to compare with).
 */
export async function markJobsVisited(db: Db, userId: string, now = new Date()): Promise<Date | null> {
  const [row] = await db
    .select({ last: profiles.lastJobsVisitAt, previous: profiles.previousJobsVisitAt })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  const sameVisit = row?.last && now.getTime() - row.last.getTime() < JOBS_VISIT_GAP_MS;
  const previous = sameVisit ? (row.previous ?? null) : (row?.last ?? null);
  await db
    .insert(profiles)
    .values({ userId, lastJobsVisitAt: now, previousJobsVisitAt: previous })
    .onConflictDoUpdate({ target: profiles.userId, set: { lastJobsVisitAt: now, previousJobsVisitAt: previous } });
  return previous;
}

/** The JSON shape of GET/PUT /api/profile (hidden boards are shown and changed through /boards and GET /api/boards). */
export function profileJson(profile: UserProfile) {
  const { lastJobsVisitAt: _visit, hiddenBoards: _hidden, ...fields } = profile;
  return fields;
}

/** The boards this user hid (lib/boards/manage.ts checks the board before hiding it). */
export async function hiddenBoardIds(db: Db, userId: string): Promise<string[]> {
  const [row] = await db.select({ hiddenBoards: profiles.hiddenBoards }).from(profiles).where(eq(profiles.userId, userId));
  return row?.hiddenBoards ?? [];
}

/** Hide a board's listings from this user's job results, or show them again. Idempotent. */
export async function setBoardHidden(db: Db, userId: string, boardId: string, hidden: boolean): Promise<string[]> {
  const next = hidden
    ? sql`array_append(array_remove(${profiles.hiddenBoards}, ${boardId}::text), ${boardId}::text)`
    : sql`array_remove(${profiles.hiddenBoards}, ${boardId}::text)`;
  const [row] = await db
    .insert(profiles)
    .values({ userId, hiddenBoards: hidden ? [boardId] : [] })
    .onConflictDoUpdate({ target: profiles.userId, set: { hiddenBoards: next } })
    .returning({ hiddenBoards: profiles.hiddenBoards });
  return row!.hiddenBoards;
}
