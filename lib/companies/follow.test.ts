import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { boards, companyFollows, ingestRuns, listings } from '../../db/schema';
import type { ResolvedAddress, Resolver } from '../../scrapers/fetch/guard';
import { createFetcher, type FetcherOptions } from '../../scrapers/fetcher';
import { insertUser } from '../../test/support/factories';
import { startLocalServer, type LocalServer } from '../../test/support/local-server';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { BadInputError, NotFoundError } from '../errors';
import { loadIngestTargets } from '../ingest/catalog';
import { addCompanySource, followCompany, followedBoardIds, listFollowedCompanies, MAX_FOLLOWS_PER_USER, previewCompany, unfollowCompany, type CompanyDeps } from './follow';

// Following companies against a local 127.0.0.1 server standing in for the four hiring systems'
// APIs (TRACKEND_ATS_*_URL, the operator's override), with the ats adapters' own fixtures. A
// careers page people paste is read only through the guarded fetcher: `careers.example` on
// 127.0.0.2 (opened by the allow-list) stands in for a public site, `inward.example` resolves to
// loopback and is refused.

const fixture = (name: string) => readFileSync(new URL(`../../scrapers/ats/fixtures/${name}`, import.meta.url), 'utf8');
const PUBLIC_STAND_IN = '127.0.0.2';
// Real captured responses (other people's files, read in place; see their SOURCES.md).
const SHARED_ATS_DIR = fileURLToPath(new URL('../../../shared/fixtures/ats/', import.meta.url));
const HAS_SHARED_ATS = existsSync(SHARED_ATS_DIR);
const API_PATHS = {
  greenhouse: '/v1/boards/gophercloud/jobs',
  lever: '/v0/postings/lambdaworks',
  ashby: '/posting-api/job-board/tidepool',
  workable: '/api/v1/widget/accounts/northwind',
};

