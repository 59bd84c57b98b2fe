// Calendar math in a user's IANA time zone with nothing but Intl: local dates, the instant a
// local day starts (correct on DST days, which last 23 or 25 hours), Monday-based weeks.
// A local date is a 'YYYY-MM-DD' string; an instant is a Date.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `timeZone` at `instant`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
export function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local date ('YYYY-MM-DD') of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The local time ('HH:MM') of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** True for a real calendar date written 'YYYY-MM-DD' (so '2026-02-30' is false). */
export function isLocalDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Dates the app reasons about: Date.UTC maps years 0-99 to 1900-1999, and nobody logs hours in 1066. */
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
  // Years below 1000 are refused: Date.UTC reads 0-99 as 1900-1999.
  if (!m || !isLocalDate(date) || date < '1000') throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = dateParts(date);
  const moved = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = dateParts(from);
  const [y2, m2, d2] = dateParts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The Monday that starts the week holding `date` (weeks run Monday to Sunday). */
export function weekStart(date: string): string {
  const [y, m, d] = dateParts(date);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * The instant the local wall-clock time `time` on `date` happens in `timeZone`. A time that
 * occurs twice (clocks going back) gives the earlier instant; a time skipped by clocks going
 * forward gives the instant the same number of minutes after the jump, as a clock would read.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = dateParts(date);
  const t = TIME_RE.exec(time);
  if (!t) throw new RangeError(`not a HH:MM time: ${time}`);
  const naive = Date.UTC(y, m - 1, d, Number(t[1]), Number(t[2]));
  // Try the offsets in force a day either side; keep the earliest that reads back right.
  const candidates = [...new Set([offsetMs(new Date(naive - 86_400_000), timeZone), offsetMs(new Date(naive + 86_400_000), timeZone)])]
    .map((offset) => naive - offset)
    .sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (candidate + offsetMs(new Date(candidate), timeZone) === naive) return new Date(candidate);
  }
  // In a gap: use the offset from before the jump, which lands after it.
  const before = offsetMs(new Date(naive - 86_400_000), timeZone);
  return new Date(naive - before);
}

/** The instant local day `date` starts in `timeZone`. */
export function startOfDay(date: string, timeZone: string): Date {
  return zonedInstant(date, '00:00', timeZone);
}

/** Today's local date in `timeZone`. */
export function today(timeZone: string, now = new Date()): string {
  return localDate(now, timeZone);
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
