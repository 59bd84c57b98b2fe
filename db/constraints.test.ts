import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications, listings, profiles, projects, timeEntries, users } from './schema';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../test/support/test-db';
import { insertBoard, insertListing, insertUser } from '../test/support/factories';

describe(`constraints that protect the data (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('reject a second listing with the same board and external id', async () => {
    const { db } = database;
    const board = await insertBoard(db);
    await insertListing(db, board.id, { externalId: 'job-1' });
    await expect(insertListing(db, board.id, { externalId: 'job-1' })).rejects.toThrow();
    // The same external id on another board is another listing.
    const other = await insertBoard(db);
    await expect(insertListing(db, other.id, { externalId: 'job-1' })).resolves.toMatchObject({ externalId: 'job-1' });
  });

  it('keep an application, with its snapshot, when its listing is deleted', async () => {
    const { db } = database;
    const board = await insertBoard(db);
    const listing = await insertListing(db, board.id, { title: 'Go Backend Engineer', company: 'Gophers Inc' });
    const user = await insertUser(db);
    const [application] = await db
      .insert(applications)
      .values({
        userId: user.id,
        listingId: listing.id,
        title: listing.title,
        company: listing.company!,
        url: listing.url,
        board: board.id,
        status: 'applied',
      })
      .returning();

    await db.delete(listings).where(eq(listings.id, listing.id));

    const [kept] = await db.select().from(applications).where(eq(applications.id, application!.id));
    expect(kept).toMatchObject({
      listingId: null,
      title: 'Go Backend Engineer',
      company: 'Gophers Inc',
      url: listing.url,
      board: board.id,
      status: 'applied',
    });
  });

  it('remove only the deleted user’s rows', async () => {
    const { db } = database;
    const board = await insertBoard(db);
    const listing = await insertListing(db, board.id);
    const [alice, bob] = [await insertUser(db), await insertUser(db)];

    for (const user of [alice, bob]) {
      await db.insert(profiles).values({ userId: user.id, languages: ['go'] });
      const [app] = await db
        .insert(applications)
        .values({ userId: user.id, listingId: listing.id, title: listing.title, company: 'Acme' })
        .returning();
      await db.insert(applicationEvents).values({ applicationId: app!.id, userId: user.id, toStatus: 'saved' });
      const [project] = await db.insert(projects).values({ userId: user.id, name: 'URL shortener', language: 'go' }).returning();
      await db.insert(timeEntries).values({
        userId: user.id,
        kind: 'building',
        projectId: project!.id,
        minutes: 60,
        startedAt: new Date('2026-11-20T18:00:00Z'),
      });
    }

    await db.delete(users).where(eq(users.id, alice.id));

    const count = async (table: typeof profiles | typeof applications | typeof applicationEvents | typeof projects | typeof timeEntries, userId: string) =>
      (await db.select().from(table).where(eq(table.userId, userId))).length;
    for (const table of [profiles, applications, applicationEvents, projects, timeEntries]) {
      expect(await count(table, alice.id)).toBe(0);
      expect(await count(table, bob.id)).toBe(1);
    }
    // The shared listing is not the user's to delete.
    expect(await db.select().from(listings).where(eq(listings.id, listing.id))).toHaveLength(1);
  });

  it('refuse a time entry longer than a day and an unknown status', async () => {
    const { db } = database;
    const user = await insertUser(db);
    await expect(
      db.insert(timeEntries).values({ userId: user.id, kind: 'learning', minutes: 19 * 60 * 2, startedAt: new Date() }),
    ).rejects.toThrow();
    // Raw SQL: the TypeScript types already refuse it, the database must too.
    await expect(
      db.execute(sql`insert into applications (user_id, title, company, status) values (${user.id}, 'x', 'y', 'hired')`),
    ).rejects.toThrow();
  });
});
