// Boards send dates as epoch seconds, epoch milliseconds, ISO 8601 with or without a zone,
// "YYYY-MM-DD HH:MM:SS", RFC 2822, or rubbish. parseDate returns a valid Date or null,
// never an Invalid Date. A time without a zone is read as UTC (what these APIs mean).

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

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/i;

function fromIsoLike(text: string): Date | null {
  const match = ISO_LIKE.exec(text);
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  let time = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), Math.round(Number(`0.${fraction}`) * 1000));
  // Date.UTC rolls 31 February over into March; a date that rolled over was not a real date.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return null;
  if (zone && !/^(z|utc|gmt)$/i.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    time -= sign * offset * 60_000;
  }
  return plausible(time);
}

/** A posting date from whatever the board sent; null for missing, unparseable or implausible values. */
export function parseDate(value: unknown): Date | null {
  if (value == null || typeof value === 'boolean') return null;
  if (value instanceof Date) return plausible(value.getTime());
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const iso = fromIsoLike(text);
  if (iso) return iso;
  if (ISO_LIKE.test(text)) return null; // ISO shape with impossible fields: not a date
  // RFC 2822 ("Mon, 02 Jun 2025 15:01:40 GMT") and similar: only when it names a month,
  // so engine quirks ("1", "June") cannot turn garbage into a date.
  if (!/[A-Za-z]{3}/.test(text) || !/\d{4}/.test(text)) return null;
  return plausible(Date.parse(text));
}

/** The date as ISO 8601, for logs and tests. */
export function isoOrNull(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
