import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boards } from '../../db/schema';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { insertBoard, insertListing } from '../../test/support/factories';
import { getOverview } from './overview';
import { eq } from 'drizzle-orm';

describe(`getOverview (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('is all zeros on an empty database', async () => {
    expect(await getOverview(database.db)).toEqual({
      openListings: 0,
      boards: 0,
      enabledBoards: 0,
      lastIngestAt: null,
      topLanguages: [],
      latest: [],
    });
  });

  it('counts open listings only and ranks languages', async () => {
    const { db } = database;
    const a = await insertBoard(db, 'golang-cafe');
    const b = await insertBoard(db, 'remotive');
    await db.update(boards).set({ enabled: false }).where(eq(boards.id, b.id));
    const first = await insertListing(db, a.id, { languages: ['go'], postedAt: new Date('2026-11-20T10:00:00Z') });
    await insertListing(db, a.id, { languages: ['go', 'python'], postedAt: new Date('2026-11-21T10:00:00Z') });
    await insertListing(db, b.id, { languages: ['go'], duplicateOf: first.id });
    await insertListing(db, b.id, { languages: ['rust'], removedAt: new Date() });

    const overview = await getOverview(db);
    expect(overview.openListings).toBe(2);
    expect(overview.boards).toBe(2);
    expect(overview.enabledBoards).toBe(1);
    expect(overview.topLanguages).toEqual([
      { language: 'go', listings: 2 },
      { language: 'python', listings: 1 },
    ]);
    expect(overview.latest.map((l) => l.postedAt?.toISOString())).toEqual(['2026-11-21T10:00:00.000Z', '2026-11-20T10:00:00.000Z']);
  });
});
