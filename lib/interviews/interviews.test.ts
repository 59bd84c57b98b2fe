import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError, NotFoundError } from '../errors';
import { insertApplication, insertUser } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { createInterview, deleteInterview, describeUpcoming, formatInterviewWhen, getInterview, interviewFromForm, listInterviews, nextInterview, updateInterview, type Interview } from './interviews';

let t: TestDatabase;
let alice: string;
let bob: string;

describe(`interviews (${TEST_DRIVER})`, () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    alice = (await insertUser(t.db)).id;
    bob = (await insertUser(t.db)).id;
  });
  afterAll(async () => t?.close());

  it('creates, lists earliest first, updates and deletes an interview', async () => {
    const app = await insertApplication(t.db, alice, { company: 'Acme', title: 'Go Dev' });
    const later = await createInterview(t.db, alice, app.id, { startsAt: '2026-12-10T15:00:00+01:00', minutes: 60, kind: 'onsite' });
    const earlier = await createInterview(t.db, alice, app.id, { startsAt: '2026-12-03T14:00:00+01:00', minutes: 45, kind: 'technical', notes: '  bring laptop  ' });
    expect(earlier).toMatchObject({ minutes: 45, kind: 'technical', notes: 'bring laptop', userId: alice, applicationId: app.id });
    expect(earlier.startsAt.toISOString()).toBe('2026-12-03T13:00:00.000Z');
    expect((await listInterviews(t.db, alice, app.id)).map((i) => i.id)).toEqual([earlier.id, later.id]);

    const defaults = await createInterview(t.db, alice, app.id, { startsAt: '2026-12-20T09:00:00Z', minutes: 30 });
    expect(defaults).toMatchObject({ kind: 'other', notes: '' });

    const changed = await updateInterview(t.db, alice, app.id, earlier.id, { minutes: 90, notes: 'two interviewers' }, new Date('2026-12-01T10:00:00Z'));
    expect(changed).toMatchObject({ minutes: 90, notes: 'two interviewers', kind: 'technical' });
    expect(changed.updatedAt.toISOString()).toBe('2026-12-01T10:00:00.000Z');

    await deleteInterview(t.db, alice, app.id, defaults.id);
    await expect(getInterview(t.db, alice, app.id, defaults.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('finds nothing of another user: their application, their interview, or a mismatched pair', async () => {
    const mine = await insertApplication(t.db, alice);
    const theirs = await insertApplication(t.db, bob);
    const theirInterview = await createInterview(t.db, bob, theirs.id, { startsAt: '2026-12-05T10:00:00Z', minutes: 30 });
    const myInterview = await createInterview(t.db, alice, mine.id, { startsAt: '2026-12-05T10:00:00Z', minutes: 30 });

    await expect(listInterviews(t.db, alice, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createInterview(t.db, alice, theirs.id, { startsAt: '2026-12-05T10:00:00Z', minutes: 30 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getInterview(t.db, alice, theirs.id, theirInterview.id)).rejects.toBeInstanceOf(NotFoundError);
    // My application with their interview id: still nothing.
    await expect(updateInterview(t.db, alice, mine.id, theirInterview.id, { minutes: 10 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteInterview(t.db, alice, mine.id, theirInterview.id)).rejects.toBeInstanceOf(NotFoundError);
    // My interview under another of my applications: not found either.
    const other = await insertApplication(t.db, alice);
    await expect(updateInterview(t.db, alice, other.id, myInterview.id, { minutes: 10 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getInterview(t.db, alice, mine.id, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
    // Bob's interview is untouched.
    expect((await getInterview(t.db, bob, theirs.id, theirInterview.id)).minutes).toBe(30);
  });

  it('refuses bad input with a message per field', async () => {
    const app = await insertApplication(t.db, alice);
    const fields = async (input: unknown) => {
      try {
        await createInterview(t.db, alice, app.id, input);
      } catch (error) {
        expect(error).toBeInstanceOf(BadInputError);
        return Object.keys((error as BadInputError).fields).sort();
      }
      throw new Error('accepted');
    };
    expect(await fields({ startsAt: '2026-12-03T14:00:00', minutes: 4, kind: 'coffee', notes: 'x'.repeat(4001) })).toEqual(['kind', 'minutes', 'notes', 'startsAt']);
    expect(await fields({ startsAt: 'tomorrow', minutes: 601 })).toEqual(['minutes', 'startsAt']);
    expect(await fields({ startsAt: '2026-12-03T14:00:00Z', minutes: 30.5 })).toEqual(['minutes']);
    expect(await fields({ startsAt: '2026-12-03T14:00:00Z', minutes: '30' })).toEqual(['minutes']);
    expect(await fields({ startsAt: '2026-12-03T14:00:00Z', minutes: 30, userId: bob })).toEqual(['form']);
    expect(await fields(null)).toEqual(['form']);
    await expect(updateInterview(t.db, alice, app.id, '00000000-0000-4000-8000-000000000000', {})).rejects.toBeInstanceOf(BadInputError);
  });

  it("names the next interview that has not ended, the user's own only", async () => {
    const carol = (await insertUser(t.db)).id;
    const now = new Date('2026-12-03T13:30:00Z');
    expect(await nextInterview(t.db, carol, now)).toBeNull();
    const app = await insertApplication(t.db, carol, { company: 'Gophers', title: 'Backend Go' });
    await createInterview(t.db, carol, app.id, { startsAt: '2026-12-02T10:00:00Z', minutes: 60 });
    await createInterview(t.db, carol, app.id, { startsAt: '2026-12-08T10:00:00Z', minutes: 60, kind: 'final' });
    const running = await createInterview(t.db, carol, app.id, { startsAt: '2026-12-03T13:00:00Z', minutes: 45, kind: 'technical' });
    const someoneElse = await insertApplication(t.db, bob);
    await createInterview(t.db, bob, someoneElse.id, { startsAt: '2026-12-03T13:20:00Z', minutes: 60 });
    expect(await nextInterview(t.db, carol, now)).toMatchObject({ interview: { id: running.id }, company: 'Gophers', title: 'Backend Go' });
    expect((await nextInterview(t.db, carol, new Date('2026-12-03T13:46:00Z')))?.interview.kind).toBe('final');
  });

  it('goes with its application', async () => {
    const app = await insertApplication(t.db, alice);
    const i = await createInterview(t.db, alice, app.id, { startsAt: '2026-12-05T10:00:00Z', minutes: 30 });
    const { deleteApplication } = await import('../applications/applications');
    await deleteApplication(t.db, alice, app.id);
    await expect(getInterview(t.db, alice, app.id, i.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('interview forms and labels', () => {
  it("reads the form's date and time on the user's clock, DST included", () => {
    expect(interviewFromForm({ date: '2026-03-27', time: '14:00', minutes: '45', kind: 'technical', notes: 'x' }, 'Europe/Berlin')).toEqual({
      startsAt: '2026-03-27T13:00:00.000Z',
      minutes: 45,
      kind: 'technical',
      notes: 'x',
    });
    expect(interviewFromForm({ date: '2026-03-31', time: '14:00', minutes: '45' }, 'Europe/Berlin').startsAt).toBe('2026-03-31T12:00:00.000Z');
    expect(() => interviewFromForm({ date: '2026-02-30', time: '25:00' }, 'UTC')).toThrow(BadInputError);
    try {
      interviewFromForm({ date: '', time: '9am' }, 'UTC');
    } catch (error) {
      expect(Object.keys((error as BadInputError).fields).sort()).toEqual(['date', 'time']);
    }
  });

  it('says "Technical with Acme, Thu 3 Dec 14:00" in the user zone', () => {
    const interview = { kind: 'technical', startsAt: new Date('2026-12-03T13:00:00Z') } as Interview;
    expect(describeUpcoming({ interview, company: 'Acme', title: 'Go Dev' }, 'Europe/Berlin')).toBe('Technical with Acme, Thu 3 Dec 14:00');
    expect(formatInterviewWhen(new Date('2026-12-03T13:00:00Z'), 'America/New_York')).toBe('Thu 3 Dec 08:00');
  });
});
