import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hiddenCompanies } from '../../db/schema';
import { insertBoard, insertListing, insertUser } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { fingerprint } from '../dedupe/keys';
import { BadInputError, NotFoundError } from '../errors';
import { jobFiltersSchema } from '../search/filters';
import { searchJobs } from '../search/search';
import { hiddenCompanyKeys, hideCompany, hideCompanyOfListing, listHiddenCompanies, MAX_HIDDEN_COMPANIES, showCompany } from './hide';
import { withUserLists } from './search';

describe(`hiding companies (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  let alice: string;
  let bob: string;
  let agencyJob: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertBoard(database.db, 'golang-cafe');
    const add = async (title: string, company: string | null) =>
      (await insertListing(database.db, 'golang-cafe', { title, company, fingerprint: fingerprint(company, title, 'golang-cafe') })).id;
    agencyJob = await add('Go Developer', 'TalentHunt Recruitment GmbH');
    await add('Go Engineer', 'Acme');
    await add('Rust Engineer', null);
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    await database.db.execute(sql`delete from users`);
    alice = (await insertUser(database.db, 'alice@example.com')).id;
    bob = (await insertUser(database.db, 'bob@example.com')).id;
  });

  const titlesFor = async (userId: string) => {
    const filters = await withUserLists(database.db, userId, jobFiltersSchema.parse({}));
    return (await searchJobs(database.db, filters, { secret: 's', usdPerUnit: { USD: 1 } })).items.map((item) => item.title).sort();
  };

  it("hides a listing's company from that user's results only, and shows it again", async () => {
    expect(await hideCompanyOfListing(database.db, alice, agencyJob)).toEqual({ key: 'talenthunt recruitment', name: 'TalentHunt Recruitment GmbH' });
    expect(await titlesFor(alice)).toEqual(['Go Engineer', 'Rust Engineer']);
    expect(await titlesFor(bob)).toEqual(['Go Developer', 'Go Engineer', 'Rust Engineer']);
    expect(await listHiddenCompanies(database.db, alice)).toMatchObject([{ key: 'talenthunt recruitment', name: 'TalentHunt Recruitment GmbH' }]);
    // Another user cannot show it again for alice: their delete finds nothing.
    await expect(showCompany(database.db, bob, 'talenthunt recruitment')).rejects.toBeInstanceOf(NotFoundError);
    expect(await hiddenCompanyKeys(database.db, alice)).toEqual(['talenthunt recruitment']);
    await showCompany(database.db, alice, 'talenthunt recruitment');
    expect(await titlesFor(alice)).toEqual(['Go Developer', 'Go Engineer', 'Rust Engineer']);
  });

  it('normalises names like dedupe does, is idempotent, and refuses names with nothing to hide by', async () => {
    expect(await hideCompany(database.db, alice, { company: '  ACME, Inc. ' })).toBe('acme');
    expect(await hideCompany(database.db, alice, { company: 'Acme Ltd' })).toBe('acme');
    expect(await hiddenCompanyKeys(database.db, alice)).toEqual(['acme']);
    expect(await titlesFor(alice)).toEqual(['Go Developer', 'Rust Engineer']);
    for (const company of ['', '   ', 'GmbH', '!!!', 'x'.repeat(201), 42, null]) {
      await expect(hideCompany(database.db, alice, { company }), String(company)).rejects.toBeInstanceOf(BadInputError);
    }
    await expect(hideCompanyOfListing(database.db, alice, 999_999_999)).rejects.toBeInstanceOf(NotFoundError);
  });

  it(`keeps at most ${MAX_HIDDEN_COMPANIES} hidden names per user`, async () => {
    await database.db.insert(hiddenCompanies).values(Array.from({ length: MAX_HIDDEN_COMPANIES }, (_, i) => ({ userId: alice, companyKey: `c${i}`, name: `C${i}` })));
    await expect(hideCompany(database.db, alice, { company: 'Acme' })).rejects.toMatchObject({ fields: { company: 'too many hidden' } });
    expect(await hideCompany(database.db, bob, { company: 'Acme' })).toBe('acme');
  });
});
