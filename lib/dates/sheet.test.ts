import { describe, expect, it } from 'vitest';
import { formatSheetDate, parseSheetDate } from './sheet';
import { isStoredDay, storedDay, storedDayText } from './zone';

const at = (raw: string, timeZone: string) => {
  const d = parseSheetDate(raw, { order: 'day-first', timeZone });
  return d instanceof Date ? d.toISOString() : d;
};

describe('sheet dates on DST days', () => {
  it('reads wall-clock times in the user’s zone through the gap and the overlap', () => {
    // Berlin skips 02:00-03:00 on 29 March 2026: 02:30 reads as 03:30 CEST.
    expect(at('29.03.2026 02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(at('29.03.2026 03:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October: the first (CEST) one.
    expect(at('25/10/2026 2:30 AM', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-03-08 02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    // A day alone stays that day, DST or not.
    expect(at('29 March 2026', 'Europe/Berlin')).toBe('2026-03-29T00:00:00.000Z');
  });

  it('writes back what it read: days alone as dates, times on the user’s wall clock', () => {
    expect(formatSheetDate(new Date('2026-10-25T00:30:00.000Z'), 'Europe/Berlin')).toBe('2026-10-25 02:30');
    expect(formatSheetDate(new Date('2026-10-25T01:30:00.000Z'), 'Europe/Berlin')).toBe('2026-10-25 02:30');
    expect(formatSheetDate(storedDay('2026-03-29'), 'Europe/Berlin')).toBe('2026-03-29');
    expect(formatSheetDate(null, 'UTC')).toBe('');
  });

  it('stores a day alone at midnight UTC', () => {
    expect(storedDay('2026-03-08').toISOString()).toBe('2026-03-08T00:00:00.000Z');
    expect(storedDayText(new Date('2026-03-08T23:59:59Z'))).toBe('2026-03-08');
    expect(storedDayText(null)).toBe('');
    expect(isStoredDay(storedDay('2026-03-08'))).toBe(true);
    expect(isStoredDay(new Date('2026-03-08T00:00:01Z'))).toBe(false);
  });
});