describe(`following companies (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  let api: LocalServer;
  let careers: LocalServer;
  let alice: string;
  let bob: string;

  const options: Partial<FetcherOptions> = { retries: 0, minIntervalMsPerHost: 0, connectTimeoutMs: 2_000, totalTimeoutMs: 5_000 };
  const resolver: Resolver = async (hostname) => {
    const address = { 'careers.example': PUBLIC_STAND_IN, 'inward.example': '127.0.0.1' }[hostname];
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: 4 } satisfies ResolvedAddress];
  };
  const deps = (): CompanyDeps => ({
    fetchText: createFetcher(options).fetchText,
    guardedFetchText: createFetcher({ ...options, guard: { allowPrivate: [`${PUBLIC_STAND_IN}/32`], resolve: resolver } }).fetchText,
  });
  const apiHits = (path: string) => api.requests.filter((request) => request.path.startsWith(path)).length;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    await database.db.execute(sql`truncate boards, listings, ingest_runs, users cascade`);
    alice = (await insertUser(database.db, 'alice@example.com')).id;
    bob = (await insertUser(database.db, 'bob@example.com')).id;
    const json = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    api = await startLocalServer({
      [API_PATHS.greenhouse]: json(fixture('greenhouse-jobs.json')),
      [API_PATHS.lever]: json(fixture('lever-postings.json')),
      [API_PATHS.ashby]: json(fixture('ashby-job-board.json')),
      [API_PATHS.workable]: json(fixture('workable-account.json')),
    });
    careers = await startLocalServer({}, { host: PUBLIC_STAND_IN });
    const base = `http://127.0.0.1:${api.port}`;
    for (const system of ['GREENHOUSE', 'LEVER', 'LEVER_EU', 'ASHBY', 'WORKABLE']) vi.stubEnv(`TRACKEND_ATS_${system}_URL`, base);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await Promise.all([api.close(), careers.close()]);
  });

  it.each([
    ['https://boards.greenhouse.io/gophercloud', 'greenhouse-gophercloud', 'greenhouse', 'Gopher Cloud', API_PATHS.greenhouse],
    ['job-boards.greenhouse.io/gophercloud/jobs/123', 'greenhouse-gophercloud', 'greenhouse', 'Gopher Cloud', API_PATHS.greenhouse],
    ['https://jobs.lever.co/lambdaworks', 'lever-lambdaworks', 'lever', 'lambdaworks', API_PATHS.lever],
    ['https://jobs.eu.lever.co/lambdaworks', 'lever-eu-lambdaworks', 'lever-eu', 'lambdaworks', API_PATHS.lever],
    ['https://jobs.ashbyhq.com/tidepool', 'ashby-tidepool', 'ashby', 'tidepool', API_PATHS.ashby],
    ['https://apply.workable.com/northwind/', 'workable-northwind', 'workable', 'Northwind Logistics', API_PATHS.workable],
  ])('previews and follows %s', async (url, id, system, name, path) => {
    const preview = await previewCompany(database.db, url, deps());
    expect(preview).toMatchObject({ id, system, name, openJobs: 3 });
    expect(preview.backendJobs).toBeGreaterThanOrEqual(1);
    expect(preview.backendJobs).toBeLessThan(3);
    // The preview stores nothing.
    expect(await database.db.select().from(boards).where(eq(boards.id, id))).toEqual([]);

    const followed = await followCompany(database.db, alice, url, deps());
    expect(followed).toEqual({ ...preview, created: true });
    expect(apiHits(path)).toBe(2); // one read for the preview, one for the follow (its listings stored from that same response)
    const [row] = await database.db.select().from(boards).where(eq(boards.id, id));
    expect(row).toMatchObject({ atsSystem: system, kind: 'json', custom: false, pending: false });
    const stored = await database.db.select().from(listings).where(eq(listings.boardId, id));
    expect(stored).toHaveLength(3);
    expect(stored.filter((listing) => listing.role === 'backend')).toHaveLength(preview.backendJobs);
    expect((await database.db.select().from(ingestRuns).where(eq(ingestRuns.boardId, id)))[0]).toMatchObject({ status: 'succeeded', new: 3 });

    // Following again: 200-like (created false), nothing read again.
    expect(await followCompany(database.db, alice, url, deps())).toMatchObject({ id, created: false });
    expect(apiHits(path)).toBe(2);
    // Another user shares the company's source: no new row, no new read.
    expect(await followCompany(database.db, bob, url, deps())).toMatchObject({ id, created: true, openJobs: 3 });
    expect(apiHits(path)).toBe(2);
  });

  it('finds the board a careers page embeds, reading the page through the guarded fetcher', async () => {
    careers.route('/careers', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html><body><h1>Work with us</h1><div id="grnhse_app"></div><script src="https://boards.greenhouse.io/embed/job_board/js?for=gophercloud"></script></body></html>'),
    );
    const url = `http://careers.example:${careers.port}/careers`;
    expect(await followCompany(database.db, alice, url, deps())).toMatchObject({ id: 'greenhouse-gophercloud', name: 'Gopher Cloud', created: true });
    expect(careers.requests).toHaveLength(1);
  });

  it('refuses a careers page that resolves to loopback, naming url, without reading it', async () => {
    careers.route('/careers', (_req, res) => res.end('<script src="https://jobs.lever.co/lambdaworks"></script>'));
    const url = `http://inward.example:${api.port}/careers`;
    const error = await followCompany(database.db, alice, url, deps()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).fields.url).toMatch(/could not be read .*refused: inward\.example resolves to a loopback address/);
    expect(api.requests).toEqual([]);
    // A redirect from a public page inward is refused the same way.
    careers.route('/moved', (_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${api.port}${API_PATHS.lever}` }).end());
    await expect(previewCompany(database.db, `http://careers.example:${careers.port}/moved`, deps())).rejects.toThrow(/refused: 127\.0\.0\.1 is a loopback address/);
    expect(api.requests).toEqual([]);
    expect(await database.db.select().from(boards)).toEqual([]);
  });

  it('answers a BadInputError naming url, saying what was tried, when no hiring system is found', async () => {
    careers.route('/about', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><a href="https://example.com/jobs">Jobs</a></body></html>'));
    const error = await followCompany(database.db, alice, `http://careers.example:${careers.port}/about`, deps()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadInputError);
    const message = (error as BadInputError).fields.url!;
    expect(message).toContain('boards.greenhouse.io');
    expect(message).toContain('embeds no Greenhouse, Lever, Ashby or Workable job board');
    for (const bad of ['', 'not a url at all', 'ftp://jobs.lever.co/acme', 'x'.repeat(2001)]) {
      await expect(previewCompany(database.db, bad, deps())).rejects.toMatchObject({ fields: { url: expect.any(String) } });
    }
    // A board the system does not know (404) is bad input too, named.
    await expect(previewCompany(database.db, 'https://jobs.lever.co/nobody', deps())).rejects.toMatchObject({ fields: { url: expect.stringContaining('has no job board "nobody"') } });
    expect(await database.db.select().from(companyFollows)).toEqual([]);
  });

  it(`stops at ${MAX_FOLLOWS_PER_USER} companies a user, with a clear message`, async () => {
    const ids = Array.from({ length: MAX_FOLLOWS_PER_USER }, (_, i) => `greenhouse-filler${i}`);
    await database.db.insert(boards).values(ids.map((id, i) => ({ id, name: id, kind: 'json' as const, url: `https://x.example/${i}`, atsSystem: 'greenhouse', atsToken: `filler${i}` })));
    await database.db.insert(companyFollows).values(ids.map((boardId) => ({ userId: alice, boardId })));
    await expect(followCompany(database.db, alice, 'https://jobs.ashbyhq.com/tidepool', deps())).rejects.toMatchObject({
      fields: { url: expect.stringContaining(`${MAX_FOLLOWS_PER_USER} companies`) },
    });
    // Already-followed ones still answer as followed; others are unaffected.
    expect(await followCompany(database.db, alice, 'https://boards.greenhouse.io/filler7', deps())).toMatchObject({ id: 'greenhouse-filler7', created: false });
    expect(await followCompany(database.db, bob, 'https://jobs.ashbyhq.com/tidepool', deps())).toMatchObject({ created: true });
  });

  it("lists and unfollows only one's own; another user's company id is NotFound", async () => {
    await followCompany(database.db, alice, 'https://jobs.lever.co/lambdaworks', deps());
    await followCompany(database.db, bob, 'https://jobs.ashbyhq.com/tidepool', deps());
    const mine = await listFollowedCompanies(database.db, alice);
    expect(mine).toMatchObject([{ id: 'lever-lambdaworks', system: 'lever', board: 'lambdaworks', openJobs: 3, health: 'ok' }]);
    expect(mine[0]!.lastChange).toBeInstanceOf(Date);
    await expect(unfollowCompany(database.db, alice, 'ashby-tidepool')).rejects.toBeInstanceOf(NotFoundError);
    await expect(unfollowCompany(database.db, alice, "x' or 1=1 --")).rejects.toBeInstanceOf(NotFoundError);
    expect(await followedBoardIds(database.db, bob)).toEqual(['ashby-tidepool']);
    await unfollowCompany(database.db, alice, 'lever-lambdaworks');
    expect(await listFollowedCompanies(database.db, alice)).toEqual([]);
    // The listings stay: the source is shared, and nobody's applications lose their link.
    expect(await database.db.$count(listings, eq(listings.boardId, 'lever-lambdaworks'))).toBe(3);
  });

  it('makes followed companies ingest targets, read with the plain fetcher (never guarded), and /boards never lists them', async () => {
    await followCompany(database.db, alice, 'https://jobs.lever.co/lambdaworks', deps());
    await addCompanySource(database.db, 'https://jobs.ashbyhq.com/tidepool', deps());
    const targets = await loadIngestTargets(database.db);
    const company = targets.find((target) => target.board.id === 'lever-lambdaworks');
    expect(company).toMatchObject({ url: `http://127.0.0.1:${api.port}${API_PATHS.lever}?mode=json` });
    expect(company?.guarded ?? false).toBe(false);
    // The operator's own company (no follower) is read only when named.
    expect(targets.some((target) => target.board.id === 'ashby-tidepool')).toBe(false);
    expect((await loadIngestTargets(database.db, ['ashby-tidepool'])).map((target) => target.board.id)).toEqual(['ashby-tidepool']);
    const { listBoardHealth } = await import('../boards/health');
    expect((await listBoardHealth(database.db, 60)).some((board) => board.id.startsWith('lever-') || board.id.startsWith('ashby-'))).toBe(false);
  });

  // Skipped only where ../shared is absent (a fresh clone): CI has the captures.
  it.skipIf(!HAS_SHARED_ATS)(`follows companies on real captured responses (${SHARED_ATS_DIR})`, async () => {
    const real = (name: string) => readFileSync(`${SHARED_ATS_DIR}${name}`, 'utf8');
    const serve = (path: string, body: string) => api.route(path, (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    serve('/v1/boards/warp/jobs', real('greenhouse-2.json'));
    serve('/v0/postings/palantir', real('lever-2.json'));
    serve('/posting-api/job-board/ramp', real('ashby-1.json'));
    serve('/api/v1/widget/accounts/crewai', real('workable-1.json'));
    const warp = await followCompany(database.db, alice, 'https://job-boards.greenhouse.io/warp', deps());
    expect(warp).toMatchObject({ id: 'greenhouse-warp', openJobs: 4, created: true });
    // Four "Backend Software Engineer" postings among ten.
    const palantir = await followCompany(database.db, alice, 'https://jobs.lever.co/palantir', deps());
    expect(palantir).toMatchObject({ id: 'lever-palantir', openJobs: 10 });
    expect(palantir.backendJobs).toBeGreaterThanOrEqual(4);
    expect(await followCompany(database.db, alice, 'https://jobs.ashbyhq.com/ramp', deps())).toMatchObject({ id: 'ashby-ramp', openJobs: 4 });
    expect(await followCompany(database.db, alice, 'https://apply.workable.com/crewai', deps())).toMatchObject({ id: 'workable-crewai', openJobs: 4 });
    const followed = await listFollowedCompanies(database.db, alice);
    expect(followed.map((company) => company.id).sort()).toEqual(['ashby-ramp', 'greenhouse-warp', 'lever-palantir', 'workable-crewai']);
    expect(followed.every((company) => company.health === 'ok')).toBe(true);
  });
});
