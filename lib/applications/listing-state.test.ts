import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { insertBoard, insertListing, insertUser } from '../../test/support/factories';
import { NotFoundError } from '../errors';
import { createFromListing, markListingApplied } from './applications';
import { dismissListing, firstSeen, listingStates, undismissListing } from './listing-state';

describe(`listing states (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('reports saved, applied and dismissed listings per user', async () => {
    const { db } = database;
    const alice = (await insertUser(db)).id;
    const bob = (await insertUser(db)).id;
    const board = await insertBoard(db);
    const [saved, applied, dismissed, untouched] = await Promise.all([1, 2, 3, 4].map(() => insertListing(db, board.id)));
    const s = await createFromListing(db, alice, { listingId: saved!.id });
    const a = await markListingApplied(db, alice, applied!.id);
    await dismissListing(db, alice, dismissed!.id);
    await dismissListing(db, alice, dismissed!.id); // idempotent

    const states = await listingStates(db, alice, [saved!.id, applied!.id, dismissed!.id, untouched!.id, -1]);
    expect(states.get(saved!.id)).toEqual({ application: { id: s.application.id, status: 'saved' }, dismissed: false });
    expect(states.get(applied!.id)).toEqual({ application: { id: a.id, status: 'applied' }, dismissed: false });
    expect(states.get(dismissed!.id)).toEqual({ application: null, dismissed: true });
    expect(states.has(untouched!.id)).toBe(false);

    // Bob sees none of Alice's state.
    expect((await listingStates(db, bob, [saved!.id, applied!.id, dismissed!.id])).size).toBe(0);
    // Bob's undismiss leaves Alice's dismissal alone.
    await undismissListing(db, bob, dismissed!.id);
    expect((await listingStates(db, alice, [dismissed!.id])).get(dismissed!.id)?.dismissed).toBe(true);

    await undismissListing(db, alice, dismissed!.id);
    expect((await listingStates(db, alice, [dismissed!.id])).size).toBe(0);
    expect((await listingStates(db, alice, [])).size).toBe(0);
  });

  it('dismisses the primary listing of a duplicate; unknown listings are not found', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    const board = await insertBoard(db);
    const primary = await insertListing(db, board.id);
    const copy = await insertListing(db, board.id, { duplicateOf: primary.id });
    await dismissListing(db, user, copy.id);
    expect((await listingStates(db, user, [primary.id])).get(primary.id)?.dismissed).toBe(true);
    await expect(dismissListing(db, user, 987_654_321)).rejects.toBeInstanceOf(NotFoundError);
    await expect(undismissListing(db, user, Number.NaN)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads first-seen times', async () => {
    const { db } = database;
    const board = await insertBoard(db);
    const seen = new Date('2026-11-20T10:00:00Z');
    const listing = await insertListing(db, board.id, { firstSeenAt: seen });
    expect((await firstSeen(db, [listing.id])).get(listing.id)).toEqual(seen);
  });
});
