import 'server-only';
import { eq } from 'drizzle-orm';
import { timeEntries, timers, type TimeEntry, type Timer } from '../../db/schema';
import type { Db } from '../../db/types';
import { ConflictError } from '../errors';
import { checkReferences } from './entries';
import { parseTimerInput } from './input';

// One running timer per user, kept in the timers table (its primary key is the user id), so it
// survives reloads, closed tabs and server restarts. Starting while one runs is refused with a
// ConflictError (409) rather than silently stopping the old one: the client shows Stop while a
// timer runs, so a second Start is a second tab or a script, and should not rewrite history.

/**
 * A timer left running longer than this was forgotten: stopping it saves this many minutes and
 * flags the entry `capped`. Four hours is about the longest focused stretch anyone works
 * without a break; counting a timer left on overnight as 19 hours would bury the week's real
 * balance. The user can edit the entry to the true figure, which clears the flag.
 */
export const TIMER_CAP_MINUTES = 4 * 60;

export interface TimerJson {
  kind: Timer['kind'];
  area: Timer['area'];
  projectId: string | null;
  applicationId: string | null;
  note: string | null;
  startedAt: string;
  /** Whole minutes elapsed at the time of the answer. */
  elapsedMinutes: number;
  /** True once the timer has run past the cap: stopping it saves a capped entry. */
  overCap: boolean;
}

export function timerJson(timer: Timer, now = new Date()): TimerJson {
  const elapsedMinutes = Math.max(0, Math.floor((now.getTime() - timer.startedAt.getTime()) / 60_000));
  return {
    kind: timer.kind,
    area: timer.area,
    projectId: timer.projectId,
    applicationId: timer.applicationId,
    note: timer.note,
    startedAt: timer.startedAt.toISOString(),
    elapsedMinutes,
    overCap: elapsedMinutes > TIMER_CAP_MINUTES,
  };
}

/** The user's running timer, or null. */
export async function getTimer(db: Db, userId: string): Promise<Timer | null> {
  const [row] = await db.select().from(timers).where(eq(timers.userId, userId));
  return row ?? null;
}

/** Start a timer. ConflictError when one already runs; BadInputError for bad fields. */
export async function startTimer(db: Db, userId: string, input: unknown, now = new Date()): Promise<Timer> {
  const value = parseTimerInput(input);
  await checkReferences(db, userId, value);
  const [row] = await db
    .insert(timers)
    .values({ userId, ...value, startedAt: now })
    .onConflictDoNothing({ target: timers.userId })
    .returning();
  if (!row) throw new ConflictError('A timer is already running. Stop it first.', { timer: 'A timer is already running.' });
  return row;
}

/** How many minutes a timer started at `startedAt` and stopped at `now` saves, and whether it was capped. */
export function timerMinutes(startedAt: Date, now: Date): { minutes: number; capped: boolean } {
  // Rounded to the nearest minute, at least 1: a 40-second start/stop still shows up in the log.
  const minutes = Math.max(1, Math.round((now.getTime() - startedAt.getTime()) / 60_000));
  return minutes > TIMER_CAP_MINUTES ? { minutes: TIMER_CAP_MINUTES, capped: true } : { minutes, capped: false };
}

/**
 * Stop the running timer and save it as an entry, in one transaction: the timer row is
 * claimed by its delete, so two concurrent stops save one entry. ConflictError when none runs.
 */
export async function stopTimer(db: Db, userId: string, now = new Date()): Promise<TimeEntry> {
  return db.transaction(async (tx) => {
    const [timer] = await tx.delete(timers).where(eq(timers.userId, userId)).returning();
    if (!timer) throw new ConflictError('No timer is running.', { timer: 'No timer is running.' });
    const { minutes, capped } = timerMinutes(timer.startedAt, now);
    const [entry] = await tx
      .insert(timeEntries)
      .values({
        userId,
        kind: timer.kind,
        area: timer.area,
        projectId: timer.projectId,
        applicationId: timer.applicationId,
        note: timer.note,
        startedAt: timer.startedAt,
        minutes,
        capped,
      })
      .returning();
    return entry!;
  });
}

/** Throw the running timer away without saving anything. False when none ran. */
export async function discardTimer(db: Db, userId: string): Promise<boolean> {
  const deleted = await db.delete(timers).where(eq(timers.userId, userId)).returning({ userId: timers.userId });
  return deleted.length > 0;
}
