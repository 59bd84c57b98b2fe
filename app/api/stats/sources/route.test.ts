import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acting } from '@/test/support/acting-user';
import { insertApplication, insertUser } from '@/test/support/factories';
import { insertEntry } from '@/test/support/time-factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
const route = await import('./route');
const get = (query = '') => route.GET(new Request(`http://localhost/api/stats/sources${query}`));

describe(`GET /api/stats/sources (${TEST_DRIVER})`, () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    acting.db = t.db;
  });
  afterAll(async () => t?.close());

  it('answers 401 signed out, 400 naming weeks, and exactly the figures per source', async () => {
    acting.userId = null;
    expect((await get('?weeks=8')).status).toBe(401);

    const user = (await insertUser(t.db)).id;
    const other = (await insertUser(t.db)).id;
    acting.userId = user;
    for (const bad of ['?weeks=5', '?weeks=all', '?weeks=0']) {
      const response = await get(bad);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ parameter: 'weeks', fields: { weeks: expect.any(String) } });
    }
    expect(await (await get()).json()).toEqual({ sources: [] });

    const recent = new Date(Date.now() - 3 * 86_400_000);
    const app = await insertApplication(t.db, user, { source: 'linkedin', status: 'screening', appliedAt: recent });
    await insertEntry(t.db, user, { kind: 'applying', applicationId: app.id, minutes: 30, startedAt: recent });
    await insertApplication(t.db, other, { source: 'linkedin', status: 'offer', appliedAt: recent });
    for (const weeks of [4, 8, 26]) {
      const response = await get(`?weeks=${weeks}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        sources: [{ source: 'linkedin', applications: 1, responses: 1, interviews: 0, offers: 0, applyingMinutes: 30, responsesPerHour: 2 }],
      });
    }
  });
});
