import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { insertUser } from '../../test/support/factories';
import { insertEntry, insertProject } from '../../test/support/time-factories';
import { BadInputError, NotFoundError } from '../errors';
import { getEntry } from '../timelog/entries';
import { createProject, deleteProject, deployedProjectCount, getProject, listProjects, projectJson, updateProject } from './projects';

describe(`projects (${TEST_DRIVER})`, () => {
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

  it('creates a project and validates its fields', async () => {
    const project = await createProject(database.db, alice.id, {
      name: ' Job board API ',
      language: 'go',
      repoUrl: 'https://github.com/alice/jobs',
      liveUrl: '',
    });
    expect(projectJson(project)).toMatchObject({ name: 'Job board API', language: 'go', liveUrl: null, status: 'building', minutesLogged: 0, hoursLogged: 0 });
    const error = await createProject(database.db, alice.id, { name: '', language: 'cobol', repoUrl: 'javascript:alert(1)', status: 'abandoned' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect(Object.keys((error as BadInputError).fields).sort()).toEqual(['language', 'name', 'repoUrl', 'status']);
  });

  it('sums building hours per project, only the owner\'s and only building time', async () => {
    const project = await insertProject(database.db, alice.id, { name: 'hours' });
    await insertEntry(database.db, alice.id, { kind: 'building', projectId: project.id, minutes: 90 });
    await insertEntry(database.db, alice.id, { kind: 'building', projectId: project.id, minutes: 45 });
    await insertEntry(database.db, alice.id, { kind: 'building', minutes: 500 });
    // A row pointing at Alice's project from another user (only possible by hand) must not count.
    await insertEntry(database.db, bob.id, { kind: 'building', projectId: project.id, minutes: 600 });
    const found = await getProject(database.db, alice.id, project.id);
    expect(projectJson(found)).toMatchObject({ minutesLogged: 135, hoursLogged: 2.3 });
    expect((await listProjects(database.db, alice.id)).find((p) => p.id === project.id)?.minutes).toBe(135);
  });

  it('updates status, counts deployed projects and lists deployed first', async () => {
    const user = await insertUser(database.db);
    const a = await insertProject(database.db, user.id, { name: 'a' });
    await insertProject(database.db, user.id, { name: 'b' });
    expect(await deployedProjectCount(database.db, user.id)).toBe(0);
    const deployed = await updateProject(database.db, user.id, a.id, { status: 'deployed', liveUrl: 'https://a.example' });
    expect([deployed.status, deployed.liveUrl, deployed.name]).toEqual(['deployed', 'https://a.example', 'a']);
    expect(await deployedProjectCount(database.db, user.id)).toBe(1);
    expect((await listProjects(database.db, user.id)).map((p) => p.name)).toEqual(['a', 'b']);
    await expect(updateProject(database.db, user.id, a.id, { status: 'gone' })).rejects.toBeInstanceOf(BadInputError);
    await expect(updateProject(database.db, user.id, a.id, { userId: bob.id })).rejects.toBeInstanceOf(BadInputError);
  });

  it('keeps entries when a project is deleted', async () => {
    const project = await insertProject(database.db, alice.id);
    const entry = await insertEntry(database.db, alice.id, { projectId: project.id });
    await deleteProject(database.db, alice.id, project.id);
    await expect(getProject(database.db, alice.id, project.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getEntry(database.db, alice.id, entry.id)).projectId).toBeNull();
  });

  it('never shows or changes another user\'s project: 404 like a missing id', async () => {
    const project = await insertProject(database.db, alice.id, { name: 'private', status: 'deployed' });
    await expect(getProject(database.db, bob.id, project.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateProject(database.db, bob.id, project.id, { name: 'mine now' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateProject(database.db, bob.id, project.id, {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteProject(database.db, bob.id, project.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProject(database.db, bob.id, 'nope')).rejects.toBeInstanceOf(NotFoundError);
    expect((await listProjects(database.db, bob.id)).map((p) => p.id)).not.toContain(project.id);
    expect(await deployedProjectCount(database.db, bob.id)).toBe(0);
    expect((await getProject(database.db, alice.id, project.id)).name).toBe('private');
  });
});
