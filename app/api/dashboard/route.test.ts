import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertUser } from '@/test/support/factories';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';
import { insertEntry, insertProfile } from '@/test/support/time-factories';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
const { GET } = await import('./route');

beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
});
afterAll(async () => t?.close());

const get = (query = '') => GET(new Request(`http://localhost/api/dashboard${query}`));

describe(`/api/dashboard (${TEST_DRIVER})`, () => {
  it('answers 401 when signed out', async () => {
    acting.userId = null;
    expect((await get('?date=2026-11-25')).status).toBe(401);
  });

  it('gives the day and the week in the user\'s zone, and only the user\'s figures', async () => {
    const user = await insertUser(t.db);
    const other = await insertUser(t.db);
    await insertProfile(t.db, user.id, { timeZone: 'Europe/London', dailyApplyBudgetMinutes: 45, weeklyLearningGoalMinutes: 480 });
    await insertEntry(t.db, user.id, { kind: 'applying', startedAt: new Date('2026-11-25T09:00:00Z'), minutes: 50 });
    await insertEntry(t.db, user.id, { kind: 'learning', area: 'dsa', startedAt: new Date('2026-11-24T09:00:00Z'), minutes: 30 });
    await insertEntry(t.db, other.id, { kind: 'building', startedAt: new Date('2026-11-25T09:00:00Z'), minutes: 200 });
    acting.userId = user.id;
    const response = await get('?date=2026-11-25');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { today: object; week: object; guidance: { id: string }[] };
    expect(body.today).toEqual({ applyingMinutes: 50, learningMinutes: 0, buildingMinutes: 0, applyBudgetMinutes: 45 });
    expect(body.week).toMatchObject({ applyingMinutes: 50, learningMinutes: 30, buildingMinutes: 0, goalMinutes: 480, byArea: { dsa: 30 } });
    expect(body.guidance.map((g) => g.id)).toContain('applying-over-budget');
    // Without a date: today, whatever it is.
    expect((await get()).status).toBe(200);
  });

  it('answers the edges of the supported range', async () => {
    acting.userId = (await insertUser(t.db)).id;
    for (const query of ['?date=1970-01-01', '?date=2200-12-31']) expect((await get(query)).status, query).toBe(200);
  });

  it('answers 400 naming the date parameter for a bad date', async () => {
    acting.userId = (await insertUser(t.db)).id;
    for (const query of ['?date=2026-02-30', '?date=yesterday', '?date=', '?date=0001-01-01', '?date=2026-11-25&date=x', '?day=2026-11-25']) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: string; fields: Record<string, string> };
      expect(body.error).toMatch(/^(date|day):/);
    }
  });
});
