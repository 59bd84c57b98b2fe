import { TZDate } from '@date-fns/tz';
import { addDays, isExists, isValid, parseISO } from 'date-fns';
import { monthNumber } from './parse';
import { isStoredDay, localDate, localTime, storedDay, storedDayText, zonedInstant } from './zone';

// Dates as spreadsheets kept by hand write them, and as trackend writes them back. Every reader
// accepts the forms people type and says 'invalid' for the rest. A day alone is stored as a
// stored day (lib/dates/zone.ts); a time of day is the user's wall clock.

export type DateOrder = 'month-first' | 'day-first';

export interface DateReading {
  /** Ambiguous a/b/yyyy dates: 1/2/2026 is 2 January when day-first. */
  order: DateOrder;
  /** Wall-clock dates and times are read in this zone. */
  timeZone: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

// Spreadsheet serial day numbers count from 1899-12-30 (Excel, Google Sheets, LibreOffice).
const SERIAL_EPOCH = new TZDate(1899, 11, 30, 'UTC');
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

interface WallDate {
  date: string;
  time: string | null;
}

function wallDate(year: number, month: number, day: number, time: string | null): WallDate | 'invalid' {
  if (year < 100) year += 2000;
  if (!isExists(year, month - 1, day) || year < MIN_YEAR || year > MAX_YEAR) return 'invalid';
  return { date: `${year}-${pad(month)}-${pad(day)}`, time };
}

/** '14:30', '2:30 PM', '14:30:15' → 'HH:MM'; '' → null; 'invalid' otherwise (a string, to the type checker). */
function readTime(raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  if (value === '') return null;
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?$/i.exec(value);
  if (!m) return 'invalid';
  let hour = +m[1]!;
  const minute = +m[2]!;
  const meridiem = m[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return 'invalid';
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return 'invalid';
  return `${pad(hour)}:${pad(minute)}`;
}

/** The first two numbers of a slash date, when it is one: what decides a sheet's date order. */
export function slashDateParts(raw: string): [number, number] | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/.exec(raw.trim());
  return m ? [+m[1]!, +m[2]!] : null;
}

function readWall(value: string, order: DateOrder): WallDate | 'invalid' {
  const withTime = (rest: string | undefined, build: (time: string | null) => WallDate | 'invalid') => {
    const time = readTime(rest);
    return time === 'invalid' ? 'invalid' : build(time);
  };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(.+))?$/.exec(value);
  if (m) return withTime(m[4], (t) => wallDate(+m![1]!, +m![2]!, +m![3]!, t));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+(.+))?$/.exec(value);
  if (m) {
    const [a, b] = [+m[1]!, +m[2]!];
    const dayFirst = a > 12 || (b <= 12 && order === 'day-first');
    return withTime(m[4], (t) => (dayFirst ? wallDate(+m![3]!, b, a, t) : wallDate(+m![3]!, a, b, t)));
  }
  // 15.01.2024 and 15-01-2024 are written day first everywhere they are used.
  m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})(?:,?\s+(.+))?$/.exec(value);
  if (m) return withTime(m[4], (t) => wallDate(+m![3]!, +m![2]!, +m![1]!, t));
  m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(.+))?$/i.exec(value);
  if (m) {
    const month = monthNumber(m[1]!);
    return month === 0 ? 'invalid' : withTime(m[4], (t) => wallDate(+m![3]!, month, +m![2]!, t));
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(.+))?$/i.exec(value);
  if (m) {
    const month = monthNumber(m[2]!);
    return month === 0 ? 'invalid' : withTime(m[4], (t) => wallDate(+m![3]!, month, +m![1]!, t));
  }
  m = /^(\d{5})(\.\d+)?$/.exec(value);
  if (m) {
    const date = addDays(SERIAL_EPOCH, +m[1]!);
    const minutes = Math.round((m[2] ? Number(`0${m[2]}`) : 0) * 1440);
    const time = minutes > 0 ? `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}` : null;
    return wallDate(date.getFullYear(), date.getMonth() + 1, date.getDate(), time);
  }
  return 'invalid';
}

/**
 * Dates as sheets write them: 2024-01-15, 1/15/2024 (or 15/1/2024: the order decides the
 * ambiguous ones), 15.01.2024, Jan 15, 2024, 15 January 2024, spreadsheet serial numbers
 * (45306), each optionally with a time (14:30, 2:30 PM). Times are read in the user's time
 * zone; an ISO timestamp with Z or an offset is taken as it is.
 */
export function parseSheetDate(raw: string, reading: DateReading = { order: 'month-first', timeZone: 'UTC' }): Date | null | 'invalid' {
  const value = raw.trim().replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  if (value === '') return null;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const date = parseISO(value);
    const year = isValid(date) ? date.getUTCFullYear() : NaN;
    return year >= MIN_YEAR && year <= MAX_YEAR ? date : 'invalid';
  }
  const wall = readWall(value, reading.order);
  if (wall === 'invalid') return 'invalid';
  return wall.time === null ? storedDay(wall.date) : zonedInstant(wall.date, wall.time, reading.timeZone);
}

/** A stored date as a sheet writes it back: a day alone (midnight UTC) as 2026-11-03, else the user's wall clock, 2026-11-03 14:30. */
export function formatSheetDate(d: Date | null, timeZone: string): string {
  if (!d) return '';
  return isStoredDay(d) ? storedDayText(d) : `${localDate(d, timeZone)} ${localTime(d, timeZone)}`;
}

/** Whether `locale` writes the month before the day (en-US: 1/15/2026) or after (en-GB: 15/01/2026). */
export function localeDateOrder(locale: string): DateOrder | null {
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2026, 0, 15)));
    const types = parts.map((p) => p.type);
    return types.indexOf('month') < types.indexOf('day') ? 'month-first' : 'day-first';
  } catch {
    return null;
  }
}
