import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { boards, ingestRuns } from '../../db/schema';
import type { ResolvedAddress, Resolver } from '../../scrapers/fetch/guard';
import { createFetcher, type FetcherOptions } from '../../scrapers/fetcher';
import type { FetchText } from '../../scrapers/types';
import { startLocalServer, type LocalServer } from '../../test/support/local-server';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { boardUrlEnvName } from '../env';
import { addCustomFeed, loadIngestTargets } from './catalog';
import { fetchTextFor, ingestAll } from './run-all';

// Feeds people add are read only through the guarded fetcher, whichever entry point runs them
// (they all go through loadIngestTargets and ingestAll/fetchTextFor). `inner` on 127.0.0.1 is the
// server's own network; `outer` on 127.0.0.2, opened by the allow-list, stands in for a public host.

const RSS = readFileSync(new URL('../../scrapers/weworkremotely/fixtures/back-end-programming.rss', import.meta.url), 'utf8');
const REMOTIVE_JSON = readFileSync(new URL('../../scrapers/remotive/fixtures/remote-jobs.json', import.meta.url), 'utf8');
const PUBLIC_STAND_IN = '127.0.0.2';

describe(`ingesting feeds people added (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  let inner: LocalServer;
  let outer: LocalServer;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    await database.db.execute(sql`truncate boards, listings, ingest_runs cascade`);
    inner = await startLocalServer({
      '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS),
      '/remotive': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(REMOTIVE_JSON),
    });
    outer = await startLocalServer({}, { host: PUBLIC_STAND_IN });
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await Promise.all([inner.close(), outer.close()]);
  });

  const resolver = (entries: Record<string, string>): Resolver => async (hostname) => {
    const address = entries[hostname];
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: 4 } satisfies ResolvedAddress];
  };
  const options: Partial<FetcherOptions> = { retries: 0, minIntervalMsPerHost: 0, connectTimeoutMs: 2_000, totalTimeoutMs: 5_000 };
  const plain = () => createFetcher(options).fetchText;
  const guardedFetcher = (guard: FetcherOptions['guard']) => createFetcher({ ...options, guard }).fetchText;
  const runsOf = (boardId: string) => database.db.select().from(ingestRuns).where(eq(ingestRuns.boardId, boardId));
  const feedRequests = () => inner.requests.filter((request) => request.path === '/feed');

  it('fails a feed whose name resolves inward with a recorded refusal, while the other boards of the run succeed', async () => {
    const inward = await addCustomFeed(database.db, { name: 'Inward feed', url: `http://feed.example:${inner.port}/feed` });
    outer.route('/jobs.rss', (_req, res) => res.writeHead(302, { location: inner.url('/feed') }).end());
    const redirected = await addCustomFeed(database.db, { name: 'Redirected feed', url: `http://jobs.example:${outer.port}/jobs.rss` });
    // The built-in board reads the operator's override on loopback, unguarded as before.
    vi.stubEnv(boardUrlEnvName('remotive'), inner.url('/remotive'));

    const targets = await loadIngestTargets(database.db, ['remotive', inward, redirected]);
    expect(targets.map((t) => [t.board.id, t.guarded ?? false])).toEqual([
      ['remotive', false],
      [inward, true],
      [redirected, true],
    ]);
    const results = await ingestAll(database.db, targets, {
      fetchText: plain(),
      guardedFetchText: guardedFetcher({
        allowPrivate: [`${PUBLIC_STAND_IN}/32`],
        resolve: resolver({ 'feed.example': '127.0.0.1', 'jobs.example': PUBLIC_STAND_IN }),
      }),
    });
    const byId = Object.fromEntries(results.map((result) => [result.boardId, result]));

    expect(byId.remotive).toMatchObject({ status: 'succeeded', counts: { new: 3 } });
    const refusedInward = `GET http://feed.example:${inner.port}/feed refused: feed.example resolves to a loopback address (127.0.0.1)`;
    const refusedRedirect = `GET ${inner.url('/feed')} refused: 127.0.0.1 is a loopback address (redirected from http://jobs.example:${outer.port}/jobs.rss)`;
    expect(byId[inward]).toMatchObject({ status: 'failed', error: refusedInward });
    expect(byId[redirected]).toMatchObject({ status: 'failed', error: refusedRedirect });
    expect(await runsOf(inward)).toMatchObject([{ status: 'failed', error: refusedInward, httpStatus: null }]);
    expect(await runsOf(redirected)).toMatchObject([{ status: 'failed', error: refusedRedirect }]);
    const [row] = await database.db.select().from(boards).where(eq(boards.id, inward));
    expect(row).toMatchObject({ lastError: refusedInward, consecutiveFailures: 1 });
    // Never a fetch: nothing reached the inner server's feed, while the redirecting hop did run.
    expect(feedRequests()).toEqual([]);
    expect(outer.requests).toHaveLength(1);
  });

  it('reads the same feed once TRACKEND_FETCH_ALLOW_PRIVATE opens loopback', async () => {
    const id = await addCustomFeed(database.db, { name: 'LAN feed', url: `http://feed.example:${inner.port}/feed` });
    const targets = await loadIngestTargets(database.db, [id]);
    const [result] = await ingestAll(database.db, targets, {
      fetchText: plain(),
      guardedFetchText: guardedFetcher({ allowPrivate: ['127.0.0.0/8'], resolve: resolver({ 'feed.example': '127.0.0.1' }) }),
    });
    expect(result).toMatchObject({ status: 'succeeded', error: null, counts: { new: 3 } });
    expect(feedRequests()).toHaveLength(1);
  });

  it("reads a feed the operator pointed elsewhere (TRACKEND_BOARD_<ID>_URL) unguarded, as the operator's own URL", async () => {
    const id = await addCustomFeed(database.db, { name: 'Mirrored feed', url: 'https://rustjobs.example/feed.xml' });
    vi.stubEnv(boardUrlEnvName(id), inner.url('/feed'));
    const targets = await loadIngestTargets(database.db, [id]);
    expect(targets).toMatchObject([{ url: inner.url('/feed'), custom: true, guarded: false }]);
    const [result] = await ingestAll(database.db, targets, { fetchText: plain(), guardedFetchText: guardedFetcher({}) });
    expect(result).toMatchObject({ status: 'succeeded', counts: { new: 3 } });
  });

  it('never reads a guarded target with the plain fetchText, even when the caller passes only that', async () => {
    const calls: string[] = [];
    const recording: FetchText = (url, request) => {
      calls.push(url);
      return plain()(url, request);
    };
    const id = await addCustomFeed(database.db, { name: 'Metadata feed', url: 'http://169.254.169.254/latest/meta-data/' });
    const targets = await loadIngestTargets(database.db, [id]);
    expect(fetchTextFor(targets[0]!, { fetchText: recording })).not.toBe(recording);
    const [result] = await ingestAll(database.db, targets, { fetchText: recording });
    expect(result).toMatchObject({ status: 'failed', error: 'GET http://169.254.169.254/latest/meta-data/ refused: 169.254.169.254 is a link-local address' });
    expect(calls).toEqual([]);
  });
});
