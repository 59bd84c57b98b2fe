import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profiles, savedSearches } from '../../db/schema';
import { insertBoard, insertListing, insertUser } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { BadInputError, ConflictError, NotFoundError } from '../errors';
import { saveProfile, setBoardHidden } from '../profile/profile';
import { loadUsdRates } from '../salary/rates';
import { searchJobs } from '../search/search';
import { snapshotView } from '../search/snapshot-store';
import {
  MAX_SAVED_SEARCHES,
  createSavedSearch,
  deleteSavedSearch,
  ensureDefaultSavedSearch,
  getSavedSearch,
  hashFeedToken,
  listSavedSearches,
  markSeen,
  newCount,
  newCounts,
  rotateFeedToken,
  savedSearchByFeedToken,
  savedSearchFilters,
  updateSavedSearch,
} from './saved-searches';

let t: TestDatabase;
const at = (iso: string) => new Date(iso);
const LOOKED = at('2026-11-30T08:00:00.000Z');

beforeAll(async () => {
  t = await createTestDatabase();
  await insertBoard(t.db, 'golang-cafe');
  await insertBoard(t.db, 'remotive');
  // Two Go remote jobs seen before the user last looked, three after (one only on a board the user will hide, one Python).
  const go = { languages: ['go'], remote: 'remote' as const, role: 'backend' as const, seniority: 'junior' as const };
  await insertListing(t.db, 'golang-cafe', { ...go, title: 'Old Go 1', firstSeenAt: at('2026-11-29T10:00:00.000Z') });
  await insertListing(t.db, 'golang-cafe', { ...go, title: 'Old Go 2', firstSeenAt: LOOKED });
  await insertListing(t.db, 'golang-cafe', { ...go, title: 'New Go 1', firstSeenAt: at('2026-11-30T08:00:00.001Z') });
  await insertListing(t.db, 'golang-cafe', { ...go, title: 'New Go 2', firstSeenAt: at('2026-11-30T20:00:00.000Z') });
  await insertListing(t.db, 'remotive', { ...go, title: 'New Go on Remotive', firstSeenAt: at('2026-12-01T06:00:00.000Z') });
  await insertListing(t.db, 'golang-cafe', { ...go, title: 'New Go removed', firstSeenAt: at('2026-12-01T06:00:00.000Z'), removedAt: at('2026-12-01T07:00:00.000Z') });
  await insertListing(t.db, 'remotive', { ...go, languages: ['python'], title: 'New Python', firstSeenAt: at('2026-12-01T06:00:00.000Z') });
});
afterAll(async () => t?.close());

const goRemote = { name: 'Go remote', filters: { language: ['go'], remote: 'remote' } };

