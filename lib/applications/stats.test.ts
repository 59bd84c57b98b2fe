import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { insertApplication, insertUser } from '../../test/support/factories';
import { changeStatus, createManual } from './applications';
import { applicationStats } from './stats';

describe(`applicationStats (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('is empty for a new user', async () => {
    const user = (await insertUser(database.db)).id;
    const stats = await applicationStats(database.db, user, { now: new Date('2026-11-25T12:00:00Z'), days: 7, weeks: 4 });
    expect(stats.total).toBe(0);
    expect(stats.applied).toBe(0);
    expect(stats.responseRate).toBeNull();
    expect(stats.perDay).toHaveLength(7);
    expect(stats.perDay.at(-1)).toEqual({ day: '2026-11-25', count: 0 });
    expect(stats.perWeek).toEqual([
      { weekStart: '2026-11-02', count: 0 },
      { weekStart: '2026-11-09', count: 0 },
      { weekStart: '2026-11-16', count: 0 },
      { weekStart: '2026-11-23', count: 0 },
    ]);
    expect(Object.values(stats.byStatus).every((n) => n === 0)).toBe(true);
  });

  it('counts per day and week, response rate from the timeline, and the funnel', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    const other = (await insertUser(db)).id;
    const now = new Date('2026-11-25T12:00:00Z'); // a Wednesday
    const t = (iso: string) => new Date(iso);
    // Four applied: one reached screening then was rejected, one is interviewing, two wait.
    const a = await createManual(db, user, { company: 'A', title: 'x', status: 'applied', appliedAt: '2026-11-24' }, t('2026-11-24T10:00:00Z'));
    await changeStatus(db, user, a.id, { status: 'screening' }, t('2026-11-24T11:00:00Z'));
    await changeStatus(db, user, a.id, { status: 'rejected' }, t('2026-11-24T12:00:00Z'));
    const b = await createManual(db, user, { company: 'B', title: 'x', status: 'applied', appliedAt: '2026-11-25' }, t('2026-11-25T10:00:00Z'));
    await changeStatus(db, user, b.id, { status: 'interviewing' }, t('2026-11-25T11:00:00Z'));
    await createManual(db, user, { company: 'C', title: 'x', status: 'applied', appliedAt: '2026-11-17' }, t('2026-11-17T10:00:00Z'));
    await createManual(db, user, { company: 'D', title: 'x', status: 'applied', appliedAt: '2026-11-25' }, t('2026-11-25T09:00:00Z'));
    await createManual(db, user, { company: 'E', title: 'x' }, t('2026-11-25T09:00:00Z')); // saved only
    // Another user's applications never count.
    await insertApplication(db, other, { status: 'offer', appliedAt: t('2026-11-25T08:00:00Z') });

    const stats = await applicationStats(db, user, { now, days: 3, weeks: 2 });
    expect(stats.perDay).toEqual([
      { day: '2026-11-23', count: 0 },
      { day: '2026-11-24', count: 1 },
      { day: '2026-11-25', count: 2 },
    ]);
    expect(stats.perWeek).toEqual([
      { weekStart: '2026-11-16', count: 1 },
      { weekStart: '2026-11-23', count: 3 },
    ]);
    expect(stats.applied).toBe(4);
    expect(stats.responded).toBe(2);
    expect(stats.responseRate).toBe(0.5);
    expect(stats.total).toBe(5);
    expect(stats.byStatus).toMatchObject({ saved: 1, applied: 2, interviewing: 1, rejected: 1, offer: 0 });
    expect(stats.funnel).toEqual([
      { stage: 'saved', count: 5 },
      { stage: 'applied', count: 4 },
      { stage: 'screening', count: 2 },
      { stage: 'interviewing', count: 1 },
      { stage: 'offer', count: 0 },
      { stage: 'accepted', count: 0 },
    ]);
  });

  it('counts days in the user time zone', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    // 23:30 UTC on the 24th is already the 25th in Berlin.
    await insertApplication(db, user, { status: 'applied', appliedAt: new Date('2026-11-24T23:30:00Z') });
    const now = new Date('2026-11-25T12:00:00Z');
    const utc = await applicationStats(db, user, { now, days: 2, timeZone: 'UTC' });
    const berlin = await applicationStats(db, user, { now, days: 2, timeZone: 'Europe/Berlin' });
    expect(utc.perDay).toEqual([{ day: '2026-11-24', count: 1 }, { day: '2026-11-25', count: 0 }]);
    expect(berlin.perDay).toEqual([{ day: '2026-11-24', count: 0 }, { day: '2026-11-25', count: 1 }]);
  });
});
