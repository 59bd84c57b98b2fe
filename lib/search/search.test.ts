import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewListing } from '../../db/schema';
import { queryRows, type Db } from '../../db/types';
import { insertBoard, insertListing } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { loadUsdRates } from '../salary/rates';
import { countFacets } from './facets';
import { countMarket } from './market';
import { snapshotView } from './snapshot-store';
import { FACET_NAMES, filtersToParams, jobFiltersSchema, parseJobFilters, withHiddenBoards, type JobFilters } from './filters';
import { oraclePageIds, oracleSimilarIds, whereFor } from '../../test/support/search-oracle';
import { getListing, similarListings } from './listing';
import { LANGUAGE_SLUGS, REMOTE_KINDS, ROLES, SENIORITIES } from '../vocabulary';
import { BadCursorError, searchJobs, type SearchContext } from './search';

/** Filter sets the snapshot engine is compared with the SQL oracle on. */
const FILTER_SETS: Record<string, unknown>[] = [
  {},
  { language: ['go'], seniority: ['senior', 'junior'], remote: ['remote', 'onsite'] },
  { board: ['remotive'], language: ['go'] },
  { board: ['golang-cafe', 'remotive'], role: ['backend'], salaryMin: '50000', currency: 'EUR' },
  { language: ['python'], seniority: ['mid'], role: ['devops'], remote: ['hybrid'], board: ['golang-cafe'] },
  { q: 'postgresql', selfTaught: 'true', language: ['go', 'python'] },
  { q: 'payments -django' },
  { q: '"distributed systems" or django', remote: ['remote'] },
  { q: '-go' },
  { q: 'the' },
  { postedWithin: '7d', visa: 'true' },
  { salaryMin: '1000', currency: 'XYZ' },
  { hiddenBoards: ['remotive'] },
  { hiddenBoards: ['golang-cafe'], language: ['go'] },
  { hiddenBoards: ['remotive'], board: ['remotive'], q: 'postgresql' },
];

let context: SearchContext;
const facetCounts = async (db: Db, chosen: JobFilters, rates: Record<string, number>) => countFacets(await snapshotView(db, chosen, rates));
const marketView = async (db: Db, chosen: JobFilters, rates: Record<string, number>) => countMarket(await snapshotView(db, chosen, rates));
let USD_PER_UNIT: SearchContext['usdPerUnit'];
const filters = ({ hiddenBoards, ...input }: Record<string, unknown> = {}): JobFilters =>
  withHiddenBoards(jobFiltersSchema.parse(input), (hiddenBoards as string[] | undefined) ?? []);
const day = (n: number) => new Date(Date.UTC(2026, 10, 24) - n * 86_400_000);

