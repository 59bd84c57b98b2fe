import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createManual, getApplication, listApplications, timeline } from '@/lib/applications/applications';
import { insertBoard, insertListing, insertUser } from '@/test/support/factories';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/navigation', () => ({
  redirect: vi.fn((to: string) => {
    throw new Error(`REDIRECT ${to}`);
  }),
}));
const actions = await import('./actions');

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

describe(`applications server actions (${TEST_DRIVER})`, () => {
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    acting.db = t.db;
    alice = (await insertUser(t.db)).id;
    bob = (await insertUser(t.db)).id;
  });
  afterAll(async () => t?.close());

  it('asks for sign-in in every action', async () => {
    acting.userId = null;
    const data = form({ id: '00000000-0000-4000-8000-000000000000', company: 'A', title: 'B', status: 'applied' });
    for (const action of [actions.addApplication, actions.saveDetails, actions.moveApplication, actions.markGhostedAction, actions.clearFollowUp, actions.removeApplication]) {
      expect(await action({}, data)).toMatchObject({ error: 'Your session ended. Sign in again to continue.' });
    }
  });

  it('adds an application, with field errors for bad input', async () => {
    acting.userId = alice;
    const bad = await actions.addApplication({}, form({ company: '', title: 'Dev', url: 'not a link', status: 'saved', notes: '' }));
    expect(bad.fields).toMatchObject({ company: expect.any(String), url: expect.any(String) });
    // The form shows what was sent again.
    expect(bad.values).toEqual({ company: '', title: 'Dev', url: 'not a link', status: 'saved', notes: '' });
    const ok = await actions.addApplication({}, form({ company: 'Acme', title: 'Dev', url: '', status: 'applied', notes: 'n' }));
    expect(ok.ok).toBe('Added Dev at Acme.');
    expect(await getApplication(t.db, alice, ok.id!)).toMatchObject({ company: 'Acme', status: 'applied', notes: 'n' });
  });

  it('adds what the user kept of a read page: linked to the listing with that link, classified, sanitized', async () => {
    acting.userId = alice;
    const board = await insertBoard(t.db, 'remotive');
    const listing = await insertListing(t.db, board.id, { url: 'https://jobs.example/go-42', canonicalUrl: 'https://jobs.example/go-42' });
    const fields = {
      url: 'http://www.jobs.example/go-42/?utm_source=x',
      title: 'Senior Go Engineer',
      company: 'Gophers',
      location: 'Remote (EU)',
      salaryText: 'EUR 70,000–90,000 per year',
      postedAt: '2026-11-20',
      closesAt: '2027-01-20',
      employmentType: 'FULL_TIME, CONTRACTOR, FULL_TIME',
      description: 'Go and PostgreSQL.\n\n<script>alert(1)</script> Kubernetes.',
      status: 'saved',
      source: 'company_site',
      notes: 'from the meetup',
    };
    const ok = await actions.addApplication({}, form(fields));
    expect(ok.ok).toBe('Added Senior Go Engineer at Gophers.');
    const saved = await getApplication(t.db, alice, ok.id!);
    expect(saved).toMatchObject({ listingId: listing.id, board: 'remotive', source: 'company_site', location: 'Remote (EU)', notes: 'from the meetup' });
    expect(saved.posting).toMatchObject({
      salary: { min: 70000, max: 90000, currency: 'EUR', period: 'year' },
      postedAt: '2026-11-20T00:00:00.000Z',
      closesAt: '2027-01-20T00:00:00.000Z',
      employmentType: ['FULL_TIME', 'CONTRACTOR'],
      languages: ['go'],
      seniority: 'senior',
      descriptionHtml: '<p>Go and PostgreSQL.</p><p>&lt;script&gt;alert(1)&lt;/script&gt; Kubernetes.</p>',
    });
    // The same listing again is the same application; another user gets their own.
    expect((await actions.addApplication({}, form(fields))).ok).toBe('Already in your pipeline: Senior Go Engineer at Gophers.');
    acting.userId = bob;
    const bobs = await actions.addApplication({}, form(fields));
    expect(bobs.id).not.toBe(ok.id);
    const bad = await actions.addApplication({}, form({ ...fields, title: '', postedAt: 'soon', source: 'fax' }));
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['postedAt', 'source', 'title']);
  });

  it('saves details, moves with a note, clears the follow-up, marks ghosted and deletes', async () => {
    acting.userId = alice;
    const app = await createManual(t.db, alice, { company: 'Flow', title: 'Dev' });
    const badDate = await actions.saveDetails({}, form({ id: app.id, company: 'Flow', nextFollowUpAt: 'someday' }));
    expect(badDate).toMatchObject({ error: 'Check the highlighted fields.', fields: { nextFollowUpAt: expect.any(String) } });
    expect(await actions.saveDetails({}, form({ id: app.id, notes: 'called', nextFollowUpAt: '2026-12-01', contact: 'Sam' }))).toMatchObject({ ok: 'Saved.' });
    expect(await getApplication(t.db, alice, app.id)).toMatchObject({ notes: 'called', contact: 'Sam', company: 'Flow' });
    expect(await actions.moveApplication({}, form({ id: app.id, status: 'applied', note: 'sent', at: '' }))).toMatchObject({ ok: 'Moved Dev to applied.' });
    expect((await timeline(t.db, alice, app.id)).at(-1)).toMatchObject({ toStatus: 'applied', note: 'sent' });
    expect((await actions.moveApplication({}, form({ id: app.id, status: 'hired' }))).fields).toHaveProperty('status');
    expect(await actions.clearFollowUp({}, form({ id: app.id }))).toMatchObject({ ok: 'Follow-up done.' });
    expect((await getApplication(t.db, alice, app.id)).nextFollowUpAt).toBeNull();
    expect(await actions.markGhostedAction({}, form({ id: app.id }))).toMatchObject({ ok: 'Marked Dev at Flow as ghosted.' });
    await expect(actions.removeApplication({}, form({ id: app.id }))).rejects.toThrow('REDIRECT /applications?deleted=1');
    expect((await listApplications(t.db, alice)).map((a) => a.id)).not.toContain(app.id);
  });

  it("refuses another user's application in every action and leaves it unchanged", async () => {
    const app = await createManual(t.db, alice, { company: 'Private', title: 'Mine', status: 'applied', nextFollowUpAt: '2026-12-01', notes: 'secret' });
    const before = await getApplication(t.db, alice, app.id);
    const events = await timeline(t.db, alice, app.id);
    acting.userId = bob;
    for (const id of [app.id, 'nope']) {
      const data = form({ id, notes: 'pwned', company: 'X', status: 'rejected', note: 'x' });
      for (const action of [actions.saveDetails, actions.moveApplication, actions.markGhostedAction, actions.clearFollowUp, actions.removeApplication]) {
        expect(await action({}, data), action.name).toMatchObject({ error: 'That application no longer exists.' });
      }
    }
    expect(await getApplication(t.db, alice, app.id)).toEqual(before);
    expect(await timeline(t.db, alice, app.id)).toEqual(events);
  });
});
