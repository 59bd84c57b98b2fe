import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertUser } from '@/test/support/factories';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
const { GET, PUT } = await import('./route');

beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
});
afterAll(async () => t?.close());

const put = (body: unknown) => PUT(new Request('http://localhost/api/profile', { method: 'PUT', body: JSON.stringify(body) }));
const settings = {
  languages: ['go'],
  targetSeniority: 'junior',
  remote: 'remote',
  dailyApplyBudgetMinutes: 60,
  weeklyLearningGoalMinutes: 600,
  timeZone: 'America/New_York',
};

describe('/api/profile', () => {
  it('answers 401 to GET and PUT when signed out', async () => {
    acting.userId = null;
    expect((await GET()).status).toBe(401);
    expect((await put(settings)).status).toBe(401);
  });

  it("reads and writes only the signed-in user's profile", async () => {
    const [a, b] = [await insertUser(t.db), await insertUser(t.db)];
    acting.userId = a.id;
    const saved = await put(settings);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ ...settings, currency: 'USD' });
    acting.userId = b.id;
    expect(await (await GET()).json()).toMatchObject({ languages: [], timeZone: 'UTC', dailyApplyBudgetMinutes: 60, weeklyLearningGoalMinutes: 600 });
    acting.userId = a.id;
    expect(await (await GET()).json()).toMatchObject({ languages: ['go'], timeZone: 'America/New_York' });
  });

  it('answers 400 naming each bad field', async () => {
    acting.userId = (await insertUser(t.db)).id;
    const response = await put({ ...settings, languages: [], timeZone: 'Nowhere/Town' });
    expect(response.status).toBe(400);
    expect(Object.keys(((await response.json()) as { fields: object }).fields).sort()).toEqual(['languages', 'timeZone']);
  });
});
