import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFromListing, getApplication, listApplications, timeline } from '@/lib/applications/applications';
import { listingStates } from '@/lib/applications/listing-state';
import { insertBoard, insertListing, insertUser } from '@/test/support/factories';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { dismissJob, markApplied, saveListing, undismissJob } = await import('./actions');

const form = (listingId: string | number) => {
  const data = new FormData();
  data.set('listingId', String(listingId));
  return data;
};

describe(`/jobs/[id] actions (${TEST_DRIVER})`, () => {
  let alice: string;
  let bob: string;
  let boardId: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    acting.db = t.db;
    alice = (await insertUser(t.db)).id;
    bob = (await insertUser(t.db)).id;
    boardId = (await insertBoard(t.db)).id;
  });
  afterAll(async () => t?.close());

  it('asks for sign-in', async () => {
    acting.userId = null;
    const listing = await insertListing(t.db, boardId);
    for (const action of [saveListing, markApplied, dismissJob, undismissJob]) {
      expect(await action({}, form(listing.id))).toEqual({ error: 'Sign in to keep track of jobs.' });
    }
  });

  it('saves, marks applied, dismisses and undoes', async () => {
    acting.userId = alice;
    const listing = await insertListing(t.db, boardId);
    expect(await saveListing({}, form(listing.id))).toEqual({ ok: 'Saved to your applications.' });
    expect(await saveListing({}, form(listing.id))).toEqual({ ok: 'Already in your applications.' });
    expect(await markApplied({}, form(listing.id))).toEqual({ ok: 'Marked as applied.' });
    const state = (await listingStates(t.db, alice, [listing.id])).get(listing.id)!;
    expect(state.application?.status).toBe('applied');
    expect((await timeline(t.db, alice, state.application!.id)).map((e) => e.toStatus)).toEqual(['saved', 'applied']);
    expect(await dismissJob({}, form(listing.id))).toEqual({ ok: 'Dismissed: hidden from your job results.' });
    expect((await listingStates(t.db, alice, [listing.id])).get(listing.id)?.dismissed).toBe(true);
    expect(await undismissJob({}, form(listing.id))).toEqual({ ok: 'Back in your job results.' });
    expect((await listingStates(t.db, alice, [listing.id])).get(listing.id)?.dismissed).toBe(false);
  });

  it('answers "no longer exists" for unknown or malformed listing ids', async () => {
    acting.userId = alice;
    for (const id of ['999999999', 'abc', '-1', '']) {
      for (const action of [saveListing, markApplied, dismissJob, undismissJob]) {
        expect(await action({}, form(id))).toEqual({ error: 'That listing no longer exists.' });
      }
    }
  });

  it("never touches another user's application or dismissal", async () => {
    const listing = await insertListing(t.db, boardId);
    const { application } = await createFromListing(t.db, alice, { listingId: listing.id });
    acting.userId = alice;
    await dismissJob({}, form(listing.id));
    const before = await getApplication(t.db, alice, application.id);
    acting.userId = bob;
    await markApplied({}, form(listing.id));
    await undismissJob({}, form(listing.id));
    await saveListing({}, form(listing.id));
    expect(await getApplication(t.db, alice, application.id)).toEqual(before);
    expect((await listingStates(t.db, alice, [listing.id])).get(listing.id)).toEqual({ application: { id: application.id, status: 'saved' }, dismissed: true });
    const bobs = (await listApplications(t.db, bob)).filter((a) => a.listingId === listing.id);
    expect(bobs).toHaveLength(1);
    expect(bobs[0]!.id).not.toBe(application.id);
    expect(bobs[0]!.status).toBe('applied');
  });
});
