import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { insertApplication, insertApplicationEvent, insertBoard, insertListing, insertUser } from '../../test/support/factories';
import { insertEntry, insertProfile, insertProject } from '../../test/support/time-factories';
import { getDashboard } from './dashboard';

const at = (iso: string) => new Date(iso);

describe(`dashboard (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  let alice: { id: string };
  let bob: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    alice = await insertUser(db);
    bob = await insertUser(db);
    await insertProfile(db, alice.id, { timeZone: 'America/New_York', languages: ['go'], dailyApplyBudgetMinutes: 60, weeklyLearningGoalMinutes: 600 });
    await insertProfile(db, bob.id, { timeZone: 'Europe/London' });

    // The week Mon 26 Oct - Sun 1 Nov 2026 in New York: the Sunday has 25 hours (clocks go back).
    const api = await insertProject(db, alice.id, { name: 'jobs api', language: 'go', status: 'deployed' });
    await insertProject(db, alice.id, { name: 'cli', language: 'go' });
    // A timer from 23:00 EDT Saturday to 01:00 EDT Sunday: an hour on each day.
    await insertEntry(db, alice.id, { kind: 'building', projectId: api.id, startedAt: at('2026-11-01T03:00:00Z'), minutes: 120 });
    // Overlaps the last half hour of that timer: counted once.
    await insertEntry(db, alice.id, { kind: 'building', projectId: api.id, startedAt: at('2026-11-01T04:30:00Z'), minutes: 30 });
    await insertEntry(db, alice.id, { kind: 'applying', startedAt: at('2026-11-01T15:00:00Z'), minutes: 90 }); // 10:00 EST Sunday
    // 20:00 EST Sunday (already Monday in UTC) is still Sunday for the user.
    await insertEntry(db, alice.id, { kind: 'learning', area: 'databases', note: 'Postgres indexes', startedAt: at('2026-11-02T01:00:00Z'), minutes: 30 });
    // 00:30 EST Monday: next week.
    await insertEntry(db, alice.id, { kind: 'building', startedAt: at('2026-11-02T05:30:00Z'), minutes: 45 });
    // A forgotten timer saved capped on Wednesday: counts as the cap.
    await insertEntry(db, alice.id, { kind: 'building', startedAt: at('2026-10-28T14:00:00Z'), minutes: 240, capped: true });
    // Two weeks earlier.
    await insertEntry(db, alice.id, { kind: 'building', startedAt: at('2026-10-14T14:00:00Z'), minutes: 60 });

    const sent = await insertApplication(db, alice.id, { status: 'rejected', appliedAt: at('2026-10-30T15:00:00Z') });
    await insertApplicationEvent(db, alice.id, sent.id, { toStatus: 'applied' });
    await insertApplicationEvent(db, alice.id, sent.id, { fromStatus: 'applied', toStatus: 'interviewing' });
    await insertApplicationEvent(db, alice.id, sent.id, { fromStatus: 'interviewing', toStatus: 'rejected' });
    await insertApplication(db, alice.id, { status: 'offer', appliedAt: at('2026-10-15T15:00:00Z') });
    await insertApplication(db, alice.id, { status: 'applied', appliedAt: at('2026-11-02T05:30:00Z') }); // next week
    await insertApplication(db, alice.id, { status: 'saved' });

    // Bob's busy life must not leak into Alice's figures.
    await insertProject(db, bob.id, { status: 'deployed', language: 'go' });
    await insertEntry(db, bob.id, { kind: 'applying', startedAt: at('2026-11-01T15:00:00Z'), minutes: 300 });
    const bobs = await insertApplication(db, bob.id, { status: 'offer', appliedAt: at('2026-10-29T12:00:00Z') });
    await insertApplicationEvent(db, bob.id, bobs.id, { toStatus: 'offer' });

    const board = await insertBoard(db);
    await insertListing(db, board.id, { languages: ['go'], skills: ['postgresql', 'docker'], role: 'backend' });
    await insertListing(db, board.id, { languages: ['go'], skills: ['postgresql'], role: 'backend' });
    await insertListing(db, board.id, { languages: ['python'], skills: ['django'], role: 'backend' });
  });
  afterAll(async () => {
    await database.close();
  });

  it('gives today and the week in the user\'s zone, across the DST change', async () => {
    const dashboard = await getDashboard(database.db, alice.id, { date: '2026-11-01' });
    expect(dashboard.today).toEqual({ applyingMinutes: 90, learningMinutes: 30, buildingMinutes: 60, applyBudgetMinutes: 60 });
    expect(dashboard.week).toEqual({
      start: '2026-10-26',
      end: '2026-11-01',
      applyingMinutes: 90,
      learningMinutes: 30,
      buildingMinutes: 360,
      goalMinutes: 600,
      byArea: { databases: 30 },
      buildingStreak: 2,
      applicationsSent: 1,
    });
    expect(dashboard.daysWithoutBuilding).toBe(0);
    expect(dashboard.guidance.map((g) => g.id)).toEqual(['applying-over-budget', 'goal-behind']);
    expect(dashboard.projects.deployed).toBe(1);
  });

  it('puts Monday 00:30 in the next week', async () => {
    const monday = await getDashboard(database.db, alice.id, { date: '2026-11-02' });
    expect(monday.today.buildingMinutes).toBe(45);
    expect(monday.week.start).toBe('2026-11-02');
    expect(monday.week.buildingMinutes).toBe(45);
    expect(monday.week.applicationsSent).toBe(1);
    expect(monday.week.buildingStreak).toBe(3);
  });

  it('counts days without building', async () => {
    const later = await getDashboard(database.db, alice.id, { date: '2026-11-05' });
    expect(later.daysWithoutBuilding).toBe(3);
    expect(later.week.buildingStreak).toBe(0);
    expect(later.guidance.map((g) => g.id)).toContain('days-without-building');
  });

  it('has 8 weeks of trends and the response funnel', async () => {
    const { trends } = await getDashboard(database.db, alice.id, { date: '2026-11-01' });
    expect(trends.weeks.map((w) => w.weekStart)).toEqual([
      '2026-09-07',
      '2026-09-14',
      '2026-09-21',
      '2026-09-28',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
    ]);
    expect(trends.weeks.map((w) => w.buildingMinutes)).toEqual([0, 0, 0, 0, 0, 60, 0, 360]);
    expect(trends.weeks.map((w) => w.applyingMinutes)).toEqual([0, 0, 0, 0, 0, 0, 0, 90]);
    expect(trends.weeks.map((w) => w.applications)).toEqual([0, 0, 0, 0, 0, 1, 0, 1]);
    expect(trends.funnel.map((s) => [s.stage, s.applications])).toEqual([
      ['applied', 2],
      ['screening', 2],
      ['interviewing', 2],
      ['offer', 1],
    ]);
  });

  it('puts what the user\'s jobs ask for beside the hours logged on it', async () => {
    const { buildNext } = await getDashboard(database.db, alice.id, { date: '2026-11-01' });
    expect(buildNext.languages).toEqual(['go']);
    expect(buildNext.listings).toBe(2);
    expect(buildNext.items.map((i) => [i.slug, i.share, i.minutesLogged])).toEqual([
      ['go', 1, 150],
      ['postgresql', 1, 30],
      ['docker', 0.5, 0],
    ]);
  });

  it('shows another user none of it', async () => {
    const dashboard = await getDashboard(database.db, bob.id, { date: '2026-11-01' });
    expect(dashboard.timeZone).toBe('Europe/London');
    expect(dashboard.today).toEqual({ applyingMinutes: 300, learningMinutes: 0, buildingMinutes: 0, applyBudgetMinutes: 60 });
    expect(dashboard.week.buildingMinutes).toBe(0);
    expect(dashboard.week.applicationsSent).toBe(1);
    expect(dashboard.trends.funnel.map((s) => s.applications)).toEqual([1, 1, 1, 1]);
    expect(dashboard.projects.deployed).toBe(1);
    expect(dashboard.buildNext.items.every((i) => i.minutesLogged === 0)).toBe(true);
    const stranger = await insertUser(database.db);
    const empty = await getDashboard(database.db, stranger.id, { date: '2026-11-01' });
    expect(empty.today).toEqual({ applyingMinutes: 0, learningMinutes: 0, buildingMinutes: 0, applyBudgetMinutes: 60 });
    expect(empty.week.goalMinutes).toBe(600);
    expect(empty.guidance.map((g) => g.id)).toEqual(['start-logging']);
    expect(empty.projects.deployed).toBe(0);
  });

  it('uses today in the user\'s zone when no date is given', async () => {
    const dashboard = await getDashboard(database.db, alice.id, { now: at('2026-11-02T03:00:00Z') });
    expect(dashboard.date).toBe('2026-11-01');
  });

  it('handles the London spring-forward week', async () => {
    const user = await insertUser(database.db);
    await insertProfile(database.db, user.id, { timeZone: 'Europe/London' });
    await insertEntry(database.db, user.id, { kind: 'learning', area: 'servers', startedAt: at('2026-03-29T22:30:00Z'), minutes: 30 }); // 23:30 BST Sunday
    await insertEntry(database.db, user.id, { kind: 'learning', area: 'servers', startedAt: at('2026-03-29T23:10:00Z'), minutes: 30 }); // 00:10 BST Monday
    await insertEntry(database.db, user.id, { kind: 'learning', area: 'dsa', startedAt: at('2026-03-23T00:00:00Z'), minutes: 20 }); // Monday 00:00 GMT
    const sunday = await getDashboard(database.db, user.id, { date: '2026-03-29' });
    expect([sunday.week.start, sunday.week.learningMinutes, sunday.today.learningMinutes]).toEqual(['2026-03-23', 50, 30]);
    expect(sunday.week.byArea).toEqual({ servers: 30, dsa: 20 });
    const monday = await getDashboard(database.db, user.id, { date: '2026-03-30' });
    expect([monday.week.start, monday.week.learningMinutes]).toEqual(['2026-03-30', 30]);
  });
});
