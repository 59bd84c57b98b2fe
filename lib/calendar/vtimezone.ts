import { tzOffset, tzScan } from '@date-fns/tz';

// A VTIMEZONE for an IANA zone, written from the zone rules Node itself carries (Intl), so no
// time-zone database package is needed: each offset change in the range becomes one observance
// with its own DTSTART (RFC 5545 allows that in place of an RRULE), which every calendar app
// reads and which is exact for the years the feed's events fall in, DST included.

const pad = (n: number, width = 2) => String(Math.trunc(n)).padStart(width, '0');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(abs / 60)}${pad(abs % 60)}`;
}

/** The wall-clock reading at `instant` in a fixed offset, as an iCalendar local DATE-TIME. */
function localStamp(instant: Date, offsetMinutes: number): string {
  const d = new Date(instant.getTime() + offsetMinutes * 60_000);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** The VTIMEZONE block for `timeZone`, exact from `from` to `to` (a year of margin either side). */
export function vtimezone(timeZone: string, from: Date, to: Date): string {
  const start = new Date(Date.UTC(from.getUTCFullYear() - 1, 0, 1));
  const end = new Date(Date.UTC(to.getUTCFullYear() + 2, 0, 1));
  const changes = tzScan(timeZone, { start, end });
  const initial = tzOffset(timeZone, start);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  // Before the first change: the offset in force then, daylight when the first change goes back.
  const firstIsDaylight = (changes[0]?.change ?? 0) < 0;
  const observance = (daylight: boolean, at: Date, fromOffset: number, toOffset: number) => {
    const kind = daylight ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(at, fromOffset)}`, `TZOFFSETFROM:${offsetText(fromOffset)}`, `TZOFFSETTO:${offsetText(toOffset)}`, `END:${kind}`);
  };
  observance(firstIsDaylight, start, initial, initial);
  let previous = initial;
  for (const change of changes) {
    observance(change.change > 0, change.date, previous, change.offset);
    previous = change.offset;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
