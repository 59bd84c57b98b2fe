import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '../../db/schema';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { insertApplication, insertBoard, insertListing, insertUser } from '../../test/support/factories';
import { BadInputError, NotFoundError } from '../errors';
import {
  changeStatus,
  createApplication,
  createFromListing,
  createManual,
  deleteApplication,
  followUpsDue,
  getApplication,
  listApplications,
  markGhosted,
  markListingApplied,
  possiblyGhosted,
  timeline,
  updateApplication,
} from './applications';

const DAY = 86_400_000;

describe(`applications (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  let alice: string;
  let bob: string;
  let boardId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    alice = (await insertUser(database.db)).id;
    bob = (await insertUser(database.db)).id;
    boardId = (await insertBoard(database.db, 'golang-cafe')).id;
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates from a listing with a snapshot, once per user and listing', async () => {
    const { db } = database;
    const listing = await insertListing(db, boardId, { title: 'Go Developer', company: 'Gopher Inc', url: 'https://golang.cafe/job/1' });
    const first = await createFromListing(db, alice, { listingId: listing.id });
    expect(first.created).toBe(true);
    expect(first.application).toMatchObject({
      userId: alice,
      listingId: listing.id,
      title: 'Go Developer',
      company: 'Gopher Inc',
      url: 'https://golang.cafe/job/1',
      board: 'golang-cafe',
      status: 'saved',
      appliedAt: null,
    });
    const again = await createFromListing(db, alice, { listingId: String(listing.id) });
    expect(again.created).toBe(false);
    expect(again.application.id).toBe(first.application.id);
    // Bob has his own.
    const bobs = await createFromListing(db, bob, { listingId: listing.id });
    expect(bobs.application.id).not.toBe(first.application.id);
    // A copy of the job on another board resolves to the primary listing.
    const other = await insertBoard(db, 'remotive');
    const copy = await insertListing(db, other.id, { duplicateOf: listing.id });
    const viaCopy = await createFromListing(db, alice, { listingId: copy.id });
    expect(viaCopy).toMatchObject({ created: false, application: { id: first.application.id } });
    expect(await timeline(db, alice, first.application.id)).toHaveLength(1);
  });

  it('keeps the snapshot when the listing goes away', async () => {
    const { db } = database;
    const { listings } = await import('../../db/schema');
    const listing = await insertListing(db, boardId, { title: 'Short-lived' });
    const { application } = await createFromListing(db, alice, { listingId: listing.id });
    await db.delete(listings).where(eq(listings.id, listing.id));
    expect(await getApplication(db, alice, application.id)).toMatchObject({ listingId: null, title: 'Short-lived', board: 'golang-cafe' });
  });

  it('rejects a missing listing and bad input', async () => {
    const { db } = database;
    await expect(createFromListing(db, alice, { listingId: 99_999_999 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createFromListing(db, alice, { listingId: 'abc' })).rejects.toBeInstanceOf(BadInputError);
    const error = await createManual(db, alice, { company: '', title: 'x'.repeat(301), url: 'javascript:alert(1)' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect(Object.keys((error as BadInputError).fields).sort()).toEqual(['company', 'title', 'url']);
  });

  it('creates by hand; applied status sets appliedAt and starts the timeline', async () => {
    const { db } = database;
    const now = new Date('2026-11-20T09:00:00Z');
    const saved = await createManual(db, alice, { company: 'Acme', title: 'Backend Dev', url: 'https://acme.example/jobs/1' }, now);
    expect(saved).toMatchObject({ status: 'saved', appliedAt: null, listingId: null, notes: '' });
    const applied = (await createApplication(db, alice, { company: 'Beta', title: 'API Engineer', status: 'applied', notes: 'via referral' }, now)).application;
    expect(applied.status).toBe('applied');
    expect(applied.appliedAt).toEqual(now);
    const events = await timeline(db, alice, applied.id);
    expect(events).toMatchObject([{ fromStatus: null, toStatus: 'applied', at: now }]);
  });

  it('walks the pipeline, writing one event per change with note and date', async () => {
    const { db } = database;
    const t0 = new Date('2026-11-01T10:00:00Z');
    const app = await createManual(db, alice, { company: 'Pipeline Co', title: 'Go Engineer' }, t0);
    const t1 = new Date('2026-11-02T10:00:00Z');
    const applied = await changeStatus(db, alice, app.id, { status: 'applied', note: 'sent CV v3' }, t1);
    expect(applied).toMatchObject({ status: 'applied', appliedAt: t1, updatedAt: t1 });
    const t2 = new Date('2026-11-05T10:00:00Z');
    await changeStatus(db, alice, app.id, { status: 'screening', note: 'recruiter called', at: '2026-11-04' }, t2);
    const t3 = new Date('2026-11-09T10:00:00Z');
    const interviewing = await changeStatus(db, alice, app.id, { status: 'interviewing' }, t3);
    expect(interviewing.appliedAt).toEqual(t1); // unchanged once set
    // Same status with no note: nothing recorded.
    await changeStatus(db, alice, app.id, { status: 'interviewing' }, t3);
    const events = await timeline(db, alice, app.id);
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.note])).toEqual([
      [null, 'saved', 'Added by hand'],
      ['saved', 'applied', 'sent CV v3'],
      ['applied', 'screening', 'recruiter called'],
      ['screening', 'interviewing', null],
    ]);
    expect(events[2]!.at).toEqual(new Date('2026-11-04T00:00:00Z'));
    await expect(changeStatus(db, alice, app.id, { status: 'hired' })).rejects.toBeInstanceOf(BadInputError);
  });

  it('jumping from saved straight to interviewing sets appliedAt', async () => {
    const { db } = database;
    const app = await createManual(db, alice, { company: 'Jump', title: 'Dev' });
    const now = new Date('2026-11-10T00:00:00Z');
    expect((await changeStatus(db, alice, app.id, { status: 'interviewing' }, now)).appliedAt).toEqual(now);
    const other = await createManual(db, alice, { company: 'Nope', title: 'Dev' });
    expect((await changeStatus(db, alice, other.id, { status: 'withdrawn' }, now)).appliedAt).toBeNull();
  });

  it('updates details and status with a note in one call', async () => {
    const { db } = database;
    const app = await createManual(db, alice, { company: 'Edit Me', title: 'Dev' }, new Date('2026-11-11T08:00:00Z'));
    const now = new Date('2026-11-12T08:00:00Z');
    const updated = await updateApplication(
      db,
      alice,
      app.id,
      {
        notes: 'Talked to Sam',
        contact: 'sam@editme.example',
        salaryDiscussed: '€70k',
        resumeLink: 'https://cv.example/v3',
        nextFollowUpAt: '2026-11-19',
        title: 'Senior Dev',
        status: 'applied',
        statusNote: 'applied on their site',
      },
      now,
    );
    expect(updated).toMatchObject({
      notes: 'Talked to Sam',
      contact: 'sam@editme.example',
      salaryDiscussed: '€70k',
      resumeLink: 'https://cv.example/v3',
      nextFollowUpAt: new Date('2026-11-19T00:00:00Z'),
      title: 'Senior Dev',
      company: 'Edit Me',
      status: 'applied',
      appliedAt: now,
    });
    expect((await timeline(db, alice, app.id)).at(-1)).toMatchObject({ fromStatus: 'saved', toStatus: 'applied', note: 'applied on their site' });
    // Blank clears optional fields.
    const cleared = await updateApplication(db, alice, app.id, { contact: '', nextFollowUpAt: '' });
    expect(cleared).toMatchObject({ contact: null, nextFollowUpAt: null });
    const bad = await updateApplication(db, alice, app.id, { nextFollowUpAt: 'next tuesday', company: '' }).catch((e: unknown) => e);
    expect((bad as BadInputError).fields).toMatchObject({ nextFollowUpAt: expect.any(String), company: expect.any(String) });
  });

  it('lists with status and text filters and every sort', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    await insertApplication(db, user, { company: 'Zeta', title: 'Go dev', status: 'applied', appliedAt: new Date('2026-10-01'), updatedAt: new Date('2026-10-05') });
    await insertApplication(db, user, { company: 'alpha', title: 'Rust dev', status: 'offer', appliedAt: new Date('2026-10-03'), updatedAt: new Date('2026-10-02') });
    await insertApplication(db, user, { company: 'Mid', title: 'Python dev', status: 'saved', notes: '100% remote_ok', updatedAt: new Date('2026-10-10') });
    const names = (rows: { company: string }[]) => rows.map((r) => r.company);
    expect(names(await listApplications(db, user))).toEqual(['Mid', 'Zeta', 'alpha']);
    expect(names(await listApplications(db, user, { status: [], sort: 'company' }))).toEqual(['alpha', 'Mid', 'Zeta']);
    expect(names(await listApplications(db, user, { status: [], sort: 'applied' }))).toEqual(['alpha', 'Zeta', 'Mid']);
    expect(names(await listApplications(db, user, { status: [], sort: 'status' }))).toEqual(['Mid', 'Zeta', 'alpha']);
    expect(names(await listApplications(db, user, { status: ['applied', 'offer'] }))).toEqual(['Zeta', 'alpha']);
    expect(names(await listApplications(db, user, { status: 'offer' }))).toEqual(['alpha']);
    expect(names(await listApplications(db, user, { status: [], q: 'RUST' }))).toEqual(['alpha']);
    expect(names(await listApplications(db, user, { status: [], q: '100%' }))).toEqual(['Mid']);
    expect(names(await listApplications(db, user, { status: [], q: '_' }))).toEqual(['Mid']);
    await expect(listApplications(db, user, { status: ['nope' as never] })).rejects.toBeInstanceOf(BadInputError);
    await expect(listApplications(db, user, { status: [], sort: 'salary' })).rejects.toBeInstanceOf(BadInputError);
  });

  it('lists follow-ups due, leaving closed and future ones out', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    const now = new Date('2026-11-20T12:00:00Z');
    await insertApplication(db, user, { company: 'Due', status: 'applied', nextFollowUpAt: new Date('2026-11-19T00:00:00Z') });
    await insertApplication(db, user, { company: 'Today', status: 'interviewing', nextFollowUpAt: new Date('2026-11-20T00:00:00Z') });
    await insertApplication(db, user, { company: 'Later', status: 'applied', nextFollowUpAt: new Date('2026-11-25T00:00:00Z') });
    await insertApplication(db, user, { company: 'Closed', status: 'rejected', nextFollowUpAt: new Date('2026-11-01T00:00:00Z') });
    await insertApplication(db, user, { company: 'None', status: 'applied' });
    expect((await followUpsDue(db, user, now)).map((a) => a.company)).toEqual(['Due', 'Today']);
  });

  it('offers applications untouched for 14 days after applying as ghosted', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    const now = new Date('2026-11-30T12:00:00Z');
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const stale = await insertApplication(db, user, { company: 'Stale', status: 'applied', appliedAt: ago(20), updatedAt: ago(15) });
    await insertApplication(db, user, { company: 'Edge', status: 'screening', appliedAt: ago(14), updatedAt: ago(14) });
    await insertApplication(db, user, { company: 'Touched', status: 'applied', appliedAt: ago(20), updatedAt: ago(3) });
    await insertApplication(db, user, { company: 'Recent', status: 'applied', appliedAt: ago(10), updatedAt: ago(10) });
    await insertApplication(db, user, { company: 'Offer', status: 'offer', appliedAt: ago(30), updatedAt: ago(30) });
    await insertApplication(db, user, { company: 'Saved', status: 'saved', updatedAt: ago(30) });
    await insertApplication(db, user, { company: 'Planned', status: 'applied', appliedAt: ago(30), updatedAt: ago(30), nextFollowUpAt: ago(-2) });
    expect((await possiblyGhosted(db, user, now)).map((a) => a.company)).toEqual(['Stale', 'Edge']);
    const marked = await markGhosted(db, user, stale.id, now);
    expect(marked).toMatchObject({ status: 'ghosted', updatedAt: now });
    expect((await timeline(db, user, stale.id)).at(-1)).toMatchObject({ fromStatus: 'applied', toStatus: 'ghosted' });
    expect((await possiblyGhosted(db, user, now)).map((a) => a.company)).toEqual(['Edge']);
  });

  it('mark applied creates, or moves a saved one, and leaves later stages alone', async () => {
    const { db } = database;
    const now = new Date('2026-11-21T10:00:00Z');
    const fresh = await insertListing(db, boardId);
    expect(await markListingApplied(db, alice, fresh.id, now)).toMatchObject({ status: 'applied', appliedAt: now, listingId: fresh.id });
    const saved = await insertListing(db, boardId);
    const { application } = await createFromListing(db, alice, { listingId: saved.id }, new Date('2026-11-20T10:00:00Z'));
    const moved = await markListingApplied(db, alice, saved.id, now);
    expect(moved).toMatchObject({ id: application.id, status: 'applied', appliedAt: now });
    await changeStatus(db, alice, application.id, { status: 'interviewing' });
    expect((await markListingApplied(db, alice, saved.id, now)).status).toBe('interviewing');
    expect((await timeline(db, alice, application.id)).map((e) => e.toStatus)).toEqual(['saved', 'applied', 'interviewing']);
  });

  it('deletes the application with its timeline', async () => {
    const { db } = database;
    const app = await createManual(db, alice, { company: 'Gone', title: 'Dev', status: 'applied' });
    await deleteApplication(db, alice, app.id);
    await expect(getApplication(db, alice, app.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id))).toEqual([]);
    await expect(deleteApplication(db, alice, app.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  describe('another user (IDOR)', () => {
    it('finds nothing and changes nothing through every function', async () => {
      const { db } = database;
      const app = await createManual(db, alice, { company: 'Private', title: 'Mine', status: 'applied', notes: 'secret' });
      const before = await getApplication(db, alice, app.id);
      const beforeEvents = await timeline(db, alice, app.id);
      const attempts: [string, () => Promise<unknown>][] = [
        ['getApplication', () => getApplication(db, bob, app.id)],
        ['timeline', () => timeline(db, bob, app.id)],
        ['changeStatus', () => changeStatus(db, bob, app.id, { status: 'rejected', note: 'ha' })],
        ['updateApplication', () => updateApplication(db, bob, app.id, { notes: 'pwned', status: 'withdrawn' })],
        ['markGhosted', () => markGhosted(db, bob, app.id)],
        ['deleteApplication', () => deleteApplication(db, bob, app.id)],
      ];
      for (const [name, attempt] of attempts) {
        await expect(attempt(), name).rejects.toBeInstanceOf(NotFoundError);
      }
      expect(await getApplication(db, alice, app.id)).toEqual(before);
      expect(await timeline(db, alice, app.id)).toEqual(beforeEvents);
      expect((await listApplications(db, bob)).map((a) => a.id)).not.toContain(app.id);
      expect((await listApplications(db, bob, { status: [], q: 'secret' })).length).toBe(0);
    });

    it('lists no follow-ups or ghosted offers of another user', async () => {
      const { db } = database;
      const now = new Date('2026-12-30T00:00:00Z');
      await insertApplication(db, alice, { status: 'applied', appliedAt: new Date('2026-11-01'), updatedAt: new Date('2026-11-01'), nextFollowUpAt: new Date('2026-11-02') });
      const carol = (await insertUser(db)).id;
      expect(await followUpsDue(db, carol, now)).toEqual([]);
      expect(await possiblyGhosted(db, carol, now)).toEqual([]);
    });

    it('treats a malformed id as not found, never as a database error', async () => {
      const { db } = database;
      for (const id of ['1', 'not-a-uuid', "' or 1=1 --", '']) {
        await expect(getApplication(db, alice, id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(deleteApplication(db, alice, id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(changeStatus(db, alice, id, { status: 'applied' })).rejects.toBeInstanceOf(NotFoundError);
      }
      const rows = await db.select({ id: applications.id }).from(applications).where(eq(applications.userId, alice));
      expect(rows.length).toBeGreaterThan(0);
    });
  });
});
