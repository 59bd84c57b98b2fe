import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { eq, sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { boards, ingestRuns, listings } from '../../db/schema';
import { queryRows } from '../../db/types';
import { createFetcher, type FetcherOptions } from '../../scrapers/fetcher';
import { board as remotive } from '../../scrapers/remotive';
import type { BoardDefinition } from '../../scrapers/types';
import { board as weWorkRemotely } from '../../scrapers/weworkremotely';
import { startLocalServer, type LocalServer } from '../../test/support/local-server';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { boardUrlEnvName } from '../env';
import { loadIngestTargets } from './catalog';
import { ingestAll } from './run-all';
import { ingestBoard } from './run-board';

// Bad input, end to end: the real board modules and the real shared fetcher read a local HTTP
// server (board URL overrides), and ingestion records what happened. Each case first stores the
// board's fixture, then serves the fault, then checks the recorded ingest_runs row and that
// nothing already stored was lost or marked removed. Delays are recorded, never waited out.

const fixture = (path: string) => readFileSync(new URL(`../../scrapers/${path}`, import.meta.url), 'utf8');
const WWR_FEED = fixture('weworkremotely/fixtures/back-end-programming.rss');
const REMOTIVE_JSON = fixture('remotive/fixtures/remote-jobs.json');

const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const JSON_TYPE = 'application/json';
const send = (res: ServerResponse, body: string | Buffer, contentType: string, headers: Record<string, string> = {}) =>
  res.writeHead(200, { 'content-type': contentType, ...headers }).end(body);

/** Remotive's response shape with n generated jobs. */
function remotiveJobs(n: number, from = 1): string {
  const jobs = Array.from({ length: n }, (_, i) => ({
    id: 5_000_000 + from + i,
    url: `https://remotive.com/remote-jobs/software-dev/go-backend-engineer-${from + i}`,
    title: `${i % 3 === 0 ? 'Senior ' : ''}Go Backend Engineer ${from + i}`,
    company_name: `Gopher Co ${(from + i) % 997}`,
    tags: ['golang', 'postgresql'],
    job_type: 'full_time',
    publication_date: '2026-11-01T10:00:00',
    candidate_required_location: 'Europe',
    salary: '$100k - $130k',
    description: `<p>Build APIs in Go. Job ${from + i}.</p>`,
  }));
  return JSON.stringify({ 'job-count': n, jobs });
}

describe(`ingestion under bad input from a real HTTP server (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  let server: LocalServer;
  let slept: number[];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    await database.db.execute(sql`truncate boards, listings, ingest_runs cascade`);
    server = await startLocalServer();
    slept = [];
  });
  afterEach(async () => {
    await server.close();
  });

  /** The shared fetcher with test-sized limits; every backoff or Retry-After is recorded, not slept. */
  const fetcher = (overrides: Partial<FetcherOptions> = {}) =>
    createFetcher({
      retries: 2,
      minIntervalMsPerHost: 0,
      connectTimeoutMs: 2_000,
      totalTimeoutMs: 5_000,
      sleep: (ms) => {
        if (ms > 0) slept.push(ms);
        return Promise.resolve();
      },
      ...overrides,
    }).fetchText;

  const ingest = (board: BoardDefinition, path: string, overrides: Partial<FetcherOptions> = {}) =>
    // force: a failed run backs the board off, and the next step of a test must still run it.
    ingestBoard(database.db, board, { fetchText: fetcher(overrides), url: server.url(path), force: true });

  const runsOf = (boardId: string) =>
    database.db.select().from(ingestRuns).where(eq(ingestRuns.boardId, boardId)).orderBy(ingestRuns.id);

  const liveTitles = async (boardId: string) =>
    (
      await database.db
        .select({ title: listings.title, removedAt: listings.removedAt })
        .from(listings)
        .where(eq(listings.boardId, boardId))
        .orderBy(listings.title)
    ).map((row) => (row.removedAt ? `REMOVED ${row.title}` : row.title));

  /** Store the board's fixture through a first, healthy run; returns the stored titles. */
  async function seed(board: BoardDefinition, body: string, contentType: string): Promise<string[]> {
    server.route('/seed', (_req, res) => send(res, body, contentType));
    const result = await ingest(board, '/seed');
    expect(result.status).toBe('succeeded');
    expect(result.counts.new).toBeGreaterThan(0);
    return liveTitles(board.id);
  }

  /** The board's listings are all still there and live, exactly as seeded. */
  async function expectKept(boardId: string, seeded: string[]) {
    expect(await liveTitles(boardId)).toEqual(seeded);
  }

  it('retries a 500 and stores the response that follows', async () => {
    const seeded = await seed(remotive, REMOTIVE_JSON, JSON_TYPE);
    server.route('/flaky', (_req, res, hit) => {
      if (hit === 1) return res.writeHead(500, { 'content-type': 'text/plain' }).end('upstream exploded');
      send(res, remotiveJobs(2), JSON_TYPE);
    });
    const result = await ingest(remotive, '/flaky');
    expect(result).toMatchObject({ status: 'succeeded', httpStatus: 200, error: null });
    expect(result.counts).toMatchObject({ new: 2, removed: seeded.length });
    expect(server.requests.filter((r) => r.path === '/flaky')).toHaveLength(2);
    expect(slept).toHaveLength(1);
    const runs = await runsOf('remotive');
    expect(runs.map((r) => [r.status, r.httpStatus, r.error])).toEqual([
      ['succeeded', 200, null],
      ['succeeded', 200, null],
    ]);
  });

  it('records a 404 once, without retrying, and keeps what was stored', async () => {
    const seeded = await seed(weWorkRemotely, WWR_FEED, RSS_TYPE);
    const result = await ingest(weWorkRemotely, '/gone');
    const message = `GET ${server.url('/gone')} failed: HTTP 404 Not Found`;
    expect(result).toMatchObject({ status: 'failed', httpStatus: 404, error: message });
    expect(server.requests.filter((r) => r.path === '/gone')).toHaveLength(1);
    expect(slept).toEqual([]);
    const runs = await runsOf('weworkremotely');
    expect(runs.map((r) => [r.status, r.httpStatus, r.error])).toEqual([
      ['succeeded', 200, null],
      ['failed', 404, message],
    ]);
    expect(runs[1]!.finishedAt).not.toBeNull();
    const [board] = await database.db.select().from(boards).where(eq(boards.id, 'weworkremotely'));
    expect(board).toMatchObject({ lastError: message, consecutiveFailures: 1, runningSince: null });
    expect(board!.backoffUntil).not.toBeNull();
    await expectKept('weworkremotely', seeded);
  });

  it('waits as long as a 429 Retry-After asks, and fails clearly when it asks too much', async () => {
    await seed(remotive, REMOTIVE_JSON, JSON_TYPE);
    server.route('/limited', (_req, res, hit) => {
      if (hit === 1) return res.writeHead(429, { 'retry-after': '3' }).end('slow down');
      send(res, REMOTIVE_JSON, JSON_TYPE);
    });
    const waited = await ingest(remotive, '/limited');
    expect(waited).toMatchObject({ status: 'succeeded', httpStatus: 200 });
    expect(waited.counts).toMatchObject({ new: 0, unchanged: 3, removed: 0 });
    expect(slept).toEqual([3000]);

    server.route('/limited-long', (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end('come back in an hour'));
    const refused = await ingest(remotive, '/limited-long');
    expect(refused).toMatchObject({ status: 'failed', httpStatus: 429 });
    expect(refused.error).toBe(
      `GET ${server.url('/limited-long')} failed: HTTP 429 Too Many Requests; the server asked us to retry after 60m, more than the 60s we wait`,
    );
    expect(server.requests.filter((r) => r.path === '/limited-long')).toHaveLength(1);
    const runs = await runsOf('remotive');
    expect(runs.at(-1)).toMatchObject({ status: 'failed', httpStatus: 429, error: refused.error });
    expect((await liveTitles('remotive')).filter((t) => t.startsWith('REMOVED'))).toEqual([]);
  });

  it('on a 304 sends the stored validators, parses nothing and writes no listing', async () => {
    server.route('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"wwr-1"') return res.writeHead(304).end();
      send(res, WWR_FEED, RSS_TYPE, { etag: '"wwr-1"', 'last-modified': 'Tue, 04 Mar 2025 16:20:50 GMT' });
    });
    expect((await ingest(weWorkRemotely, '/feed')).status).toBe('succeeded');
    const versions = () => queryRows<{ id: number; xmin: string }>(database.db, sql`select id, xmin::text from listings order by id`);
    const before = await versions();

    const result = await ingest(weWorkRemotely, '/feed');
    expect(result).toMatchObject({ status: 'not_modified', httpStatus: 304, error: null });
    expect(result.counts).toEqual({ fetched: 0, new: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0, failed: 0 });
    expect(server.requests[1]!.headers).toMatchObject({ 'if-none-match': '"wwr-1"', 'if-modified-since': 'Tue, 04 Mar 2025 16:20:50 GMT' });
    expect(await versions()).toEqual(before);
    const runs = await runsOf('weworkremotely');
    expect(runs.map((r) => [r.status, r.httpStatus, r.fetched])).toEqual([
      ['succeeded', 200, 4],
      ['not_modified', 304, 0],
    ]);
  });

  it('records a truncated feed as a parse error and keeps what was stored', async () => {
    const seeded = await seed(weWorkRemotely, WWR_FEED, RSS_TYPE);
    server.route('/cut', (_req, res) => send(res, WWR_FEED.slice(0, Math.floor(WWR_FEED.length * 0.6)), RSS_TYPE));
    const result = await ingest(weWorkRemotely, '/cut');
    expect(result).toMatchObject({ status: 'failed', httpStatus: 200 });
    expect(result.error).toMatch(/^We Work Remotely: the feed ends early \(no closing <\/rss> tag\): truncated response\?/);
    expect(slept).toEqual([]);
    expect((await runsOf('weworkremotely')).at(-1)).toMatchObject({ status: 'failed', httpStatus: 200, error: result.error, new: 0 });
    await expectKept('weworkremotely', seeded);
  });

  it('records truncated JSON as a parse error and keeps what was stored', async () => {
    const seeded = await seed(remotive, REMOTIVE_JSON, JSON_TYPE);
    server.route('/cut', (_req, res) => send(res, REMOTIVE_JSON.slice(0, 700), JSON_TYPE));
    const result = await ingest(remotive, '/cut');
    expect(result).toMatchObject({ status: 'failed', httpStatus: 200 });
    expect(result.error).toMatch(/^Remotive: /);
    expect((await runsOf('remotive')).at(-1)).toMatchObject({ status: 'failed', error: result.error });
    await expectKept('remotive', seeded);
  });

  it('records an HTML page where the feed was expected and keeps what was stored', async () => {
    const seeded = await seed(weWorkRemotely, WWR_FEED, RSS_TYPE);
    server.route('/challenge', (_req, res) =>
      send(res, '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>', 'text/html'),
    );
    const result = await ingest(weWorkRemotely, '/challenge');
    expect(result).toMatchObject({
      status: 'failed',
      httpStatus: 200,
      error: 'We Work Remotely: expected an RSS feed but got an HTML page ("Just a moment...")',
    });
    expect((await runsOf('weworkremotely')).at(-1)).toMatchObject({ status: 'failed', error: result.error });
    await expectKept('weworkremotely', seeded);
  });

  it('refuses a body over the size cap without retrying, and keeps what was stored', async () => {
    const seeded = await seed(remotive, REMOTIVE_JSON, JSON_TYPE);
    const huge = remotiveJobs(2_000); // ~600 KiB against a 64 KiB cap
    server.route('/huge', (_req, res) => send(res, huge, JSON_TYPE));
    // Streamed without a Content-Length: the cap must hold while reading, not just on the header.
    server.route('/huge-chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': JSON_TYPE });
      for (let at = 0; at < huge.length; at += 16_384) res.write(huge.slice(at, at + 16_384));
      res.end();
    });
    for (const path of ['/huge', '/huge-chunked']) {
      const result = await ingest(remotive, path, { maxBodyBytes: 64 * 1024 });
      expect(result).toMatchObject({ status: 'failed', httpStatus: 200 });
      expect(result.error).toMatch(new RegExp(`^GET ${server.url(path).replace(/[.?]/g, '\\$&')} failed: body exceeds 64 KiB`));
      expect(server.requests.filter((r) => r.path === path)).toHaveLength(1);
      expect((await runsOf('remotive')).at(-1)).toMatchObject({ status: 'failed', httpStatus: 200, error: result.error });
    }
    await expectKept('remotive', seeded);
  });

  it('decodes a windows-1252 feed declared ISO-8859-1 and stores its accented text correctly', async () => {
    const latin = WWR_FEED.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace('Kiln Labs: Senior Go Engineer (Payments)', 'Café Zürich: Senior Go Engineer (Paiements)')
      .replace('We move money for small businesses.', 'Wir bewegen Geld für kleine Unternehmen – 80.000 € brutto.');
    const body = iconv.encode(latin, 'windows-1252');
    expect(body.includes(Buffer.from('Café', 'utf8'))).toBe(false); // really not UTF-8 on the wire
    // No charset in the header: the XML prolog is the only evidence.
    server.route('/latin', (_req, res) => send(res, body, 'application/rss+xml'));
    const result = await ingest(weWorkRemotely, '/latin');
    expect(result.status).toBe('succeeded');
    const [stored] = await database.db
      .select()
      .from(listings)
      .where(eq(listings.url, 'https://weworkremotely.com/remote-jobs/kiln-labs-senior-go-engineer-payments'));
    expect(stored).toMatchObject({ title: 'Senior Go Engineer (Paiements)', company: 'Café Zürich' });
    expect(stored!.descriptionText).toContain('Wir bewegen Geld für kleine Unternehmen – 80.000 € brutto.');
    expect(stored!.descriptionHtml).toContain('für kleine Unternehmen – 80.000 €');
    expect(stored!.descriptionText).not.toMatch(/Ã|�/);
  });

  it('skips items missing a title or a link with a recorded reason, and stores the rest', async () => {
    const feed = WWR_FEED.replace('<title>Quillstack: Ruby on Rails Engineer</title>', '<title>   </title>');
    server.route('/feed', (_req, res) => send(res, feed, RSS_TYPE));
    server.route('/jobs', (_req, res) => {
      const data = JSON.parse(REMOTIVE_JSON.replace(/^\uFEFF/, '')) as { jobs: Record<string, unknown>[] };
      data.jobs.push({ ...data.jobs[0], id: 42, title: '' }, { ...data.jobs[0], id: 43, url: null });
      send(res, JSON.stringify(data), JSON_TYPE);
    });

    const rss = await ingest(weWorkRemotely, '/feed');
    expect(rss.status).toBe('succeeded');
    expect(rss.counts).toMatchObject({ fetched: 4, new: 2, skipped: 2 });
    expect(rss.problems).toHaveLength(2);
    expect(rss.problems.join('\n')).toMatch(/title/i);
    expect(rss.problems.join('\n')).toMatch(/link|url/i);
    const [rssRun] = await runsOf('weworkremotely');
    expect(rssRun).toMatchObject({ status: 'succeeded', fetched: 4, new: 2, skipped: 2, problems: rss.problems });

    const json = await ingest(remotive, '/jobs');
    expect(json.status).toBe('succeeded');
    const [jsonRun] = await runsOf('remotive');
    expect(jsonRun!.problems).toEqual(json.problems);
    expect(json.problems.some((p) => p.includes('42') && p.includes('title'))).toBe(true);
    expect(json.problems.some((p) => p.includes('43') && p.includes('url'))).toBe(true);
    expect(jsonRun!.skipped).toBe(json.counts.skipped);
    expect(json.counts.skipped).toBeGreaterThanOrEqual(2);
  });

  it('stores text holding NUL and other control characters, which PostgreSQL text cannot hold as sent', async () => {
    const data = JSON.parse(REMOTIVE_JSON.replace(/^\uFEFF/, '')) as { jobs: Record<string, unknown>[] };
    data.jobs[0] = { ...data.jobs[0], title: 'Backend\u0000 Engineer\u0007 (Node.js)', company_name: 'Lambda\u0000 Co', description: '<p>Build\u0000 our APIs.</p>' };
    server.route('/jobs', (_req, res) => send(res, JSON.stringify(data), JSON_TYPE));
    const result = await ingest(remotive, '/jobs');
    expect(result.error).toBeNull();
    expect(result).toMatchObject({ status: 'succeeded', counts: { new: 3, failed: 0 } });
    const [stored] = await database.db.select().from(listings).where(eq(listings.externalId, '3000001'));
    expect(stored).toMatchObject({ title: 'Backend Engineer (Node.js)', company: 'Lambda Co' });
    expect(stored!.descriptionHtml).toBe('<p>Build our APIs.</p>');
  });

  it('stores descriptions sanitized and reads odd date formats per item', async () => {
    const feed = WWR_FEED.replace('&lt;p&gt;Pipelines in Python.&lt;/p&gt;', '&lt;p onclick="steal()"&gt;Pipelines in Python.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href="javascript:alert(2)"&gt;apply&lt;/a&gt;')
      .replace('<pubDate>Mon, 03 Mar 2025 09:05:00 +0000</pubDate>', '<pubDate>2025-03-03 09:05</pubDate>')
      .replace('<pubDate>Tue, 04 Mar 2025 16:20:50 +0000</pubDate>', '<pubDate>sometime last week</pubDate>');
    server.route('/feed', (_req, res) => send(res, feed, RSS_TYPE));
    const result = await ingest(weWorkRemotely, '/feed');
    expect(result).toMatchObject({ status: 'succeeded', counts: { new: 3 } });
    const rows = await database.db.select().from(listings).orderBy(listings.title);
    const python = rows.find((row) => row.title.startsWith('Python'))!;
    expect(python.descriptionHtml).not.toMatch(/script|onclick|javascript:/i);
    expect(python.descriptionHtml).toContain('Pipelines in Python.');
    expect(python.descriptionText).not.toContain('alert');
    // An unreadable date does not cost the item: it is dated when first seen.
    for (const row of rows) expect(Number.isNaN(row.postedAt.getTime())).toBe(false);
  });

  it('lets the other boards finish while one hangs, and fails the hanging one with a timeout', async () => {
    server.route('/hang', () => new Promise(() => {})); // never answers
    server.route('/wwr', (_req, res) => send(res, WWR_FEED, RSS_TYPE));
    server.route('/remotive', (_req, res) => send(res, REMOTIVE_JSON, JSON_TYPE));
    const hanging = { ...remotive, id: 'hanging-board', name: 'Hanging Board' };
    const finished: string[] = [];
    const started = Date.now();
    const results = await ingestAll(
      database.db,
      [
        // The hanging board alone on 127.0.0.1; the others on "localhost", a host of their own.
        { board: hanging, url: server.url('/hang') },
        { board: weWorkRemotely, url: server.url('/wwr', 'localhost') },
        { board: remotive, url: server.url('/remotive', 'localhost') },
      ],
      { fetchText: fetcher({ totalTimeoutMs: 400, retries: 1 }), onResult: (r) => finished.push(r.boardId) },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(finished.at(-1)).toBe('hanging-board');
    const byId = Object.fromEntries(results.map((r) => [r.boardId, r]));
    expect(byId.weworkremotely).toMatchObject({ status: 'succeeded', counts: { new: 3 } });
    expect(byId.remotive).toMatchObject({ status: 'succeeded', counts: { new: 3 } });
    const message = `GET ${server.url('/hang')} failed: timed out after 400ms (after 2 attempts)`;
    expect(byId['hanging-board']).toMatchObject({ status: 'failed', httpStatus: null, error: message });
    expect(await runsOf('hanging-board')).toMatchObject([{ status: 'failed', httpStatus: null, error: message }]);
    expect(slept).toHaveLength(1);
  });

  it('ingests a 10,000-item board alongside a small one', { timeout: 120_000 }, async () => {
    const big = remotiveJobs(10_000);
    server.route('/big', (_req, res) => send(res, big, JSON_TYPE));
    server.route('/small', (_req, res) => send(res, WWR_FEED, RSS_TYPE));
    const results = await ingestAll(
      database.db,
      [
        { board: remotive, url: server.url('/big') },
        { board: weWorkRemotely, url: server.url('/small', 'localhost') },
      ],
      { fetchText: fetcher({ maxBodyBytes: 32 * 2 ** 20 }) },
    );
    const byId = Object.fromEntries(results.map((r) => [r.boardId, r]));
    expect(byId.remotive).toMatchObject({ status: 'succeeded', counts: { fetched: 10_000, new: 10_000, skipped: 0, failed: 0 } });
    expect(byId.weworkremotely).toMatchObject({ status: 'succeeded', counts: { new: 3 } });
    const counts = await queryRows<{ board_id: string; n: number }>(
      database.db,
      sql`select board_id, count(*)::int as n from listings where removed_at is null group by board_id order by board_id`,
    );
    expect(counts).toEqual([
      { board_id: 'remotive', n: 10_000 },
      { board_id: 'weworkremotely', n: 3 },
    ]);
    expect(await runsOf('remotive')).toMatchObject([{ status: 'succeeded', new: 10_000, fetched: 10_000 }]);
  });

  it('reads a board URL override from the environment', async () => {
    server.route('/override', (_req, res) => send(res, REMOTIVE_JSON, JSON_TYPE));
    vi.stubEnv(boardUrlEnvName('remotive'), server.url('/override'));
    try {
      const targets = await loadIngestTargets(database.db, ['remotive']);
      expect(targets.map((t) => [t.board.id, t.url])).toEqual([['remotive', server.url('/override')]]);
      const [result] = await ingestAll(database.db, targets, { fetchText: fetcher() });
      expect(result).toMatchObject({ status: 'succeeded', counts: { new: 3 } });
      const [board] = await database.db.select().from(boards).where(eq(boards.id, 'remotive'));
      expect(board!.url).toBe(server.url('/override'));
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
