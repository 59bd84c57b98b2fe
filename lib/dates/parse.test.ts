import { describe, expect, it } from 'vitest';
import { isoOrNull, monthNumber, parseDate } from './parse';

const read = (value: unknown) => isoOrNull(parseDate(value));

describe('parseDate: what boards and feeds send', () => {
  it('reads ISO 8601 at any offset, and a time without one as UTC', () => {
    expect(read('2026-03-29T02:30:00+01:00')).toBe('2026-03-29T01:30:00.000Z');
    expect(read('2026-03-29T02:30:00+0530')).toBe('2026-03-28T21:00:00.000Z');
    expect(read('2026-03-29T02:30:00-05')).toBe('2026-03-29T07:30:00.000Z');
    expect(read('2026-03-29 02:30:00 UTC')).toBe('2026-03-29T02:30:00.000Z');
    // A wall-clock time skipped in Europe is still a fine UTC time: no zone means UTC.
    expect(read('2026-03-29T02:30:00')).toBe('2026-03-29T02:30:00.000Z');
    expect(read('2026-06-30T23:59:60Z')).toBe('2026-06-30T23:59:59.000Z'); // leap second
  });

  it('reads RFC 822 with named zones, two-digit years and no seconds', () => {
    expect(read('Sun, 25 Oct 2026 02:30:00 CEST')).toBe('2026-10-25T00:30:00.000Z');
    expect(read('Sun, 25 Oct 2026 02:30:00 CET')).toBe('2026-10-25T01:30:00.000Z');
    expect(read('Sun, 08 Mar 2026 03:30 EDT')).toBe('2026-03-08T07:30:00.000Z');
    expect(read('Mon, 03 Mar 25 18:00:00 PST')).toBe('2025-03-04T02:00:00.000Z');
    expect(read('3 Sept 2025 10:00 +05:30')).toBe('2025-09-03T04:30:00.000Z');
    expect(read('03 Mar 2025')).toBe('2025-03-03T00:00:00.000Z');
  });

  it('refuses days that do not exist, unknown zones and implausible years', () => {
    for (const text of ['2025-02-29', '2024-02-30T10:00:00Z', '29 Feb 2025 10:00 GMT', '2025-01-01T24:00:00Z', '4 Mar 2025 09:15 XYZ', '4 Foo 2025', '0099-06-01', '1994-12-31T23:59:59Z', '2100-01-01']) {
      expect(parseDate(text), text).toBeNull();
    }
    expect(read('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
  });

  it('names months in English, by their first three letters', () => {
    expect(monthNumber('January')).toBe(1);
    expect(monthNumber('sept')).toBe(9);
    expect(monthNumber('Dez')).toBe(0);
  });
});
