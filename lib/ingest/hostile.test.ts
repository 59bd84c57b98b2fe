import type { ServerResponse } from 'node:http';
import { threadId } from 'node:worker_threads';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listings } from '../../db/schema';
import { createFetcher } from '../../scrapers/fetcher';
import { board as remotive } from '../../scrapers/remotive';
import { FIVE_200KB_ONE_WORD, HOSTILE_DESCRIPTIONS, type HostileDescription } from '../../test/support/hostile-descriptions';
import { startLocalServer, type LocalServer } from '../../test/support/local-server';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { contentHash, prepareListing, type PreparedListing } from './prepare';
import { preparePool } from './prepare-pool';
import { ingestBoard } from './run-board';
import { MAX_DESCRIPTION_HTML, validateRawListing } from './validate';

// Descriptions built to be expensive (test/support/hostile-descriptions.ts) must each complete
// and leave a sane row: its text kept, its HTML safe. No timing is asserted; vitest's timeout
// is the only clock.

const SENIORITIES = ['intern', 'junior', 'mid', 'senior', 'lead', 'unknown'];
const VOID_TAGS = new Set(['br', 'hr']);

/** How deep the tags of sanitized HTML nest. */
function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, close, name] of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi)) {
    if (VOID_TAGS.has(name!.toLowerCase())) continue;
    depth = close ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

function expectSaneRow(row: Pick<PreparedListing, 'descriptionHtml' | 'descriptionText' | 'seniority' | 'languages'>, hostile: HostileDescription) {
  const html = row.descriptionHtml ?? '';
  const text = row.descriptionText ?? '';
  expect(html).not.toMatch(/<(script|img|div|iframe|style)\b|\bon\w+\s*=|javascript:/i);
  expect(nestingDepth(html)).toBeLessThanOrEqual(40);
  expect(text).not.toMatch(/<script/i);
  expect(text.length).toBeLessThanOrEqual(MAX_DESCRIPTION_HTML);
  if (hostile.keeps) expect(text).toContain(hostile.keeps);
  expect(SENIORITIES).toContain(row.seniority);
  expect(Array.isArray(row.languages)).toBe(true);
}

const raw = (hostile: HostileDescription, n: number) => ({
  board: 'remotive',
  externalId: `hostile-${n}`,
  url: `https://remotive.com/remote-jobs/software-dev/hostile-${n}`,
  title: `Go Backend Engineer ${n}`,
  company: 'Hostile Co',
  location: 'Europe',
  salaryText: null,
  tags: ['golang'],
  descriptionHtml: hostile.html,
  postedAt: new Date('2026-11-20T09:00:00Z'),
});

const CORPUS = [...HOSTILE_DESCRIPTIONS, ...FIVE_200KB_ONE_WORD];

describe('hostile descriptions through prepareListing', () => {
  it.each(CORPUS.map((hostile, n) => [hostile.name, hostile, n] as const))('%s completes with a sane row', (_name, hostile, n) => {
    const checked = validateRawListing(raw(hostile, n));
    // Kept, cut to the stored maximum, never refused for its size.
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.item.descriptionHtml.length).toBe(Math.min(hostile.html.length, MAX_DESCRIPTION_HTML));
    const row = prepareListing(checked.item, contentHash(checked.item), { isSample: false, rates: { USD: 1 } });
    expectSaneRow(row, hostile);
  });
});

describe(`hostile descriptions through a whole board ingestion from 127.0.0.1 (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  let server: LocalServer;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    await database.db.execute(sql`truncate boards, listings, ingest_runs cascade`);
    server = await startLocalServer();
  });
  afterEach(async () => {
    await server.close();
  });

  /** Remotive's response shape, one job per description. */
  const feed = (descriptions: HostileDescription[]) =>
    JSON.stringify({
      'job-count': descriptions.length,
      jobs: descriptions.map((hostile, n) => ({
        id: 7_000_000 + n,
        url: `https://remotive.com/remote-jobs/software-dev/hostile-${n}`,
        title: `Go Backend Engineer ${n}`,
        company_name: 'Hostile Co',
        tags: ['golang'],
        job_type: 'full_time',
        publication_date: '2026-11-01T10:00:00',
        candidate_required_location: 'Europe',
        salary: '',
        description: hostile.html,
      })),
    });

  async function ingest(descriptions: HostileDescription[], board = remotive) {
    const body = feed(descriptions);
    server.route('/feed', (_req, res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    const tasksBefore = preparePool().stats().tasks;
    const result = await ingestBoard(database.db, board, {
      fetchText: createFetcher({ retries: 0, minIntervalMsPerHost: 0, maxBodyBytes: 32 * 2 ** 20 }).fetchText,
      url: server.url('/feed'),
    });
    const stats = preparePool().stats();
    return { result, tasks: stats.tasks - tasksBefore, threadIds: stats.threadIds };
  }

  const stored = (boardId = 'remotive') =>
    database.db
      .select({ externalId: listings.externalId, descriptionHtml: listings.descriptionHtml, descriptionText: listings.descriptionText, seniority: listings.seniority, languages: listings.languages })
      .from(listings)
      .where(eq(listings.boardId, boardId))
      .orderBy(asc(listings.id));

  it('stores every hostile description, prepared in the worker pool', async () => {
    const { result, tasks, threadIds } = await ingest(HOSTILE_DESCRIPTIONS);
    expect(result).toMatchObject({ status: 'succeeded', counts: { fetched: HOSTILE_DESCRIPTIONS.length, new: HOSTILE_DESCRIPTIONS.length, skipped: 0, failed: 0 } });
    // Batches went to worker threads, not this one.
    // (Large descriptions go a few per task: a task's message is cloned on the serving thread.)
    expect(tasks).toBeGreaterThan(0);
    expect(threadIds).not.toContain(threadId);
    const rows = await stored();
    expect(rows).toHaveLength(HOSTILE_DESCRIPTIONS.length);
    rows.forEach((row, n) => expectSaneRow(row, HOSTILE_DESCRIPTIONS[n]!));
  });

  it('stores the items a board built on another board\'s parser validated in the worker under its own id', async () => {
    // Validated and hashed in the worker under the parser's id ("remotive"), stored as the board's.
    const copy = { ...remotive, id: 'remotive-mirror', name: 'Remotive mirror' };
    const { result } = await ingest(FIVE_200KB_ONE_WORD, copy);
    expect(result).toMatchObject({ status: 'succeeded', counts: { new: 5 } });
    expect(await stored('remotive')).toHaveLength(0);
    expect(await stored('remotive-mirror')).toHaveLength(5);
    // The hash does not depend on the board: the same feed again is unchanged.
    const again = await ingest(FIVE_200KB_ONE_WORD, copy);
    expect(again.result).toMatchObject({ status: 'succeeded', counts: { new: 0, updated: 0, unchanged: 5 } });
  });

  it('stores the five ~200 kB one-word descriptions of the report', async () => {
    const { result } = await ingest(FIVE_200KB_ONE_WORD);
    expect(result).toMatchObject({ status: 'succeeded', counts: { new: 5, skipped: 0, failed: 0 } });
    const rows = await stored();
    rows.forEach((row, n) => expectSaneRow(row, FIVE_200KB_ONE_WORD[n]!));
  });
});
