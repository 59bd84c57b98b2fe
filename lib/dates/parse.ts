import { isExists } from 'date-fns';

// Dates as boards and feeds send them: epoch seconds or milliseconds, ISO 8601 with or without a
// zone, "YYYY-MM-DD HH:MM:SS", RFC 822/2822 (two- or four-digit year, named or numeric zone),
// or rubbish. parseDate returns a valid Date or null, never an Invalid Date. A time without a
// zone is read as UTC (what these sources mean).

// Anything outside these years is a unit mix-up or a placeholder, not a posting date.
const MIN_TIME = Date.UTC(1995, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);

function plausible(time: number): Date | null {
  return Number.isFinite(time) && time >= MIN_TIME && time < MAX_TIME ? new Date(time) : null;
}

function fromEpoch(value: number): Date | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  // 1e11 seconds is the year 5138; below it the number is seconds, above it milliseconds.
  return plausible(value < 1e11 ? value * 1000 : value);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1-12 for a month name or its first three letters in English ('Sept', 'june'), else 0. */
export function monthNumber(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/** Minutes east of UTC in '+05:30', '-0500', '+01', or null for anything else. */
function offsetMinutes(offset: string): number | null {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return minutes > 18 * 60 ? null : (m[1] === '-' ? -minutes : minutes);
}

/**
 * The instant a wall-clock reading happens at a fixed UTC offset ('+05:30', '-0500', '+01');
 * null when the day does not exist (31 February) or a field is out of range. A leap second
 * (:60) is read as :59. Plain arithmetic: a fixed offset needs no zone rules (TZDate took
 * 0.8 ms a date here, 8 s of a 10,000-item ingestion).
 */
function atOffset(fields: { year: number; month: number; day: number; hour: number; minute: number; second: number; ms?: number }, offset: string): Date | null {
  const { year, month, day, hour, minute, second, ms = 0 } = fields;
  const east = offsetMinutes(offset);
  // Years below 1000 are refused: Date reads 0-99 as 1900-1999.
  if (east === null || year < 1000 || !isExists(year, month - 1, day) || hour > 23 || minute > 59 || second > 60) return null;
  return plausible(Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms) - east * 60_000);
}

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/i;

function fromIsoLike(match: RegExpExecArray): Date | null {
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone = 'Z'] = match;
  const offset = /^(z|utc|gmt)$/i.test(zone) ? '+00:00' : zone;
  const fields = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s) };
  return atOffset({ ...fields, ms: Math.round(Number(`0.${fraction}`) * 1000) }, offset);
}

// RFC 822's named zones, the US ones Date.parse knew, and those feeds write in practice.
const NAMED_ZONES: Readonly<Record<string, string>> = {
  UT: '+00:00', GMT: '+00:00', Z: '+00:00', UTC: '+00:00',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
  CET: '+01:00', CEST: '+02:00', MET: '+01:00', MEST: '+02:00', WET: '+00:00', WEST: '+01:00', EET: '+02:00', EEST: '+03:00',
  BST: '+01:00', IST: '+05:30', MSK: '+03:00', JST: '+09:00', KST: '+09:00', HKT: '+08:00', SGT: '+08:00',
  AEST: '+10:00', AEDT: '+11:00', ACST: '+09:30', AWST: '+08:00', NZST: '+12:00', NZDT: '+13:00',
};

const RFC822 =
  /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,5}|[+-]\d{4}|[+-]\d{2}:\d{2})?$/;

function fromRfc822(match: RegExpExecArray): Date | null {
  const [, day, monthName, year, hour = '0', minute = '0', second = '0', zone = 'GMT'] = match;
  const month = monthNumber(monthName!);
  const offset = /^[+-]/.test(zone) ? zone : NAMED_ZONES[zone.toUpperCase()];
  if (month === 0 || !offset) return null;
  // RFC 822 years were two digits: 70-99 are the 1900s, the rest this century.
  const fullYear = year!.length === 2 ? Number(year) + (Number(year) < 70 ? 2000 : 1900) : Number(year);
  return atOffset({ year: fullYear, month, day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) }, offset);
}

/** A posting date from whatever a board or feed sent; null for missing, unparseable or implausible values. */
export function parseDate(value: unknown): Date | null {
  if (value == null || typeof value === 'boolean') return null;
  if (value instanceof Date) return plausible(value.getTime());
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const iso = ISO_LIKE.exec(text);
  if (iso) return fromIsoLike(iso); // ISO shape with impossible fields: not a date
  const rfc = RFC822.exec(text);
  if (rfc) return fromRfc822(rfc);
  // Other shapes that name a month ("Jun 2 2025 15:01:40 GMT+0000") go to the engine's reader,
  // only when they name a month and a year, so its quirks ("1", "June") cannot turn garbage
  // into a date.
  if (!/[A-Za-z]{3}/.test(text) || !/\d{4}/.test(text)) return null;
  return plausible(Date.parse(text));
}

/** The date as ISO 8601, for logs and tests. */
export function isoOrNull(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
