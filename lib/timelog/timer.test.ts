import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { insertUser } from '../../test/support/factories';
import { insertProject } from '../../test/support/time-factories';
import { BadInputError, ConflictError } from '../errors';
import { listEntries } from './entries';
import { discardTimer, getTimer, startTimer, stopTimer, timerJson, timerMinutes, TIMER_CAP_MINUTES } from './timer';

const T0 = new Date('2026-11-25T09:00:00Z');
const later = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * 60_000 + seconds * 1000);

describe('timerMinutes', () => {
  it.each([
    [0, 10, 1, false],
    [0, 40, 1, false],
    [25, 29, 25, false],
    [25, 31, 26, false],
    [240, 0, 240, false],
    [241, 0, 240, true],
    [19 * 60, 0, 240, true],
  ])('%i min %i s -> %i min, capped %s', (minutes, seconds, expected, capped) => {
    expect(timerMinutes(T0, later(minutes, seconds))).toEqual({ minutes: expected, capped });
  });
});

describe(`timer (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('starts, refuses a second timer, and stops into an entry', async () => {
    const user = await insertUser(database.db);
    const project = await insertProject(database.db, user.id);
    await startTimer(database.db, user.id, { kind: 'building', projectId: project.id, note: 'auth' }, T0);
    await expect(startTimer(database.db, user.id, { kind: 'applying' }, later(5))).rejects.toBeInstanceOf(ConflictError);
    const running = await getTimer(database.db, user.id);
    expect(timerJson(running!, later(30))).toMatchObject({ kind: 'building', projectId: project.id, elapsedMinutes: 30, overCap: false, startedAt: T0.toISOString() });

    const entry = await stopTimer(database.db, user.id, later(50, 10));
    expect(entry).toMatchObject({ kind: 'building', projectId: project.id, note: 'auth', minutes: 50, capped: false, startedAt: T0 });
    expect(await getTimer(database.db, user.id)).toBeNull();
    await expect(stopTimer(database.db, user.id, later(60))).rejects.toBeInstanceOf(ConflictError);
    // Stopped, a new one may start.
    await startTimer(database.db, user.id, { kind: 'learning', area: 'servers' }, later(70));
    expect((await getTimer(database.db, user.id))?.area).toBe('servers');
  });

  it('caps a forgotten timer and flags the entry', async () => {
    const user = await insertUser(database.db);
    await startTimer(database.db, user.id, { kind: 'learning', area: 'dsa' }, T0);
    expect(timerJson((await getTimer(database.db, user.id))!, later(19 * 60)).overCap).toBe(true);
    const entry = await stopTimer(database.db, user.id, later(19 * 60));
    expect([entry.minutes, entry.capped]).toEqual([TIMER_CAP_MINUTES, true]);
  });

  it('saves one entry when two stops race', async () => {
    const user = await insertUser(database.db);
    await startTimer(database.db, user.id, { kind: 'applying' }, T0);
    const results = await Promise.allSettled([stopTimer(database.db, user.id, later(20)), stopTimer(database.db, user.id, later(20))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await listEntries(database.db, user.id)).toHaveLength(1);
  });

  it('lets one of two concurrent starts win; the other gets the 409 error', async () => {
    const user = await insertUser(database.db);
    const results = await Promise.allSettled([
      startTimer(database.db, user.id, { kind: 'building' }, T0),
      startTimer(database.db, user.id, { kind: 'applying' }, T0),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(ConflictError);
  });

  it('validates the kind fields and the project owner', async () => {
    const user = await insertUser(database.db);
    const other = await insertUser(database.db);
    const theirs = await insertProject(database.db, other.id);
    await expect(startTimer(database.db, user.id, { kind: 'learning' })).rejects.toBeInstanceOf(BadInputError);
    await expect(startTimer(database.db, user.id, { kind: 'nap' })).rejects.toBeInstanceOf(BadInputError);
    await expect(startTimer(database.db, user.id, { kind: 'building', projectId: theirs.id })).rejects.toThrow(BadInputError);
    expect(await getTimer(database.db, user.id)).toBeNull();
  });

  it('keeps timers per user: another user can neither see nor stop mine', async () => {
    const mine = await insertUser(database.db);
    const theirs = await insertUser(database.db);
    await startTimer(database.db, mine.id, { kind: 'building' }, T0);
    expect(await getTimer(database.db, theirs.id)).toBeNull();
    await expect(stopTimer(database.db, theirs.id, later(10))).rejects.toBeInstanceOf(ConflictError);
    expect(await discardTimer(database.db, theirs.id)).toBe(false);
    await startTimer(database.db, theirs.id, { kind: 'applying' }, T0);
    expect((await getTimer(database.db, mine.id))?.kind).toBe('building');
    expect(await discardTimer(database.db, mine.id)).toBe(true);
    expect(await listEntries(database.db, mine.id)).toHaveLength(0);
  });
});
