import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../db/schema';
import { BadInputError } from '../errors';
import { entryFromForm, groupByDay } from './form';

describe('entryFromForm', () => {
  it('reads the local date and time in the user\'s zone', () => {
    const input = entryFromForm({ kind: 'building', date: '2026-07-01', time: '09:15', minutes: '30', note: '' }, 'Europe/London');
    expect(input).toMatchObject({ kind: 'building', minutes: '30', startedAt: new Date('2026-07-01T08:15:00Z') });
  });

  it('names the date and time fields when they are bad', () => {
    try {
      entryFromForm({ kind: 'building', date: '2026-02-30', time: '9am', minutes: '30' }, 'UTC');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadInputError);
      expect(Object.keys((error as BadInputError).fields).sort()).toEqual(['date', 'time']);
    }
  });

  it('names the other bad fields with a bad date, all in one answer', () => {
    try {
      entryFromForm({ kind: 'building', date: '', time: '10:00', minutes: '99999' }, 'UTC');
      expect.unreachable();
    } catch (error) {
      expect((error as BadInputError).fields).toEqual({ date: 'Pick the day.', minutes: 'At most 1440 minutes (a whole day).' });
    }
  });
});

describe('groupByDay', () => {
  const entry = (startedAt: string, minutes: number) => ({ id: startedAt, startedAt: new Date(startedAt), minutes }) as TimeEntry;

  it('groups by the local start day, newest first', () => {
    const days = groupByDay(
      [entry('2026-11-25T15:00:00Z', 30), entry('2026-11-25T03:00:00Z', 60), entry('2026-11-24T12:00:00Z', 15)],
      'America/New_York',
    );
    expect(days.map((d) => [d.date, d.totalMinutes, d.entries.map((e) => e.localTime)])).toEqual([
      ['2026-11-25', 30, ['10:00']],
      ['2026-11-24', 75, ['22:00', '07:00']],
    ]);
  });
});
