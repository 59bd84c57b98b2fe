import { describe, expect, it } from 'vitest';
import { buildingStreak, dailyTotals, daysWithoutBuilding, sumDays, type EntrySpan } from './aggregate';

const at = (iso: string) => new Date(iso);
const building = (startedAt: string, minutes: number): EntrySpan => ({ kind: 'building', area: null, startedAt: at(startedAt), minutes });
const learning = (startedAt: string, minutes: number, area: EntrySpan['area'] = 'databases'): EntrySpan => ({ kind: 'learning', area, startedAt: at(startedAt), minutes });
const applying = (startedAt: string, minutes: number): EntrySpan => ({ kind: 'applying', area: null, startedAt: at(startedAt), minutes });

const minutesByDay = (entries: EntrySpan[], zone: string, from: string, to: string, kind: 'building' | 'learning' | 'applying' = 'building') =>
  Object.fromEntries([...dailyTotals(entries, zone, from, to)].map(([day, t]) => [day, t[`${kind}Minutes`]]));

describe('dailyTotals', () => {
  it('lists every day of the range, empty ones as zeros', () => {
    expect(minutesByDay([], 'UTC', '2026-11-23', '2026-11-25')).toEqual({ '2026-11-23': 0, '2026-11-24': 0, '2026-11-25': 0 });
  });

  it('splits a session crossing local midnight between the two days (London, winter)', () => {
    // 22:00 to 02:00 GMT
    expect(minutesByDay([building('2026-11-24T22:00:00Z', 240)], 'Europe/London', '2026-11-24', '2026-11-25')).toEqual({
      '2026-11-24': 120,
      '2026-11-25': 120,
    });
  });

  it('splits at the user\'s midnight, not UTC\'s (New York)', () => {
    // 22:00 to 02:00 EST is 03:00 to 07:00 UTC, all on the 25th in UTC.
    const entries = [building('2026-11-25T03:00:00Z', 240)];
    expect(minutesByDay(entries, 'America/New_York', '2026-11-24', '2026-11-25')).toEqual({ '2026-11-24': 120, '2026-11-25': 120 });
    expect(minutesByDay(entries, 'UTC', '2026-11-24', '2026-11-25')).toEqual({ '2026-11-24': 0, '2026-11-25': 240 });
  });

  it('gives the spring DST day 23 hours and the autumn one 25 (London)', () => {
    // 24 hours from UTC midnight on 29 March: 23 h fill the short local day, 1 h spills into the 30th.
    expect(minutesByDay([building('2026-03-29T00:00:00Z', 1440)], 'Europe/London', '2026-03-28', '2026-03-30')).toEqual({
      '2026-03-28': 0,
      '2026-03-29': 1380,
      '2026-03-30': 60,
    });
    // 24 hours from local midnight on 25 October all fit in the 25-hour day.
    expect(minutesByDay([building('2026-10-24T23:00:00Z', 1440)], 'Europe/London', '2026-10-24', '2026-10-26')).toEqual({
      '2026-10-24': 0,
      '2026-10-25': 1440,
      '2026-10-26': 0,
    });
  });

  it('balances the DST days of Berlin and New York at local midnight', () => {
    // Berlin, 29 March 2026: 23 hours from 23:00 UTC the day before; 24 hours of work from
    // local midnight fill it and spill one hour into the 30th.
    expect(minutesByDay([building('2026-03-28T23:00:00Z', 1440)], 'Europe/Berlin', '2026-03-28', '2026-03-30')).toEqual({
      '2026-03-28': 0,
      '2026-03-29': 1380,
      '2026-03-30': 60,
    });
    // Berlin, 25 October 2026: 25 hours, 22:00 UTC to 23:00 UTC the next day.
    expect(minutesByDay([building('2026-10-24T22:00:00Z', 1500)], 'Europe/Berlin', '2026-10-24', '2026-10-26')).toEqual({
      '2026-10-24': 0,
      '2026-10-25': 1500,
      '2026-10-26': 0,
    });
    // New York, 8 March 2026: 23:00 EST on the 7th to 01:00 EDT on the 9th is 25 hours of clock
    // time: one hour on the 7th, the whole 23-hour day, one hour on the 9th.
    expect(minutesByDay([building('2026-03-08T04:00:00Z', 1500)], 'America/New_York', '2026-03-07', '2026-03-09')).toEqual({
      '2026-03-07': 60,
      '2026-03-08': 1380,
      '2026-03-09': 60,
    });
  });

  it('puts entries in the right Monday-to-Sunday week across the DST change (London, March)', () => {
    // Week Mon 23 - Sun 29 March 2026; clocks went forward on the Sunday.
    const sunday2330 = building('2026-03-29T22:30:00Z', 30); // 23:30 BST Sunday
    const monday0010 = building('2026-03-29T23:10:00Z', 30); // 00:10 BST Monday: next week
    const week = sumDays(dailyTotals([sunday2330, monday0010], 'Europe/London', '2026-03-23', '2026-03-29').values());
    const next = sumDays(dailyTotals([sunday2330, monday0010], 'Europe/London', '2026-03-30', '2026-04-05').values());
    expect(week.buildingMinutes).toBe(30);
    expect(next.buildingMinutes).toBe(30);
  });

  it('puts entries in the right week across the DST change (New York, November)', () => {
    // Week Mon 26 Oct - Sun 1 Nov 2026; the Sunday has 25 hours.
    const sunday2330 = building('2026-11-02T04:30:00Z', 30); // 23:30 EST Sunday
    const monday0030 = building('2026-11-02T05:30:00Z', 30); // 00:30 EST Monday
    const sunday0130Twice = [building('2026-11-01T05:30:00Z', 30), building('2026-11-01T06:30:00Z', 30)]; // 01:30 EDT and 01:30 EST
    const entries = [sunday2330, monday0030, ...sunday0130Twice];
    expect(sumDays(dailyTotals(entries, 'America/New_York', '2026-10-26', '2026-11-01').values()).buildingMinutes).toBe(90);
    expect(sumDays(dailyTotals(entries, 'America/New_York', '2026-11-02', '2026-11-08').values()).buildingMinutes).toBe(30);
    // And the March week: Sunday 8 March has 23 hours.
    const march = [building('2026-03-09T03:30:00Z', 30), building('2026-03-09T04:10:00Z', 30)]; // 23:30 EDT Sun, 00:10 EDT Mon
    expect(sumDays(dailyTotals(march, 'America/New_York', '2026-03-02', '2026-03-08').values()).buildingMinutes).toBe(30);
  });

  it('counts overlapping entries of one kind once', () => {
    const day = dailyTotals([building('2026-11-25T09:00:00Z', 60), building('2026-11-25T09:30:00Z', 60)], 'UTC', '2026-11-25', '2026-11-25');
    expect(day.get('2026-11-25')!.buildingMinutes).toBe(90);
    const nested = dailyTotals([building('2026-11-25T09:00:00Z', 120), building('2026-11-25T09:30:00Z', 30)], 'UTC', '2026-11-25', '2026-11-25');
    expect(nested.get('2026-11-25')!.buildingMinutes).toBe(120);
  });

  it('counts overlapping entries of different kinds each', () => {
    const day = dailyTotals([applying('2026-11-25T09:00:00Z', 60), learning('2026-11-25T09:00:00Z', 60)], 'UTC', '2026-11-25', '2026-11-25').get('2026-11-25')!;
    expect(day).toEqual({ applyingMinutes: 60, learningMinutes: 60, buildingMinutes: 0, byArea: { databases: 60 } });
  });

  it('counts areas per area: overlapping learning in two areas', () => {
    const day = dailyTotals(
      [learning('2026-11-25T09:00:00Z', 60, 'databases'), learning('2026-11-25T09:30:00Z', 60, 'servers'), learning('2026-11-25T12:00:00Z', 15, 'databases')],
      'UTC',
      '2026-11-25',
      '2026-11-25',
    ).get('2026-11-25')!;
    expect(day.learningMinutes).toBe(105);
    expect(day.byArea).toEqual({ databases: 75, servers: 60 });
  });

  it('ignores time outside the range and keeps a partial overlap', () => {
    const totals = dailyTotals([building('2026-11-20T09:00:00Z', 60), building('2026-11-22T23:30:00Z', 60)], 'UTC', '2026-11-23', '2026-11-23');
    expect(totals.get('2026-11-23')!.buildingMinutes).toBe(30);
  });

  it('rounds seconds to whole minutes per day', () => {
    const totals = dailyTotals([building('2026-11-24T23:59:20Z', 2)], 'UTC', '2026-11-24', '2026-11-25');
    expect(totals.get('2026-11-24')!.buildingMinutes).toBe(1);
    expect(totals.get('2026-11-25')!.buildingMinutes).toBe(1);
  });
});

describe('building streak and days without building', () => {
  const totals = dailyTotals(
    [building('2026-11-20T10:00:00Z', 30), building('2026-11-22T10:00:00Z', 30), building('2026-11-23T10:00:00Z', 30), building('2026-11-24T10:00:00Z', 30)],
    'UTC',
    '2026-11-15',
    '2026-11-29',
  );

  it.each([
    ['2026-11-24', 3], // 22, 23, 24
    ['2026-11-25', 3], // today not built on yet: counts up to yesterday
    ['2026-11-26', 0],
    ['2026-11-21', 1], // 20 only
    ['2026-11-19', 0],
  ])('streak as of %s is %i', (date, streak) => {
    expect(buildingStreak(totals, date)).toBe(streak);
  });

  it.each([
    ['2026-11-24', 0],
    ['2026-11-25', 1],
    ['2026-11-27', 3],
    ['2026-11-21', 1],
    ['2026-11-19', null],
  ])('days without building as of %s is %s', (date, days) => {
    expect(daysWithoutBuilding(totals, date)).toBe(days);
  });
});