describe(`saved searches (${TEST_DRIVER})`, () => {
  it('stores filters in /api/jobs terms, canonical, and reads them back through its parser', async () => {
    const user = await insertUser(t.db);
    const { savedSearch, feedToken } = await createSavedSearch(t.db, user.id, { name: ' Go remote ', filters: { language: 'go,rust', remote: ['remote'], salaryMin: 90000, limit: '20', currency: 'usd' } });
    expect(savedSearch).toMatchObject({ name: 'Go remote', filters: { language: ['go', 'rust'], remote: ['remote'], salaryMin: '90000' }, isDefault: false, digestEnabled: false, digestHour: 7 });
    expect(savedSearchFilters(savedSearch)).toMatchObject({ language: ['go', 'rust'], remote: ['remote'], salaryMin: 90000, currency: 'USD', limit: 20 });
    // The token is at least 128 bits of base64url; only its hash is stored.
    expect(feedToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(savedSearch.feedTokenHash).toBe(hashFeedToken(feedToken));
    expect(JSON.stringify(await t.db.select().from(savedSearches))).not.toContain(feedToken);
    expect((await savedSearchByFeedToken(t.db, feedToken))?.id).toBe(savedSearch.id);
  });

  it.each([
    [{ language: ['cobol'] }, 'filters.language'],
    [{ colour: 'blue' }, 'filters.colour'],
    [{ cursor: 'abc' }, 'filters.cursor'],
    [{ salaryMin: -5 }, 'filters.salaryMin'],
    [{ postedWithin: '1y' }, 'filters.postedWithin'],
    [['go'], 'filters'],
  ])('refuses the filters %j, naming %s', async (filters, field) => {
    const user = await insertUser(t.db);
    const error = await createSavedSearch(t.db, user.id, { name: 'x', filters }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect(Object.keys((error as BadInputError).fields)).toContain(field);
  });

  it('refuses a missing name, unknown fields and a digest hour out of range, naming them', async () => {
    const user = await insertUser(t.db);
    for (const [input, field] of [
      [{ filters: {} }, 'name'],
      [{ name: '', filters: {} }, 'name'],
      [{ name: 'x', owner: 'someone' }, 'form'],
      [{ name: 'x', digest: { enabled: true, hour: 24 } }, 'digest.hour'],
      [{ name: 'x', digest: { enabled: 'yes' } }, 'digest.enabled'],
    ] as const) {
      const error = await createSavedSearch(t.db, user.id, input).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(BadInputError);
      expect(Object.keys((error as BadInputError).fields).join(' '), JSON.stringify(input)).toContain(field === 'form' ? '' : field);
    }
  });

  it("is private: another user's id finds nothing, for every operation", async () => {
    const [owner, other] = [await insertUser(t.db), await insertUser(t.db)];
    const { savedSearch } = await createSavedSearch(t.db, owner.id, goRemote);
    await expect(getSavedSearch(t.db, other.id, savedSearch.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateSavedSearch(t.db, other.id, savedSearch.id, { name: 'mine now' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(markSeen(t.db, other.id, savedSearch.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(rotateFeedToken(t.db, other.id, savedSearch.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteSavedSearch(t.db, other.id, savedSearch.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(newCount(t.db, other.id, savedSearch)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSavedSearch(t.db, other.id, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
    expect(await listSavedSearches(t.db, other.id)).toEqual([]);
    await expect(getSavedSearch(t.db, owner.id, savedSearch.id)).resolves.toMatchObject({ name: 'Go remote' });
  });

  it('counts open matches first seen after the last look, with hidden boards left out, in both engines', async () => {
    const user = await insertUser(t.db);
    const { savedSearch } = await createSavedSearch(t.db, user.id, goRemote, LOOKED);
    // Strictly after: the listing first seen at the very moment of the last look is not new.
    expect(await newCount(t.db, user.id, savedSearch, at('2026-12-01T09:00:00Z'))).toBe(3);
    await setBoardHidden(t.db, user.id, 'remotive', true);
    expect(await newCount(t.db, user.id, savedSearch, at('2026-12-01T09:00:00Z'))).toBe(2);

    // The SQL engine (a page of results) agrees with the snapshot's count.
    const filters = { ...savedSearchFilters(savedSearch), hiddenBoards: ['remotive'], firstSeenAfter: LOOKED, limit: 100 };
    const usdPerUnit = await loadUsdRates(t.db);
    const page = await searchJobs(t.db, filters, { secret: 's', usdPerUnit });
    expect(page.items.map((job) => job.title).sort()).toEqual(['New Go 1', 'New Go 2']);
    expect((await snapshotView(t.db, filters, usdPerUnit)).count).toBe(2);

    // Opening it marks it seen: nothing is new since.
    const seen = await markSeen(t.db, user.id, savedSearch.id, at('2026-12-01T09:00:00Z'));
    expect(await newCount(t.db, user.id, seen, at('2026-12-01T09:00:00Z'))).toBe(0);
  });

  it('counts from now when the last look is ahead of the clock', async () => {
    const user = await insertUser(t.db);
    const { savedSearch } = await createSavedSearch(t.db, user.id, goRemote, at('2030-01-01T00:00:00Z'));
    expect(await newCount(t.db, user.id, savedSearch, LOOKED)).toBe(3);
  });

  it('keeps the history when the filters are edited: last seen and the digest settings stay', async () => {
    const user = await insertUser(t.db);
    const { savedSearch } = await createSavedSearch(t.db, user.id, { ...goRemote, digest: { enabled: true, hour: 6 } }, LOOKED);
    const edited = await updateSavedSearch(t.db, user.id, savedSearch.id, { filters: { language: ['python', 'go'] } }, at('2026-12-01T10:00:00Z'));
    expect(edited).toMatchObject({ filters: { language: ['python', 'go'] }, lastSeenAt: LOOKED, digestEnabled: true, digestHour: 6, name: 'Go remote', createdAt: LOOKED });
    expect(edited.updatedAt).toEqual(at('2026-12-01T10:00:00Z'));
    expect(await newCount(t.db, user.id, edited, at('2026-12-01T10:00:00Z'))).toBe(4);
    const renamed = await updateSavedSearch(t.db, user.id, savedSearch.id, { name: 'Go or Python', digest: { enabled: false } });
    expect(renamed).toMatchObject({ name: 'Go or Python', digestEnabled: false, digestHour: 6, filters: { language: ['python', 'go'] } });
    await expect(updateSavedSearch(t.db, user.id, savedSearch.id, { filters: { seniority: ['wizard'] } })).rejects.toMatchObject({ fields: { 'filters.seniority': expect.stringContaining('seniority') } });
  });

  it('rotates the feed token: the old one opens nothing', async () => {
    const user = await insertUser(t.db);
    const { savedSearch, feedToken } = await createSavedSearch(t.db, user.id, goRemote);
    const rotated = await rotateFeedToken(t.db, user.id, savedSearch.id);
    expect(rotated).not.toBe(feedToken);
    expect(await savedSearchByFeedToken(t.db, feedToken)).toBeNull();
    expect((await savedSearchByFeedToken(t.db, rotated))?.id).toBe(savedSearch.id);
    expect(await savedSearchByFeedToken(t.db, 'x')).toBeNull();
    expect(await savedSearchByFeedToken(t.db, savedSearch.feedTokenHash)).toBeNull();
  });

  it('creates the specialization search once from the profile, and keeps it', async () => {
    const user = await insertUser(t.db);
    await saveProfile(t.db, user.id, { languages: ['go'], targetSeniority: 'junior', remote: 'remote', dailyApplyBudgetMinutes: 60, weeklyLearningGoalMinutes: 600, timeZone: 'UTC' });
    const [a, b] = await Promise.all([ensureDefaultSavedSearch(t.db, user.id), ensureDefaultSavedSearch(t.db, user.id)]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ isDefault: true, filters: { language: ['go'], seniority: ['junior'], remote: ['remote'] } });
    // Edited later, it stays as edited; a changed profile does not overwrite it.
    await updateSavedSearch(t.db, user.id, a.id, { filters: { language: ['rust'] } });
    await t.db.update(profiles).set({ languages: ['python'] }).where(eq(profiles.userId, user.id));
    expect(await ensureDefaultSavedSearch(t.db, user.id)).toMatchObject({ id: a.id, filters: { language: ['rust'] } });
    await expect(deleteSavedSearch(t.db, user.id, a.id)).rejects.toBeInstanceOf(ConflictError);
    expect((await listSavedSearches(t.db, user.id)).map((row) => row.id)).toEqual([a.id]);
  });

  it('keeps at most 50 per user besides the specialization, and deletes', async () => {
    const user = await insertUser(t.db);
    await ensureDefaultSavedSearch(t.db, user.id);
    const made = await Promise.all(Array.from({ length: MAX_SAVED_SEARCHES }, (_, i) => createSavedSearch(t.db, user.id, { name: `Search ${i}` })));
    await expect(createSavedSearch(t.db, user.id, { name: 'one too many' })).rejects.toBeInstanceOf(ConflictError);
    await deleteSavedSearch(t.db, user.id, made[0]!.savedSearch.id);
    await expect(getSavedSearch(t.db, user.id, made[0]!.savedSearch.id)).rejects.toBeInstanceOf(NotFoundError);
    await createSavedSearch(t.db, user.id, { name: 'fits again' });
    const rows = await listSavedSearches(t.db, user.id);
    expect(rows).toHaveLength(MAX_SAVED_SEARCHES + 1);
    expect(rows[0]!.isDefault).toBe(true);
    expect((await newCounts(t.db, user.id, rows)).size).toBe(rows.length);
  });
});
