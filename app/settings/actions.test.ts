import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getProfile } from '@/lib/profile/profile';
import { insertUser } from '@/test/support/factories';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
// The account actions beside saveSettings use next-auth (server-only); account-actions.test.ts covers them.
vi.mock('@/lib/auth/next-auth', () => ({ signIn: vi.fn(), signOut: vi.fn() }));
const { adoptBrowserTimeZone, saveSettings } = await import('./actions');

const form = (values: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of [v].flat()) data.append(k, item);
  return data;
};
const GOOD = { languages: ['go'], targetSeniority: 'junior', remote: 'remote', dailyApplyBudgetMinutes: '45', weeklyLearningGoalHours: '12.5', timeZone: 'Europe/Berlin', currency: 'EUR' };

describe(`settings server action (${TEST_DRIVER})`, () => {
  let alice: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    acting.db = t.db;
    alice = (await insertUser(t.db)).id;
  });
  afterAll(async () => t?.close());

  it('asks for sign-in', async () => {
    acting.userId = null;
    expect(await saveSettings({}, form(GOOD))).toEqual({ error: 'Your session ended. Sign in again to continue.' });
  });

  it('saves the profile, the weekly goal entered in hours', async () => {
    acting.userId = alice;
    expect((await saveSettings({}, form(GOOD))).ok).toMatch(/Saved/);
    expect(await getProfile(t.db, alice)).toMatchObject({ languages: ['go'], dailyApplyBudgetMinutes: 45, weeklyLearningGoalMinutes: 750, timeZone: 'Europe/Berlin', currency: 'EUR' });
  });

  it('names each bad field, the weekly goal under its hours field, and saves nothing', async () => {
    acting.userId = alice;
    const answer = await saveSettings({}, form({ ...GOOD, languages: ['go', 'rust', 'python', 'java'], dailyApplyBudgetMinutes: '-5', weeklyLearningGoalHours: '1000' }));
    expect(answer.error).toBe('Check the highlighted fields.');
    expect(Object.keys(answer.fields ?? {}).sort()).toEqual(['dailyApplyBudgetMinutes', 'languages', 'weeklyLearningGoalHours']);
    expect((await getProfile(t.db, alice)).dailyApplyBudgetMinutes).toBe(45);
  });
  it("takes the browser's zone in one click, and only a real one", async () => {
    const bob = (await insertUser(t.db)).id;
    acting.userId = null;
    expect((await adoptBrowserTimeZone({}, form({ timeZone: 'Europe/Berlin' }))).error).toMatch(/session ended/);
    acting.userId = bob;
    expect(await adoptBrowserTimeZone({}, form({ timeZone: 'Europe/Berlin' }))).toEqual({ ok: 'Your time zone is now Europe/Berlin.' });
    expect(await getProfile(t.db, bob)).toMatchObject({ timeZone: 'Europe/Berlin', languages: [], dailyApplyBudgetMinutes: 60 });
    expect((await adoptBrowserTimeZone({}, form({ timeZone: 'Mars/Olympus' }))).fields).toEqual({ timeZone: expect.stringMatching(/Europe\/Berlin/) });
    expect((await getProfile(t.db, bob)).timeZone).toBe('Europe/Berlin');
    // Only the zone changes: the rest of a saved profile stays.
    acting.userId = alice;
    await adoptBrowserTimeZone({}, form({ timeZone: 'America/New_York' }));
    expect(await getProfile(t.db, alice)).toMatchObject({ timeZone: 'America/New_York', languages: ['go'], currency: 'EUR' });
  });
});
