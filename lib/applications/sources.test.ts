import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApplication, insertApplicationEvent, insertBoard, insertUser } from '../../test/support/factories';
import { insertEntry } from '../../test/support/time-factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { BadInputError } from '../errors';
import { parseSourceWeeks, sourceFiguresJson, sourceStats } from './sources';

describe(`sourceStats (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  const now = new Date('2026-11-25T12:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

  it('answers per source and per board on a fixed history, only for the user and the window', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    const other = (await insertUser(db)).id;
    const board = await insertBoard(db, `golang-cafe-${Date.now()}`);

    // Golang Cafe: three sent. One screened then rejected (a reply), one interviewed (an
    // interview event while still "applied"), one waiting. 90 minutes of applying logged.
    const g1 = await insertApplication(db, user, { source: 'board', board: board.id, status: 'rejected', appliedAt: daysAgo(10) });
    await insertApplicationEvent(db, user, g1.id, { fromStatus: 'applied', toStatus: 'screening', at: daysAgo(8) });
    await insertApplicationEvent(db, user, g1.id, { fromStatus: 'screening', toStatus: 'rejected', at: daysAgo(5) });
    const g2 = await insertApplication(db, user, { source: 'board', board: board.id, status: 'applied', appliedAt: daysAgo(20) });
    await insertApplicationEvent(db, user, g2.id, { kind: 'interview', fromStatus: 'applied', toStatus: 'applied', at: daysAgo(3) });
    const g3 = await insertApplication(db, user, { board: board.id, status: 'applied', appliedAt: daysAgo(2) });
    for (const [app, minutes] of [[g1, 30], [g2, 45], [g3, 15]] as const) {
      await insertEntry(db, user, { kind: 'applying', applicationId: app.id, minutes, startedAt: app.appliedAt! });
    }
    // Learning time and another user's applying time never count.
    await insertEntry(db, user, { kind: 'learning', applicationId: g1.id, minutes: 600 });

    // Referral: one sent, reached an offer (by its status alone), 30 minutes.
    const r1 = await insertApplication(db, user, { source: 'referral', status: 'offer', appliedAt: daysAgo(30) });
    await insertEntry(db, user, { kind: 'applying', applicationId: r1.id, minutes: 30, startedAt: daysAgo(30) });
    // LinkedIn: two sent, no answer (one ghosted, one withdrawn: neither is a reply), no time logged.
    await insertApplication(db, user, { source: 'linkedin', status: 'ghosted', appliedAt: daysAgo(12) });
    await insertApplication(db, user, { source: 'linkedin', status: 'withdrawn', appliedAt: daysAgo(40) });
    // Not counted: saved only, sent 30 weeks ago, and other users' applications.
    await insertApplication(db, user, { source: 'linkedin', status: 'saved' });
    await insertApplication(db, user, { source: 'referral', status: 'offer', appliedAt: daysAgo(7 * 30) });
    const theirs = await insertApplication(db, other, { source: 'board', board: board.id, status: 'interviewing', appliedAt: daysAgo(3) });
    await insertEntry(db, other, { kind: 'applying', applicationId: theirs.id, minutes: 500 });
    // No source recorded (a job found by hand before sources existed).
    await insertApplication(db, user, { status: 'screening', appliedAt: daysAgo(1) });

    const eight = await sourceStats(db, user, { weeks: 8, now });
    expect(sourceFiguresJson(eight)).toEqual([
      { source: `board:${board.id}`, applications: 3, responses: 1, interviews: 1, offers: 0, applyingMinutes: 90, responsesPerHour: 0.67 },
      { source: 'linkedin', applications: 2, responses: 0, interviews: 0, offers: 0, applyingMinutes: 0, responsesPerHour: null },
      { source: 'referral', applications: 1, responses: 1, interviews: 1, offers: 1, applyingMinutes: 30, responsesPerHour: 2 },
      { source: 'unknown', applications: 1, responses: 1, interviews: 0, offers: 0, applyingMinutes: 0, responsesPerHour: null },
    ]);
    expect(eight.map((r) => r.label)).toEqual([`Board ${board.id}`, 'LinkedIn', 'Referral', 'Not recorded']);

    // Four weeks: the referral (30 days ago) and the older LinkedIn one drop out.
    const four = sourceFiguresJson(await sourceStats(db, user, { weeks: 4, now }));
    expect(four.map((r) => [r.source, r.applications])).toEqual([
      [`board:${board.id}`, 3],
      ['linkedin', 1],
      ['unknown', 1],
    ]);
    // Twenty-six weeks reach no further back than 182 days.
    const all = sourceFiguresJson(await sourceStats(db, user, { weeks: 26, now }));
    expect(all.find((r) => r.source === 'referral')).toMatchObject({ applications: 1 });

    // Another user sees only their own.
    expect(sourceFiguresJson(await sourceStats(db, other, { weeks: 8, now }))).toEqual([
      { source: `board:${board.id}`, applications: 1, responses: 1, interviews: 1, offers: 0, applyingMinutes: 500, responsesPerHour: 0.12 },
    ]);
    expect(await sourceStats(db, (await insertUser(db)).id, { now })).toEqual([]);
  });

  it('accepts 4, 8 and 26 weeks only', () => {
    expect(parseSourceWeeks(null)).toBe(8);
    expect(parseSourceWeeks('26')).toBe(26);
    for (const bad of ['5', 'abc', '-4', '8.5']) expect(() => parseSourceWeeks(bad)).toThrow(BadInputError);
  });
});
