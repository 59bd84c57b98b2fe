import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewListing } from '../../db/schema';
import { queryRows } from '../../db/types';
import { insertBoard, insertListing } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { fingerprint, normaliseCompany } from '../dedupe/keys';
import { loadUsdRates } from '../salary/rates';
import { countFacets } from './facets';
import { jobFiltersSchema, withFollowedCompanies, withHiddenBoards, withHiddenCompanies, type JobFilters } from './filters';
import { countMarket } from './market';
import { searchJobs, type SearchContext } from './search';
import { snapshotView } from './snapshot-store';
import { newestPage } from './page';
import { whereFor } from '../../test/support/search-oracle';

// followed=1, company=<id> and hidden companies in the engine (the in-process snapshot,
// snapshot-filter.ts, that the page, facets, the market view and relevance read) and in the SQL
// oracle (test/support/search-oracle.ts): for every input, both pick the same listings.

const day = (n: number) => new Date(Date.UTC(2026, 10, 24) - n * 86_400_000);

describe(`company filters (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  let context: SearchContext;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    context = { secret: 'company-filters-secret', usdPerUnit: await loadUsdRates(db) };
    for (const board of ['golang-cafe', 'greenhouse-acme', 'lever-globex', 'ashby-initech']) await insertBoard(db, board);
    const add = async (title: string, boardId: string, company: string | null, values: Partial<NewListing> = {}) => {
      ids[title] = (await insertListing(db, boardId, { title, company, fingerprint: fingerprint(company, title, boardId), ...values })).id;
    };
    await add('Acme Go Engineer', 'greenhouse-acme', 'Acme Inc.', { role: 'backend', languages: ['go'], postedAt: day(1) });
    await add('Acme Designer', 'greenhouse-acme', 'Acme Inc.', { role: 'other', postedAt: day(2) });
    await add('Globex Python Engineer', 'lever-globex', 'Globex', { role: 'backend', languages: ['python'], postedAt: day(3) });
    await add('Initech Rust Engineer', 'ashby-initech', 'Initech GmbH', { role: 'backend', languages: ['rust'], postedAt: day(4) });
    await add('Agency Go Job', 'golang-cafe', 'Hire Fast Recruiting Ltd', { role: 'backend', languages: ['go'], postedAt: day(5) });
    await add('Unnamed Go Job', 'golang-cafe', null, { role: 'backend', languages: ['go'], postedAt: day(6) });
    // The Globex job also posted on Golang Cafe: one job, on both boards.
    await add('Globex Python Engineer (copy)', 'golang-cafe', 'Globex', { duplicateOf: ids['Globex Python Engineer'], postedAt: day(3) });
    await add('Removed Acme job', 'greenhouse-acme', 'Acme', { removedAt: new Date(), postedAt: day(1) });
  });
  afterAll(async () => {
    await database.close();
  });

  type Input = Record<string, unknown> & { followedBoards?: string[]; hiddenCompanies?: string[]; hiddenBoards?: string[] };
  const filters = ({ followedBoards, hiddenCompanies, hiddenBoards, ...input }: Input = {}): JobFilters => {
    let chosen = jobFiltersSchema.parse(input);
    chosen = withHiddenBoards(chosen, hiddenBoards ?? []);
    chosen = withHiddenCompanies(chosen, (hiddenCompanies ?? []).map(normaliseCompany));
    return followedBoards ? withFollowedCompanies(chosen, followedBoards) : chosen;
  };
  const titles = async (input: Input) => (await searchJobs(database.db, filters(input), context)).items.map((item) => item.title);
  const sqlIds = async (chosen: JobFilters) =>
    (await queryRows<{ id: number | string }>(database.db, sql`select l.id from listings l where ${whereFor(chosen, context.usdPerUnit)} order by l.posted_at desc, l.id desc`)).map(
      (row) => Number(row.id),
    );
  const snapshotIds = async (chosen: JobFilters) => {
    const view = await snapshotView(database.db, chosen, context.usdPerUnit);
    return newestPage(view, null, 1000).map((row) => row.id);
  };

  it('narrows to the companies followed, on their own board or a copy elsewhere', async () => {
    expect(await titles({ followed: '1', followedBoards: ['greenhouse-acme', 'lever-globex'] })).toEqual([
      'Acme Go Engineer',
      'Acme Designer',
      'Globex Python Engineer',
    ]);
    expect(await titles({ followed: '1', followedBoards: ['greenhouse-acme'], role: ['backend'] })).toEqual(['Acme Go Engineer']);
    // followed without follows (or without a user) matches nothing, never everything.
    expect(await titles({ followed: '1', followedBoards: [] })).toEqual([]);
    expect(await titles({ followed: '1' })).toEqual([]);
    // followed=0 is no filter.
    expect((await titles({ followed: '0' })).length).toBe(6);
  });

  it('filters by company id, repeatable, a copy on another board included', async () => {
    expect(await titles({ company: ['ashby-initech'] })).toEqual(['Initech Rust Engineer']);
    expect(await titles({ company: ['ashby-initech', 'lever-globex'] })).toEqual(['Globex Python Engineer', 'Initech Rust Engineer']);
    // The Globex job is on Golang Cafe too: board and company agree on it.
    expect(await titles({ company: ['lever-globex'], board: ['golang-cafe'] })).toEqual(['Globex Python Engineer']);
    expect(await titles({ company: ['no-such-company'] })).toEqual([]);
    expect(await titles({ company: ['ashby-initech'], followed: '1', followedBoards: ['greenhouse-acme'] })).toEqual([]);
  });

  it('leaves out the companies a user hid, by normalised name (legal suffixes, case, spacing)', async () => {
    expect(await titles({ hiddenCompanies: ['hire fast recruiting'] })).not.toContain('Agency Go Job');
    expect(await titles({ hiddenCompanies: ['ACME  GmbH', 'initech'] })).toEqual(['Globex Python Engineer', 'Agency Go Job', 'Unnamed Go Job']);
    // A listing without a company is never hidden by a name.
    expect(await titles({ hiddenCompanies: ['acme', 'globex', 'initech', 'hire fast recruiting'] })).toEqual(['Unnamed Go Job']);
    expect(await titles({ hiddenCompanies: ['globex'], followed: '1', followedBoards: ['lever-globex'] })).toEqual([]);
  });

  it('picks the same listings in SQL and in the snapshot, and counts facets and the market view over them', async () => {
    const inputs: Input[] = [
      {},
      { followed: '1', followedBoards: ['greenhouse-acme', 'lever-globex'] },
      { followed: '1', followedBoards: [] },
      { followed: '1' },
      { company: ['lever-globex'] },
      { company: ['lever-globex', 'ashby-initech'], language: ['python', 'rust'] },
      { company: ['greenhouse-acme'], board: ['golang-cafe'] },
      { hiddenCompanies: ['Acme Inc'] },
      { hiddenCompanies: ['globex', 'Hire Fast Recruiting'], board: ['golang-cafe'] },
      { hiddenCompanies: ['acme'], hiddenBoards: ['golang-cafe'], followed: '1', followedBoards: ['greenhouse-acme', 'lever-globex'] },
      { hiddenCompanies: ['acme'], q: 'engineer' },
    ];
    for (const input of inputs) {
      const chosen = filters(input);
      const expected = await sqlIds(chosen);
      expect(await snapshotIds(chosen), JSON.stringify(input)).toEqual(expected);
      const view = await snapshotView(database.db, chosen, context.usdPerUnit);
      expect(countMarket(view).listings, JSON.stringify(input)).toBe(expected.length);
      // Facets: each board option counted as the SQL with that board chosen would count it.
      const facets = countFacets(view);
      for (const board of ['golang-cafe', 'greenhouse-acme', 'lever-globex', 'ashby-initech']) {
        const n = (await sqlIds({ ...chosen, board: [board] })).length;
        expect(facets.board[board] ?? 0, `${JSON.stringify(input)} board ${board}`).toBe(n);
      }
    }
  });
});
