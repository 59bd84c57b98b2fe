import { TZDate, tz, tzOffset } from '@date-fns/tz';
import { endOfDay, format, isExists } from 'date-fns';

// The project's calendar rules, on date-fns and @date-fns/tz: local dates in a user's IANA time
// zone, the instants a local day starts and ends (a DST day lasts 23 or 25 hours), Monday-based
// weeks. A local date is a 'YYYY-MM-DD' string, a local time 'HH:MM'; an instant is a Date.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const UTC = tz('UTC');

/** True for a real calendar date written 'YYYY-MM-DD' (so '2026-02-30' is false). */
export function isLocalDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  return m !== null && isExists(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Dates the app reasons about: Date maps years 0-99 to 1900-1999, and nobody logs hours in 1066. */
export const MIN_DATE = '1970-01-01';
export const MAX_DATE = '2200-12-31';

/** A real calendar date in the supported range. */
export function isSupportedDate(value: string): boolean {
  return isLocalDate(value) && value >= MIN_DATE && value <= MAX_DATE;
}

export function isLocalTime(value: string): boolean {
  return TIME_RE.test(value);
}

function dateParts(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  // Years below 1000 are refused: Date reads 0-99 as 1900-1999.
  if (!m || !isLocalDate(date) || date < '1000') throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

// A value that is a day and no time of day (applied on, follow up by) is stored as midnight UTC
// of that date, and shown as that date in every zone.

/** A day alone ('YYYY-MM-DD') as it is stored: midnight UTC of that date. */
export const storedDay = (date: string): Date => new Date(`${date}T00:00:00.000Z`);

/** The date ('YYYY-MM-DD') a stored day names; '' for none. */
export const storedDayText = (d: Date | null): string => (d ? format(d, 'yyyy-MM-dd', { in: UTC }) : '');

/** Whether `d` is a day stored alone rather than an instant with a time of day. */
export const isStoredDay = (d: Date): boolean => d.getTime() === storedDay(storedDayText(d)).getTime();

// Calendar arithmetic on 'YYYY-MM-DD' happens on the UTC calendar, where every day has 24 hours:
// plain numbers, no zone rules needed.
const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.UTC(...dateParts(date)) / DAY_MS;
const fromDayNumber = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The Monday that starts the week holding `date` (weeks run Monday to Sunday). */
export function weekStart(date: string): string {
  const day = dayNumber(date);
  // Day 0 (1970-01-01) was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return fromDayNumber(day - (((day + 3) % 7) + 7) % 7);
}

// Reading an instant on a zone's wall clock is on every page that shows a user's day (and per
// row on some): one cached Intl formatter per zone, a third of the time a TZDate took.
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `instant` in `timeZone`; throws RangeError for a zone that is not one. */
function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    wallClocks.set(timeZone, format);
  }
  if (Number.isNaN(instant.getTime())) throw new RangeError('not an instant');
  const parts: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(instant)) parts[type] = value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** `instant` on the wall clock of `timeZone`; throws RangeError for a zone that is not one. */
function zoned(instant: Date | number, timeZone: string): TZDate {
  const d = new TZDate(+instant, timeZone);
  if (Number.isNaN(d.getTime()) || Number.isNaN(d.getFullYear())) throw new RangeError(`not a time zone: ${timeZone}`);
  return d;
}

/** The local date ('YYYY-MM-DD') of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).date;
}

/** The local time ('HH:MM') of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).time;
}

const MINUTE = 60_000;
const offsetAt = (instant: number, timeZone: string) => tzOffset(timeZone, new Date(instant)) * MINUTE;

/**
 * The instant the local wall-clock time `time` on `date` happens in `timeZone`. A time that
 * occurs twice (clocks going back) gives the earlier instant; a time skipped by clocks going
 * forward gives the instant the same number of minutes after the jump, as a clock would read.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const t = TIME_RE.exec(time);
  if (!t) throw new RangeError(`not a HH:MM time: ${time}`);
  const instant = new TZDate(...dateParts(date), Number(t[1]), Number(t[2]), timeZone).getTime();
  if (Number.isNaN(instant)) throw new RangeError(`not a time zone: ${timeZone}`);
  // TZDate settles a time that happens twice by the offset in force at the same reading in UTC:
  // the earlier instant west of Greenwich, the later one east of it. Prefer the earlier always.
  const wall = instant + offsetAt(instant, timeZone);
  const earlier = wall - offsetAt(instant - 86_400_000, timeZone);
  return new Date(earlier < instant && earlier + offsetAt(earlier, timeZone) === wall ? earlier : instant);
}

/** The instant local day `date` starts in `timeZone` (01:00 where clocks skip midnight). */
export function startOfDay(date: string, timeZone: string): Date {
  return zonedInstant(date, '00:00', timeZone);
}

/** Today's local date in `timeZone`. */
export function today(timeZone: string, now = new Date()): string {
  return localDate(now, timeZone);
}

/** The last millisecond of today in `timeZone`: what is dated today is due by then. */
export function endOfToday(timeZone: string, now = new Date()): Date {
  return new Date(+endOfDay(zoned(now, timeZone)));
}

// IANA names are letters, digits, '_', '-', '+' in one to three '/'-separated parts; offsets
// ("+01:00"), which newer Intl versions accept too, are not zones with DST rules.
const IANA_NAME_RE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * `value` as an IANA time zone name in its canonical spelling ('europe/berlin' is
 * 'Europe/Berlin'), or null when it is not one: what a browser reports is only a claim.
 */
export function ianaTimeZone(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const name = value.trim();
  if (name.length === 0 || name.length > 64 || !IANA_NAME_RE.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * The browser's zone to offer on /settings ("Your browser is in Europe/Berlin; use it?"), or
 * null when it is not a real zone or names the same zone as the saved one (aliases included).
 */
export function timeZoneToOffer(saved: string, browser: unknown): string | null {
  const offered = ianaTimeZone(browser);
  if (!offered) return null;
  return offered === ianaTimeZone(saved) ? null : offered;
}