describe(`searchJobs (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    // The rates the migration seeds.
    USD_PER_UNIT = await loadUsdRates(db);
    context = { secret: 'search-test-secret', usdPerUnit: USD_PER_UNIT };
    await insertBoard(db, 'golang-cafe');
    await insertBoard(db, 'remotive');
    const add = async (name: string, boardId: string, values: Partial<NewListing>) => {
      ids[name] = (await insertListing(db, boardId, { title: name, ...values })).id;
    };
    await add('Senior Go Engineer', 'golang-cafe', {
      languages: ['go'], skills: ['postgresql', 'kubernetes'], seniority: 'senior', role: 'backend', remote: 'remote',
      salaryMin: 150_000, salaryMax: 180_000, salaryCurrency: 'USD', salaryPeriod: 'year', salaryUsdYearly: 150_000,
      yearsRequired: 5, degreeRequired: true, postedAt: day(1), descriptionText: 'Build payment APIs with Go and PostgreSQL',
    });
    await add('Junior Go Developer', 'golang-cafe', {
      languages: ['go'], skills: ['postgresql', 'docker'], seniority: 'junior', role: 'backend', remote: 'remote',
      salaryMin: 60_000, salaryMax: null, salaryCurrency: 'EUR', salaryPeriod: 'year', salaryUsdYearly: 64_800,
      yearsRequired: 1, degreeRequired: false, visaSponsorship: true, postedAt: day(2), descriptionText: 'Learn distributed systems in Go',
    });
    await add('Python Backend Engineer', 'remotive', {
      languages: ['python'], skills: ['django', 'postgresql'], seniority: 'mid', role: 'backend', remote: 'hybrid',
      postedAt: day(3), descriptionText: 'Django REST APIs, PostgreSQL, payments',
    });
    await add('Go Site Reliability Engineer', 'remotive', {
      languages: ['go', 'python'], skills: ['kubernetes'], seniority: 'senior', role: 'devops', remote: 'onsite',
      salaryMin: 100, salaryCurrency: 'USD', salaryPeriod: 'hour', salaryUsdYearly: 208_000, postedAt: day(40),
    });
    // Same job as the senior Go one, from another board: shown once, with both boards.
    await add('Senior Go Engineer (copy)', 'remotive', { languages: ['go'], duplicateOf: ids['Senior Go Engineer'], postedAt: day(1) });
    await add('Removed Go job', 'golang-cafe', { languages: ['go'], removedAt: new Date(), postedAt: day(1) });
  });
  afterAll(async () => {
    await database.close();
  });

  const titles = async (input: Record<string, unknown>) =>
    (await searchJobs(database.db, filters(input), context)).items.map((item) => item.title);

  it('shows open listings once, newest first, with every board they came from', async () => {
    const { items, nextCursor } = await searchJobs(database.db, filters(), context);
    expect(items.map((i) => i.title)).toEqual(['Senior Go Engineer', 'Junior Go Developer', 'Python Backend Engineer', 'Go Site Reliability Engineer']);
    expect(items[0]!.boards).toEqual(['golang-cafe', 'remotive']);
    expect(items[0]!.salary).toEqual({ min: 150_000, max: 180_000, currency: 'USD', period: 'year' });
    expect(items[2]!.salary).toBeNull();
    expect(nextCursor).toBeNull();
  });

  it('applies each filter it is given, and only those', async () => {
    expect(await titles({ language: ['python'] })).toEqual(['Python Backend Engineer', 'Go Site Reliability Engineer']);
    expect(await titles({ language: ['go'], seniority: ['senior'] })).toEqual(['Senior Go Engineer', 'Go Site Reliability Engineer']);
    expect(await titles({ role: ['devops'] })).toEqual(['Go Site Reliability Engineer']);
    expect(await titles({ remote: ['remote', 'hybrid'] })).toEqual(['Senior Go Engineer', 'Junior Go Developer', 'Python Backend Engineer']);
    expect(await titles({ board: ['remotive'] })).toEqual(['Senior Go Engineer', 'Python Backend Engineer', 'Go Site Reliability Engineer']);
    expect(await titles({ selfTaught: 'true' })).toEqual(['Junior Go Developer', 'Python Backend Engineer', 'Go Site Reliability Engineer']);
    expect(await titles({ visa: 'true' })).toEqual(['Junior Go Developer']);
  });

  it("leaves out the boards a user hid, keeping jobs also found on a board they did not", async () => {
    expect(await titles({ hiddenBoards: ['remotive'] })).toEqual(['Senior Go Engineer', 'Junior Go Developer']);
    // The senior Go job came from golang-cafe but was found on remotive too.
    expect(await titles({ hiddenBoards: ['golang-cafe'] })).toEqual(['Senior Go Engineer', 'Python Backend Engineer', 'Go Site Reliability Engineer']);
    expect(await titles({ hiddenBoards: ['golang-cafe', 'remotive'] })).toEqual([]);
    expect(await titles({ hiddenBoards: ['remotive'], q: 'payments' })).toEqual(['Senior Go Engineer']);
    expect(await titles({ hiddenBoards: ['remotive'], board: ['remotive'] })).toEqual(['Senior Go Engineer']);
    // The user's list is never part of a URL, and a URL cannot set it.
    expect(filtersToParams(filters({ hiddenBoards: ['remotive'], language: ['go'] })).toString()).toBe('language=go');
    expect(parseJobFilters(new URLSearchParams('hiddenBoards=remotive'))).toMatchObject({ ok: false, parameter: 'hiddenBoards' });
  });

  it('compares salary floors in any currency through yearly USD', async () => {
    expect(await titles({ salaryMin: '120000' })).toEqual(['Senior Go Engineer', 'Go Site Reliability Engineer']);
    // 55k EUR is about 59k USD: the junior role (64.8k USD) passes.
    expect(await titles({ salaryMin: '55000', currency: 'eur' })).toEqual(['Senior Go Engineer', 'Junior Go Developer', 'Go Site Reliability Engineer']);
    expect(await titles({ salaryMin: '1', currency: 'XYZ' })).toEqual([]);
  });

  it('filters by age against the database clock', async () => {
    await database.db.execute(sql`update listings set posted_at = now() - interval '2 hours' where title = 'Junior Go Developer'`);
    expect(await titles({ postedWithin: '24h' })).toEqual(['Junior Go Developer']);
    await database.db.execute(sql`update listings set posted_at = ${day(2).toISOString()} where title = 'Junior Go Developer'`);
  });

  it('searches the text with websearch syntax and ranks by relevance', async () => {
    expect(await titles({ q: 'payments', sort: 'newest' })).toEqual(['Senior Go Engineer', 'Python Backend Engineer']);
    // Relevance: the shorter text, where the word weighs more, comes first.
    expect(await titles({ q: 'payments' })).toEqual(['Python Backend Engineer', 'Senior Go Engineer']);
    expect(await titles({ q: 'payments -django' })).toEqual(['Senior Go Engineer']);
    expect(await titles({ q: '"distributed systems"' })).toEqual(['Junior Go Developer']);
    expect(await titles({ q: 'postgresql', sort: 'relevance' })).toHaveLength(2);
  });

  it('ranks the newest matches only, and pages through that window by cursor', async () => {
    // Three open listings match "go"; a window of two ranks the two newest.
    const small = { ...context, relevanceWindow: 2 };
    const first = await searchJobs(database.db, filters({ q: 'go', limit: '1' }), small);
    expect(first.window).toMatchObject({ matches: 3 });
    expect(first.window!.ids).toEqual([ids['Senior Go Engineer'], ids['Junior Go Developer']]);
    expect(first.window!.cutoffUs).toBe(day(2).getTime() * 1000);

    // A newer match arriving meanwhile joins the window; the old window is read once, in rank order.
    const newer = await insertListing(database.db, 'golang-cafe', { title: 'Go Go Go', languages: ['go'], postedAt: new Date() });
    const seen = first.items.map((item) => item.title);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await searchJobs(database.db, filters({ q: 'go', limit: '1', cursor }), small);
      seen.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor;
    }
    expect(seen.filter((title) => title !== 'Go Go Go').sort()).toEqual(['Junior Go Developer', 'Senior Go Engineer']);
    expect(new Set(seen).size).toBe(seen.length);
    await database.db.execute(sql`delete from listings where id = ${newer.id}`);

    // The default window holds every match here.
    const all = await searchJobs(database.db, filters({ q: 'go' }), context);
    expect(all.items).toHaveLength(3);
    expect(all.window).toMatchObject({ matches: 3, cutoffUs: null });
  });

  it('sorts by salary with unknown salaries last, and by best match', async () => {
    expect(await titles({ sort: 'salary' })).toEqual(['Go Site Reliability Engineer', 'Senior Go Engineer', 'Junior Go Developer', 'Python Backend Engineer']);
    const preferences = { languages: ['go'], seniority: 'junior' as const, remote: 'remote' as const };
    const matched = await searchJobs(database.db, filters({ sort: 'match' }), { ...context, preferences });
    expect(matched.items.map((item) => item.title)).toEqual([
      'Junior Go Developer', // language + seniority + remote
      'Senior Go Engineer', // language + remote
      'Go Site Reliability Engineer', // language
      'Python Backend Engineer',
    ]);
  });

  it.each(['newest', 'salary', 'match', 'relevance'] as const)('pages through every result once with keyset cursors (%s)', async (sort) => {
    // Relevance needs a search: every listing here mentions an engineer or a developer.
    const q = sort === 'relevance' ? 'engineer or developer' : undefined;
    const all = await titles({ sort, q, limit: 100 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchJobs(database.db, filters({ sort, q, limit: '1', cursor }), context);
      seen.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(2);
  });

  it('keeps pages stable when new listings arrive', async () => {
    const first = await searchJobs(database.db, filters({ limit: '2' }), context);
    const newer = await insertListing(database.db, 'golang-cafe', { title: 'Brand new Go job', languages: ['go'], postedAt: new Date() });
    const second = await searchJobs(database.db, filters({ limit: '2', cursor: first.nextCursor! }), context);
    expect(second.items.map((item) => item.title)).toEqual(['Python Backend Engineer', 'Go Site Reliability Engineer']);
    await database.db.execute(sql`delete from listings where id = ${newer.id}`);
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(searchJobs(database.db, filters({ cursor: 'eyJ4IjoxfQ.AAAA' }), context)).rejects.toThrow(BadCursorError);
    const salaryCursor = (await searchJobs(database.db, filters({ sort: 'salary', limit: '1' }), context)).nextCursor!;
    await expect(searchJobs(database.db, filters({ sort: 'newest', cursor: salaryCursor }), context)).rejects.toThrow(BadCursorError);
  });

  it('counts facets with every other filter applied', async () => {
    const facets = await facetCounts(database.db, filters({ language: ['go'], remote: ['remote'] }), USD_PER_UNIT);
    expect(facets.language).toEqual({ go: 2 });
    expect(facets.remote).toEqual({ remote: 2, onsite: 1 });
    expect(facets.seniority).toEqual({ senior: 1, junior: 1 });
    // The senior Go job was found on remotive too: choosing remotive would show it.
    expect(facets.board).toEqual({ 'golang-cafe': 2, remotive: 1 });
  });

  it('counts each option as choosing it (with every other filter) would match', async () => {
    // The reference: for each option, the number of listings the page's own WHERE matches with
    // that option as its facet's only value.
    const boards = ['golang-cafe', 'remotive'];
    const OPTIONS = { language: LANGUAGE_SLUGS, seniority: SENIORITIES, role: ROLES, remote: REMOTE_KINDS, board: boards };
    const reference = async (input: JobFilters) => {
      const facets: Record<string, Record<string, number>> = {};
      for (const name of FACET_NAMES) {
        facets[name] = {};
        for (const value of OPTIONS[name]) {
          const [row] = await queryRows<{ n: number }>(
            database.db,
            sql`select count(*)::int as n from listings l where ${whereFor({ ...input, [name]: [value] }, USD_PER_UNIT)}`,
          );
          if (Number(row!.n)) facets[name][value] = Number(row!.n);
        }
      }
      return facets;
    };
    for (const input of FILTER_SETS) {
      const chosen = filters(input);
      expect(await facetCounts(database.db, chosen, USD_PER_UNIT), JSON.stringify(input)).toEqual(await reference(chosen));
    }
  });

  it('shows what matching jobs ask for', async () => {
    const market = await marketView(database.db, filters({ language: ['go'] }), USD_PER_UNIT);
    expect(market.listings).toBe(3);
    expect(market.skills.slice(0, 2)).toEqual([
      { skill: 'kubernetes', listings: 2, share: 0.667 },
      { skill: 'postgresql', listings: 2, share: 0.667 },
    ]);
    expect(market.salary).toEqual({ withSalary: 3, p25: 64_800, median: 150_000, p75: 208_000 });
    expect(await marketView(database.db, filters({ language: ['rust'] }), USD_PER_UNIT)).toEqual({ listings: 0, skills: [], languages: [], salary: null });
    expect((await marketView(database.db, filters({ q: 'payments' }), USD_PER_UNIT)).listings).toBe(2);
    expect((await marketView(database.db, filters({ q: 'payments -django' }), USD_PER_UNIT)).listings).toBe(1);
  });

  it('counts the market view as SQL over the same filters would', async () => {
    const reference = async (input: JobFilters) => {
      const where = whereFor(input, USD_PER_UNIT);
      const [totals] = await queryRows<{ n: number; with_salary: number; p25: number | null; p50: number | null; p75: number | null }>(
        database.db,
        sql`select count(*)::int as n, count(l.salary_usd_yearly)::int as with_salary,
              percentile_disc(0.25) within group (order by l.salary_usd_yearly) as p25,
              percentile_disc(0.5) within group (order by l.salary_usd_yearly) as p50,
              percentile_disc(0.75) within group (order by l.salary_usd_yearly) as p75
            from listings l where ${where}`,
      );
      const n = Number(totals!.n);
      const counted = async (column: 'skills' | 'languages') =>
        (
          await queryRows<{ value: string; n: number }>(
            database.db,
            sql`select value, count(*)::int as n from listings l, unnest(l.${sql.raw(column)}) as value where ${where} group by value order by n desc, value limit 12`,
          )
        ).map((row) => ({ value: row.value, listings: Number(row.n), share: Math.round((Number(row.n) / n) * 1000) / 1000 }));
      if (n === 0) return { listings: 0, skills: [], languages: [], salary: null };
      const withSalary = Number(totals!.with_salary);
      return {
        listings: n,
        skills: (await counted('skills')).map(({ value, ...rest }) => ({ skill: value, ...rest })),
        languages: (await counted('languages')).map(({ value, ...rest }) => ({ language: value, ...rest })),
        salary: withSalary ? { withSalary, p25: Number(totals!.p25), median: Number(totals!.p50), p75: Number(totals!.p75) } : null,
      };
    };
    for (const input of [
      {},
      { language: ['go'] },
      { remote: ['remote', 'hybrid'], salaryMin: '50000' },
      { q: 'postgresql or kubernetes' },
      { board: ['remotive'] },
      { visa: 'true' },
      { hiddenBoards: ['golang-cafe'] },
    ]) {
      const chosen = filters(input);
      expect(await marketView(database.db, chosen, USD_PER_UNIT), JSON.stringify(input)).toEqual(await reference(chosen));
    }
  });

  it.each(['newest', 'salary', 'match', 'relevance'] as const)('pages as the SQL oracle does, cursor by cursor, on every filter set (%s)', async (sort) => {
    const preferences = { languages: ['python'], seniority: 'senior' as const, remote: 'remote' as const };
    // Ties the sorts break by id: the same posting time, the same salary, no salary.
    const tied = await Promise.all(
      [150_000, 150_000, null].map((salary, i) =>
        insertListing(database.db, i ? 'remotive' : 'golang-cafe', {
          title: `Tied Go Engineer ${i}`, languages: ['go'], seniority: 'senior', remote: 'remote', role: 'backend', postedAt: day(2),
          salaryMin: salary, salaryCurrency: salary ? 'USD' : null, salaryPeriod: salary ? 'year' : null, salaryUsdYearly: salary,
          descriptionText: 'Go payments engineer',
        }),
      ),
    );
    for (const input of FILTER_SETS) {
      // Relevance needs a search; without one the sort falls back to newest, as the API's does.
      for (const extra of [{}, ...(sort === 'match' ? [{ preferences }] : []), ...(sort === 'relevance' ? [{ relevanceWindow: 2 }] : [])]) {
        const within = { ...context, ...extra };
        let cursor: string | undefined;
        let pages = 0;
        do {
          const chosen = filters({ ...input, sort, limit: '1', cursor });
          const page = await searchJobs(database.db, chosen, within);
          const expected = await oraclePageIds(database.db, chosen, within, page.window ?? undefined);
          expect(page.items.map((item) => item.id), `${JSON.stringify({ input, extra })} page ${pages}`).toEqual(expected);
          cursor = page.nextCursor ?? undefined;
          if (cursor) expect(await oraclePageIds(database.db, filters({ ...input, sort, limit: '1', cursor }), within, page.window ?? undefined)).not.toEqual(expected);
        } while (cursor && ++pages < 10);
      }
    }
    await database.db.execute(sql`delete from listings where id = any(${sql.param(tied.map((listing) => listing.id))}::bigint[])`);
  });

  it('finds similar listings as the SQL oracle does', async () => {
    for (const name of ['Senior Go Engineer', 'Junior Go Developer', 'Python Backend Engineer', 'Go Site Reliability Engineer', 'Senior Go Engineer (copy)']) {
      const listing = (await getListing(database.db, ids[name]!))!;
      for (const limit of [1, 2, 5]) {
        const similar = await similarListings(database.db, listing, limit);
        expect(similar.map((job) => job.id), `${name} ${limit}`).toEqual(await oracleSimilarIds(database.db, listing, limit));
      }
    }
  });
});

describe(`what a search keeps between requests (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  afterAll(async () => database?.close());

  it('reads summaries and ranks again once listings change, and shares them frozen until then', async () => {
    database = await createTestDatabase();
    const { db } = database;
    const searchContext: SearchContext = { secret: 'kept-test-secret', usdPerUnit: await loadUsdRates(db) };
    await insertBoard(db, 'remotive');
    const first = await insertListing(db, 'remotive', { title: 'Kafka Engineer', descriptionText: 'kafka', postedAt: day(2) });
    const second = await insertListing(db, 'remotive', { title: 'Streaming Engineer', descriptionText: 'kafka kafka kafka streams with kafka', postedAt: day(1) });
    const search = async (input: Record<string, unknown>) => (await searchJobs(db, filters(input), searchContext)).items;

    const newest = await search({});
    expect(newest.map((job) => job.title)).toEqual(['Streaming Engineer', 'Kafka Engineer']);
    expect(Object.isFrozen(newest[0])).toBe(true);
    const relevance = async () => {
      const page = await searchJobs(db, filters({ q: 'kafka' }), searchContext);
      const ids = page.items.map((job) => job.id);
      expect(ids).toEqual(await oraclePageIds(db, filters({ q: 'kafka' }), searchContext, page.window!));
      return ids;
    };
    expect(await relevance()).toEqual([first.id, second.id]); // kafka in the title weighs most

    // Any change to listings makes a new snapshot, and with it new summaries and ranks.
    await db.execute(sql`update listings set title = 'Platform Engineer' where id = ${first.id}`);
    expect((await search({})).map((job) => job.title)).toEqual(['Streaming Engineer', 'Platform Engineer']);
    expect(await relevance()).toEqual([second.id, first.id]);
  });
});
