import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../test/support/factories';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db';
import { BadInputError } from '../errors';
import { DEFAULT_PROFILE, getProfile, markJobsVisited, profileJson, saveProfile } from './profile';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const valid = {
  languages: ['go', 'python'],
  targetSeniority: 'junior',
  remote: 'remote',
  dailyApplyBudgetMinutes: 45,
  weeklyLearningGoalMinutes: 720,
  timeZone: 'Europe/Berlin',
  currency: 'eur',
};

describe('profile', () => {
  it('gives the defaults (60 minutes a day, 10 hours a week, UTC) before anything is saved', async () => {
    const user = await insertUser(t.db);
    await expect(getProfile(t.db, user.id)).resolves.toEqual(DEFAULT_PROFILE);
    expect(DEFAULT_PROFILE).toMatchObject({ dailyApplyBudgetMinutes: 60, weeklyLearningGoalMinutes: 600, timeZone: 'UTC' });
  });

  it('saves and replaces settings, and never touches another user', async () => {
    const [a, b] = [await insertUser(t.db), await insertUser(t.db)];
    const saved = await saveProfile(t.db, a.id, valid);
    expect(saved).toMatchObject({ languages: ['go', 'python'], targetSeniority: 'junior', remote: 'remote', timeZone: 'Europe/Berlin', currency: 'EUR' });
    await saveProfile(t.db, a.id, { ...valid, languages: ['rust'], targetSeniority: '', remote: 'any' });
    await expect(getProfile(t.db, a.id)).resolves.toMatchObject({ languages: ['rust'], targetSeniority: null, remote: null, currency: 'EUR' });
    await expect(getProfile(t.db, b.id)).resolves.toEqual(DEFAULT_PROFILE);
  });

  it.each([
    ['no language', { languages: [] }, 'languages'],
    ['four languages', { languages: ['go', 'rust', 'java', 'python'] }, 'languages'],
    ['an unknown language', { languages: ['cobol'] }, 'languages.0'],
    ['an unknown seniority', { targetSeniority: 'wizard' }, 'targetSeniority'],
    ['a fractional budget', { dailyApplyBudgetMinutes: '12.5' }, 'dailyApplyBudgetMinutes'],
    ['a text budget', { dailyApplyBudgetMinutes: 'lots' }, 'dailyApplyBudgetMinutes'],
    ['a negative goal', { weeklyLearningGoalMinutes: -60 }, 'weeklyLearningGoalMinutes'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['a bad currency', { currency: 'euro' }, 'currency'],
  ])('refuses %s, naming the field, and keeps what was saved', async (_name, change, field) => {
    const user = await insertUser(t.db);
    await saveProfile(t.db, user.id, valid);
    const error = await saveProfile(t.db, user.id, { ...valid, ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect(Object.keys((error as BadInputError).fields)).toContain(field);
    await expect(getProfile(t.db, user.id)).resolves.toMatchObject({ languages: ['go', 'python'], timeZone: 'Europe/Berlin' });
  });

  it('deduplicates languages', async () => {
    const user = await insertUser(t.db);
    await expect(saveProfile(t.db, user.id, { ...valid, languages: ['go', 'go'] })).resolves.toMatchObject({ languages: ['go'] });
  });

  it('markJobsVisited returns the end of the previous visit, the same one while paging within a visit', async () => {
    const user = await insertUser(t.db);
    const at = (iso: string) => new Date(`2026-11-${iso}Z`);
    await expect(markJobsVisited(t.db, user.id, at('20T08:00:00'))).resolves.toBeNull();
    await expect(markJobsVisited(t.db, user.id, at('20T08:10:00'))).resolves.toBeNull(); // still the first visit
    await expect(markJobsVisited(t.db, user.id, at('25T08:00:00'))).resolves.toEqual(at('20T08:10:00'));
    await expect(markJobsVisited(t.db, user.id, at('25T08:05:00'))).resolves.toEqual(at('20T08:10:00')); // page 2
    await expect(markJobsVisited(t.db, user.id, at('25T08:34:00'))).resolves.toEqual(at('20T08:10:00')); // 29 min after the last view
    await expect(markJobsVisited(t.db, user.id, at('25T10:00:00'))).resolves.toEqual(at('25T08:34:00')); // a new visit
    await expect(getProfile(t.db, user.id)).resolves.toMatchObject({ lastJobsVisitAt: at('25T10:00:00'), languages: [] });
  });

  it('profileJson has exactly the API fields', () => {
    expect(Object.keys(profileJson(DEFAULT_PROFILE)).sort()).toEqual(
      ['currency', 'dailyApplyBudgetMinutes', 'languages', 'remote', 'targetSeniority', 'timeZone', 'weeklyLearningGoalMinutes'].sort(),
    );
  });
});
