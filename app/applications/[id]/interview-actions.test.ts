import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { profiles } from '@/db/schema';
import { createInterview, listInterviews } from '@/lib/interviews/interviews';
import { insertApplication, insertUser } from '@/test/support/factories';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { deleteInterviewAction, saveInterviewAction } = await import('./interview-actions');

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};

describe(`interview server actions (${TEST_DRIVER})`, () => {
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    acting.db = t.db;
    alice = (await insertUser(t.db)).id;
    bob = (await insertUser(t.db)).id;
    await t.db.insert(profiles).values({ userId: alice, timeZone: 'Europe/Berlin' });
  });
  afterAll(async () => t?.close());

  it("adds and changes an interview from the form, the time on the user's clock", async () => {
    const app = await insertApplication(t.db, alice);
    acting.userId = alice;
    const added = await saveInterviewAction({}, form({ applicationId: app.id, date: '2026-12-03', time: '14:00', minutes: '45', kind: 'technical', notes: 'Go' }));
    expect(added.ok).toBe('Interview added.');
    const [saved] = await listInterviews(t.db, alice, app.id);
    expect(saved).toMatchObject({ minutes: 45, kind: 'technical', notes: 'Go' });
    expect(saved!.startsAt.toISOString()).toBe('2026-12-03T13:00:00.000Z');
    const changed = await saveInterviewAction({}, form({ applicationId: app.id, interviewId: saved!.id, date: '2026-12-04', time: '09:30', minutes: '60', kind: 'final', notes: '' }));
    expect(changed.ok).toBe('Interview changed.');
    expect((await listInterviews(t.db, alice, app.id))[0]).toMatchObject({ minutes: 60, kind: 'final', startsAt: new Date('2026-12-04T08:30:00Z') });
    expect((await deleteInterviewAction({}, form({ applicationId: app.id, interviewId: saved!.id }))).ok).toBe('Interview deleted.');
    expect(await listInterviews(t.db, alice, app.id)).toEqual([]);
  });

  it('answers field errors and keeps what was typed', async () => {
    const app = await insertApplication(t.db, alice);
    acting.userId = alice;
    const refused = await saveInterviewAction({}, form({ applicationId: app.id, date: '2026-02-30', time: 'noon', minutes: '2', kind: 'technical', notes: 'x' }));
    expect(Object.keys(refused.fields ?? {}).sort()).toEqual(['date', 'time']);
    expect(refused.values).toMatchObject({ date: '2026-02-30', time: 'noon', notes: 'x' });
    const short = await saveInterviewAction({}, form({ applicationId: app.id, date: '2026-12-03', time: '10:00', minutes: '2' }));
    expect(Object.keys(short.fields ?? {})).toEqual(['minutes']);
  });

  it("refuses signed-out visitors and another user's application or interview, changing nothing", async () => {
    const theirs = await insertApplication(t.db, bob);
    const their = await createInterview(t.db, bob, theirs.id, { startsAt: '2026-12-05T10:00:00Z', minutes: 30, notes: 'bob' });
    acting.userId = null;
    expect((await saveInterviewAction({}, form({ applicationId: theirs.id, date: '2026-12-03', time: '10:00', minutes: '30' }))).error).toMatch(/session ended/);
    acting.userId = alice;
    const values = { date: '2026-12-03', time: '10:00', minutes: '30', kind: 'other', notes: 'mine' };
    expect((await saveInterviewAction({}, form({ applicationId: theirs.id, ...values }))).error).toBe('That application or interview no longer exists.');
    expect((await saveInterviewAction({}, form({ applicationId: theirs.id, interviewId: their.id, ...values }))).error).toBe('That application or interview no longer exists.');
    expect((await deleteInterviewAction({}, form({ applicationId: theirs.id, interviewId: their.id }))).error).toBe('That interview no longer exists.');
    expect(await listInterviews(t.db, bob, theirs.id)).toMatchObject([{ id: their.id, notes: 'bob', minutes: 30 }]);
  });
});
