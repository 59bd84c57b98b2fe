import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApplication, insertApplicationEvent, insertBoard, insertListing, insertUser } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { closedPostings, companyHistory, historyFor } from './company-history';

describe(`company history and closed postings (${TEST_DRIVER})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());

  it('gives the latest application per normalised company, dated by its last status change, for this user only', async () => {
    const alice = (await insertUser(t.db)).id;
    const bob = (await insertUser(t.db)).id;
    const old = await insertApplication(t.db, alice, { company: 'Acme GmbH', status: 'saved', createdAt: new Date('2026-10-01T00:00:00Z') });
    const recent = await insertApplication(t.db, alice, { company: 'ACME', status: 'rejected', createdAt: new Date('2026-11-01T00:00:00Z') });
    await insertApplicationEvent(t.db, alice, recent.id, { toStatus: 'applied', at: new Date('2026-11-02T00:00:00Z') });
    await insertApplicationEvent(t.db, alice, recent.id, { toStatus: 'rejected', at: new Date('2026-11-19T00:00:00Z') });
    // An interview event is not a status change.
    await insertApplicationEvent(t.db, alice, recent.id, { kind: 'interview', toStatus: 'rejected', at: new Date('2026-11-25T00:00:00Z') });
    await insertApplication(t.db, bob, { company: 'Globex', status: 'applied' });

    const mine = await companyHistory(t.db, alice);
    expect(historyFor(mine, 'Acme, Inc.')).toEqual({ applicationId: recent.id, company: 'ACME', status: 'rejected', at: new Date('2026-11-19T00:00:00Z') });
    expect(historyFor(mine, 'acme gmbh')?.applicationId).not.toBe(old.id);
    expect(historyFor(mine, 'Globex')).toBeUndefined();
    expect(historyFor(mine, null)).toBeUndefined();
    expect(historyFor(await companyHistory(t.db, bob), 'Globex')?.status).toBe('applied');
  });

  it('says which applications have a listing removed from its board, never another user’s', async () => {
    const alice = (await insertUser(t.db)).id;
    const bob = (await insertUser(t.db)).id;
    const board = await insertBoard(t.db, 'remotive');
    const gone = await insertListing(t.db, board.id, { removedAt: new Date('2026-11-20T10:00:00Z') });
    const open = await insertListing(t.db, board.id);
    const closedApp = await insertApplication(t.db, alice, { listingId: gone.id });
    const openApp = await insertApplication(t.db, alice, { listingId: open.id });
    const bobs = await insertApplication(t.db, bob, { listingId: gone.id });

    expect(await closedPostings(t.db, alice)).toEqual(new Map([[closedApp.id, new Date('2026-11-20T10:00:00Z')]]));
    expect((await closedPostings(t.db, alice, [openApp.id])).size).toBe(0);
    expect((await closedPostings(t.db, alice, [bobs.id])).size).toBe(0);
    expect((await closedPostings(t.db, alice, [])).size).toBe(0);
  });
});
