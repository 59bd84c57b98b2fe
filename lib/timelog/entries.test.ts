import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { insertApplication, insertUser } from '../../test/support/factories';
import { insertEntry, insertProject } from '../../test/support/time-factories';
import { BadInputError, NotFoundError } from '../errors';
import { createEntry, deleteEntry, entryJson, getEntry, listEntries, minutesOnApplication, updateEntry } from './entries';
import { logChoices } from './form';

const NOW = new Date('2026-11-25T12:00:00Z');

async function badFields(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BadInputError);
  return (error as BadInputError).fields;
}

describe(`time entries (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  let alice: { id: string };
  let bob: { id: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    alice = await insertUser(database.db);
    bob = await insertUser(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates an entry and answers it as JSON', async () => {
    const project = await insertProject(database.db, alice.id, { name: 'url shortener' });
    const entry = await createEntry(
      database.db,
      alice.id,
      { kind: 'building', projectId: project.id, minutes: 90, startedAt: '2026-11-25T09:00:00Z', note: ' wired the API ' },
      NOW,
    );
    expect(entryJson(entry)).toEqual({
      id: entry.id,
      kind: 'building',
      area: null,
      projectId: project.id,
      applicationId: null,
      minutes: 90,
      startedAt: '2026-11-25T09:00:00.000Z',
      note: 'wired the API',
      capped: false,
    });
    expect((await getEntry(database.db, alice.id, entry.id)).id).toBe(entry.id);
  });

  it('validates minutes, start and kind rules', async () => {
    const create = (input: Record<string, unknown>) => createEntry(database.db, alice.id, input, NOW);
    expect(await badFields(create({ kind: 'building', minutes: 0, startedAt: '2026-11-25T09:00:00Z' }))).toHaveProperty('minutes');
    expect(await badFields(create({ kind: 'building', minutes: 1441, startedAt: '2026-11-25T09:00:00Z' }))).toHaveProperty('minutes');
    expect(await badFields(create({ kind: 'building', minutes: 1.5, startedAt: '2026-11-25T09:00:00Z' }))).toHaveProperty('minutes');
    expect(await badFields(create({ kind: 'building', minutes: 30, startedAt: 'yesterday' }))).toHaveProperty('startedAt');
    // A minute of clock drift is fine, more is the future.
    await expect(create({ kind: 'building', minutes: 30, startedAt: '2026-11-25T12:00:50Z' })).resolves.toBeTruthy();
    expect(await badFields(create({ kind: 'building', minutes: 30, startedAt: '2026-11-25T12:05:00Z' }))).toEqual({
      startedAt: 'The start cannot be in the future.',
    });
    expect(await badFields(create({ kind: 'sleeping', minutes: 30, startedAt: '2026-11-25T09:00:00Z' }))).toHaveProperty('kind');
    expect(await badFields(create({ kind: 'learning', minutes: 30, startedAt: '2026-11-25T09:00:00Z' }))).toEqual({
      area: 'Pick an area of the learning path.',
    });
    expect(await badFields(create({ kind: 'applying', area: 'dsa', minutes: 30, startedAt: '2026-11-25T09:00:00Z' }))).toHaveProperty('area');
    expect(await badFields(create({ kind: 'learning', area: 'cooking', minutes: 30, startedAt: '2026-11-25T09:00:00Z' }))).toHaveProperty('area');
    expect(await badFields(create({ kind: 'building', minutes: 30, startedAt: '2026-11-25T09:00:00Z', note: 'x'.repeat(2001) }))).toHaveProperty('note');
    expect(await badFields(create({ kind: 'building', minutes: 30, startedAt: '2026-11-25T09:00:00Z', projectId: 'nope' }))).toHaveProperty('projectId');
    expect(await badFields(createEntry(database.db, alice.id, null, NOW))).toHaveProperty('form');
  });

  it('refuses another user\'s project or application, like a missing one', async () => {
    const bobsProject = await insertProject(database.db, bob.id);
    const bobsApplication = await insertApplication(database.db, bob.id);
    expect(
      await badFields(createEntry(database.db, alice.id, { kind: 'building', projectId: bobsProject.id, minutes: 30, startedAt: '2026-11-25T09:00:00Z' }, NOW)),
    ).toEqual({ projectId: 'Pick one of your projects.' });
    expect(
      await badFields(
        createEntry(database.db, alice.id, { kind: 'applying', applicationId: bobsApplication.id, minutes: 30, startedAt: '2026-11-25T09:00:00Z' }, NOW),
      ),
    ).toEqual({ applicationId: 'Pick one of your applications.' });
    expect(
      await badFields(createEntry(database.db, alice.id, { kind: 'building', projectId: crypto.randomUUID(), minutes: 30, startedAt: '2026-11-25T09:00:00Z' }, NOW)),
    ).toEqual({ projectId: 'Pick one of your projects.' });
    const own = await insertApplication(database.db, alice.id);
    const entry = await createEntry(database.db, alice.id, { kind: 'applying', applicationId: own.id, minutes: 45, startedAt: '2026-11-25T08:00:00Z' }, NOW);
    expect(entry.applicationId).toBe(own.id);
  });

  it('patches an entry; changing the kind drops fields the new kind cannot carry', async () => {
    const entry = await createEntry(database.db, alice.id, { kind: 'learning', area: 'dsa', minutes: 30, startedAt: '2026-11-24T09:00:00Z' }, NOW);
    const patched = await updateEntry(database.db, alice.id, entry.id, { minutes: 45, note: 'graphs' }, NOW);
    expect([patched.kind, patched.area, patched.minutes, patched.note]).toEqual(['learning', 'dsa', 45, 'graphs']);
    const rekinded = await updateEntry(database.db, alice.id, entry.id, { kind: 'building' }, NOW);
    expect([rekinded.kind, rekinded.area]).toEqual(['building', null]);
    expect(await badFields(updateEntry(database.db, alice.id, entry.id, { kind: 'learning' }, NOW))).toHaveProperty('area');
    expect(await badFields(updateEntry(database.db, alice.id, entry.id, { minutes: -5 }, NOW))).toHaveProperty('minutes');
    expect(await badFields(updateEntry(database.db, alice.id, entry.id, { userId: bob.id }, NOW))).toHaveProperty('form');
    expect(await badFields(updateEntry(database.db, alice.id, entry.id, [1], NOW))).toHaveProperty('body');
  });

  it('clears the capped flag once the minutes are corrected', async () => {
    const capped = await insertEntry(database.db, alice.id, { minutes: 240, capped: true });
    expect((await updateEntry(database.db, alice.id, capped.id, { note: 'forgot it' }, NOW)).capped).toBe(true);
    expect((await updateEntry(database.db, alice.id, capped.id, { minutes: 75 }, NOW)).capped).toBe(false);
  });

  it('lists entries overlapping a window, newest first', async () => {
    const user = await insertUser(database.db);
    await insertEntry(database.db, user.id, { startedAt: new Date('2026-11-20T23:30:00Z'), minutes: 60 });
    await insertEntry(database.db, user.id, { startedAt: new Date('2026-11-21T10:00:00Z'), minutes: 60 });
    await insertEntry(database.db, user.id, { startedAt: new Date('2026-11-22T10:00:00Z'), minutes: 60 });
    const day = await listEntries(database.db, user.id, { from: new Date('2026-11-21T00:00:00Z'), to: new Date('2026-11-22T00:00:00Z') });
    expect(day.map((e) => e.startedAt.toISOString())).toEqual(['2026-11-21T10:00:00.000Z', '2026-11-20T23:30:00.000Z']);
    expect(await listEntries(database.db, user.id, { limit: 1 })).toHaveLength(1);
  });

  it('never shows or changes another user\'s entry: 404 like a missing id', async () => {
    const entry = await insertEntry(database.db, alice.id);
    await expect(getEntry(database.db, bob.id, entry.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateEntry(database.db, bob.id, entry.id, { minutes: 1 }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteEntry(database.db, bob.id, entry.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getEntry(database.db, bob.id, crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(getEntry(database.db, bob.id, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteEntry(database.db, bob.id, "1' or '1'='1")).rejects.toBeInstanceOf(NotFoundError);
    expect((await listEntries(database.db, bob.id)).map((e) => e.id)).not.toContain(entry.id);
    expect((await getEntry(database.db, alice.id, entry.id)).minutes).toBe(60);
    await deleteEntry(database.db, alice.id, entry.id);
    await expect(getEntry(database.db, alice.id, entry.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('offers only the user\'s own projects and applications in the /log selectors', async () => {
    const user = await insertUser(database.db);
    const stranger = await insertUser(database.db);
    const project = await insertProject(database.db, user.id, { name: 'mine' });
    const application = await insertApplication(database.db, user.id, { title: 'Go dev', company: 'Acme', status: 'rejected' });
    await insertProject(database.db, stranger.id, { name: 'theirs' });
    await insertApplication(database.db, stranger.id);
    expect(await logChoices(database.db, user.id)).toEqual({
      projects: [{ id: project.id, label: 'mine' }],
      applications: [{ id: application.id, label: 'Go dev · Acme' }],
    });
  });

  it("sums the minutes logged on an application, and nothing for another user's", async () => {
    const application = await insertApplication(database.db, alice.id);
    expect(await minutesOnApplication(database.db, alice.id, application.id)).toBe(0);
    await insertEntry(database.db, alice.id, { kind: 'applying', applicationId: application.id, minutes: 25 });
    await insertEntry(database.db, alice.id, { kind: 'applying', applicationId: application.id, minutes: 20 });
    await insertEntry(database.db, alice.id, { kind: 'applying', minutes: 60 });
    expect(await minutesOnApplication(database.db, alice.id, application.id)).toBe(45);
    expect(await minutesOnApplication(database.db, bob.id, application.id)).toBe(0);
    expect(await minutesOnApplication(database.db, alice.id, 'not-a-uuid')).toBe(0);
  });
});
