import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, endOfToday, ianaTimeZone, isLocalDate, localDate, localTime, startOfDay, timeZoneToOffer, today, weekStart, zonedInstant } from './zone';

const iso = (d: Date) => d.toISOString();

describe('local days in a time zone', () => {
  it.each([
    // Europe/London: clocks go forward on 29 March 2026 (a 23-hour day) and back on 25 October (25 hours).
    ['Europe/London', '2026-03-29', '2026-03-29T00:00:00.000Z'],
    ['Europe/London', '2026-03-30', '2026-03-29T23:00:00.000Z'],
    ['Europe/London', '2026-10-25', '2026-10-24T23:00:00.000Z'],
    ['Europe/London', '2026-10-26', '2026-10-26T00:00:00.000Z'],
    // America/New_York: forward on 8 March 2026, back on 1 November.
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z'],
    ['America/New_York', '2026-03-09', '2026-03-09T04:00:00.000Z'],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00.000Z'],
    ['America/New_York', '2026-11-02', '2026-11-02T05:00:00.000Z'],
    // Europe/Berlin: forward on 29 March 2026 (at 02:00), back on 25 October (at 03:00).
    ['Europe/Berlin', '2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['Europe/Berlin', '2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '2026-10-24T22:00:00.000Z'],
    ['Europe/Berlin', '2026-10-26', '2026-10-25T23:00:00.000Z'],
    // America/Santiago skips midnight on 6 September 2026: the day starts at 01:00.
    ['America/Santiago', '2026-09-06', '2026-09-06T04:00:00.000Z'],
    ['Asia/Kolkata', '2026-11-25', '2026-11-24T18:30:00.000Z'],
    ['UTC', '2026-11-25', '2026-11-25T00:00:00.000Z'],
  ])('%s: %s starts at %s', (zone, date, start) => {
    expect(iso(startOfDay(date, zone))).toBe(start);
  });

  it('gives DST days their real length', () => {
    const hours = (zone: string, date: string) => (startOfDay(addDays(date, 1), zone).getTime() - startOfDay(date, zone).getTime()) / 3_600_000;
    expect(hours('Europe/London', '2026-03-29')).toBe(23);
    expect(hours('Europe/London', '2026-10-25')).toBe(25);
    expect(hours('America/New_York', '2026-03-08')).toBe(23);
    expect(hours('America/New_York', '2026-11-01')).toBe(25);
    expect(hours('America/New_York', '2026-11-25')).toBe(24);
    expect(hours('Europe/Berlin', '2026-03-29')).toBe(23);
    expect(hours('Europe/Berlin', '2026-10-25')).toBe(25);
  });

  it.each([
    // The last millisecond of the local day, whatever the hour the clocks changed.
    ['Europe/Berlin', '2026-03-29T00:30:00Z', '2026-03-29T21:59:59.999Z'],
    ['Europe/Berlin', '2026-03-29T21:59:59.999Z', '2026-03-29T21:59:59.999Z'],
    ['Europe/Berlin', '2026-03-28T23:30:00Z', '2026-03-29T21:59:59.999Z'], // 00:30 CET on the day
    ['Europe/Berlin', '2026-10-25T00:30:00Z', '2026-10-25T22:59:59.999Z'], // 02:30 CEST, before the change
    ['Europe/Berlin', '2026-10-25T01:30:00Z', '2026-10-25T22:59:59.999Z'], // 02:30 CET, after it
    ['Europe/Berlin', '2026-10-25T23:00:00Z', '2026-10-26T22:59:59.999Z'], // already Monday in Berlin
    ['America/New_York', '2026-03-08T06:59:00Z', '2026-03-09T03:59:59.999Z'], // 01:59 EST
    ['America/New_York', '2026-03-08T07:00:00Z', '2026-03-09T03:59:59.999Z'], // 03:00 EDT
    ['America/New_York', '2026-03-09T03:30:00Z', '2026-03-09T03:59:59.999Z'], // 23:30 EDT
    ['America/New_York', '2026-03-08T04:30:00Z', '2026-03-08T04:59:59.999Z'], // 23:30 EST the day before
  ])('%s at %s: today ends at %s', (zone, now, end) => {
    expect(iso(endOfToday(zone, new Date(now)))).toBe(end);
    // The end of today is one millisecond before tomorrow starts.
    const tomorrow = addDays(today(zone, new Date(now)), 1);
    expect(endOfToday(zone, new Date(now)).getTime()).toBe(startOfDay(tomorrow, zone).getTime() - 1);
  });

  it('refuses a zone that is not one', () => {
    expect(() => startOfDay('2026-11-25', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localDate(new Date(), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => endOfToday('Mars/Olympus')).toThrow(RangeError);
  });

  it('reads local dates and times of an instant', () => {
    expect(localDate(new Date('2026-11-25T04:30:00Z'), 'America/New_York')).toBe('2026-11-24');
    expect(localTime(new Date('2026-11-25T04:30:00Z'), 'America/New_York')).toBe('23:30');
    expect(localDate(new Date('2026-11-24T19:00:00Z'), 'Asia/Kolkata')).toBe('2026-11-25');
    expect(localDate(new Date('2026-06-30T23:30:00Z'), 'Europe/London')).toBe('2026-07-01');
  });

  it('turns local wall-clock times into instants, through DST gaps and overlaps', () => {
    expect(iso(zonedInstant('2026-07-01', '09:15', 'Europe/London'))).toBe('2026-07-01T08:15:00.000Z');
    expect(iso(zonedInstant('2026-12-01', '09:15', 'Europe/London'))).toBe('2026-12-01T09:15:00.000Z');
    // 02:30 does not exist on 8 March in New York: it reads as 03:30 EDT.
    expect(iso(zonedInstant('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 1 November: the first (EDT) one.
    expect(iso(zonedInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    // The same rules east of Greenwich: Berlin skips 02:30 on 29 March and has it twice on 25 October.
    expect(iso(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedInstant('2026-10-25', '03:00', 'Europe/Berlin'))).toBe('2026-10-25T02:00:00.000Z');
    expect(iso(zonedInstant('2026-10-04', '02:30', 'Australia/Sydney'))).toBe('2026-10-03T16:30:00.000Z');
    expect(iso(zonedInstant('2026-04-05', '02:30', 'Australia/Sydney'))).toBe('2026-04-04T15:30:00.000Z');
  });

  it('starts weeks on Monday', () => {
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // Monday
    expect(weekStart('2026-11-25')).toBe('2026-11-23'); // Wednesday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('does calendar arithmetic and rejects impossible dates', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-11-23', '2026-11-29')).toBe(6);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('26-11-01')).toBe(false);
    expect(() => addDays('nope', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', 1)).toThrow(RangeError);
  });
});

describe('time zones a browser reports', () => {
  it('accepts real IANA zones in their canonical spelling and nothing else', () => {
    expect(ianaTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(ianaTimeZone(' europe/berlin ')).toBe('Europe/Berlin');
    expect(ianaTimeZone('UTC')).toBe('UTC');
    // Three-part names pass (ICU may answer its own spelling of the same zone).
    expect(ianaTimeZone('America/Argentina/Buenos_Aires')).toMatch(/Buenos_Aires$/);
    for (const bad of ['Mars/Olympus', '+01:00', '-0500', '', 'Europe/Berlin; drop', '../../etc/passwd', 'x'.repeat(65), null, 42, ['UTC']]) {
      expect(ianaTimeZone(bad), String(bad)).toBeNull();
    }
  });

  it("offers the browser's zone only when it is real and differs from the saved one", () => {
    expect(timeZoneToOffer('UTC', 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(timeZoneToOffer('Europe/Berlin', 'Europe/Berlin')).toBeNull();
    expect(timeZoneToOffer('Europe/Berlin', 'europe/berlin')).toBeNull();
    expect(timeZoneToOffer('Europe/Berlin', 'America/New_York')).toBe('America/New_York');
    expect(timeZoneToOffer('UTC', 'Not/AZone')).toBeNull();
    expect(timeZoneToOffer('UTC', undefined)).toBeNull();
  });
});
