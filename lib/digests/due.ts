import { addDays, localDate, zonedInstant } from '../dates/zone';

// When a search's daily digest is due: once per local day, at `hour` o'clock in the user's
// time zone (lib/dates/zone.ts does the calendar math, DST included). On the day clocks
// spring forward over the hour (02:00 in Berlin in March) the digest goes at the first instant
// after the gap (03:00); on the day they fall back, at the first of the two 01:00s.

const hhmm = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** The instant the digest of local day `date` is due. */
export function digestDueAt(date: string, hour: number, timeZone: string): Date {
  return zonedInstant(date, hhmm(hour), timeZone);
}

/**
 * The local date whose digest is due at `now`, or null when today's hour has not come yet.
 * A day whose hour passed before `notBefore` (the search did not exist yet) is not owed: a
 * search saved at 15:00 with an 07:00 digest gets its first one the next morning.
 * A missed day (no worker ran) is never sent late the day after: the next digest covers it.
 */
export function dueDigestDate(now: Date, hour: number, timeZone: string, notBefore?: Date): string | null {
  const today = localDate(now, timeZone);
  const due = digestDueAt(today, hour, timeZone);
  if (now < due) return null;
  if (notBefore && due < notBefore) return null;
  return today;
}

/** The next instant a digest is due after `now` (what /settings shows). */
export function nextDigestAt(now: Date, hour: number, timeZone: string): Date {
  const today = localDate(now, timeZone);
  const due = digestDueAt(today, hour, timeZone);
  return due > now ? due : digestDueAt(addDays(today, 1), hour, timeZone);
}

/** A time zone this runtime knows, else UTC (a profile's zone was validated when saved; this guards old rows). */
export function knownZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}
