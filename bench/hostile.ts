import { loadavg } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { NextRequest } from 'next/server';
import { getDb, type DatabaseHandle } from '../db/client';
import { contentHash, prepareListing } from '../lib/ingest/prepare';
import { preparePool } from '../lib/ingest/prepare-pool';
import { ingestBoard } from '../lib/ingest/run-board';
import { validateRawListing } from '../lib/ingest/validate';
import { createFetcher } from '../scrapers/fetcher';
import { board as remotive } from '../scrapers/remotive';
import { FIVE_200KB_ONE_WORD, HOSTILE_DESCRIPTIONS } from '../test/support/hostile-descriptions';
import { startLocalServer } from '../test/support/local-server';
import { createTestDatabase, TEST_DRIVER } from '../test/support/test-db';
import { remotiveFeed, syntheticListings, type SyntheticListing } from './feeds';
import { markdownTable, percentile, round, writeReport } from './support';
import { TARGETS } from './targets';

// `npm run bench -- hostile`: a feed of adversarial descriptions (test/support/hostile-descriptions.ts)
// served from 127.0.0.1 as Remotive's URL override and ingested into a throwaway database
// (PostgreSQL with TEST_DATABASE_URL, else PGlite) that holds 2,000 ordinary listings, while the
// /api/jobs route handler answers one request at a time in this same process, so on the event
// loop ingestion shares. First the same requests with nothing ingesting. Preparing runs in the
// worker pool; what is left on this event loop (fetch, JSON parse, validation, hashing, the
// database driver) is what the during-ingestion p99 measures.

const NORMAL_LISTINGS = 2_000;
/**
 * Requests per phase. A p99 of 300 is the third-slowest answer, and two or three garbage
 * collections decide it; of 1,000 it is the tenth.
 */
const REQUESTS = 1_000;
const WARMUP = 20;
/** The corpus repeated (fresh ids each time), so an ingestion round lasts long enough to sample. */
const COPIES_PER_ROUND = 1;
const MAX_ROUNDS = 20;

const CORPUS = [...HOSTILE_DESCRIPTIONS, ...FIVE_200KB_ONE_WORD];

const QUERIES = [
  'limit=20',
  'language=go',
  'language=python&seniority=senior',
  'q=golang%20remote',
  'remote=remote&sort=salary',
  'postedWithin=30d&role=backend',
  'selfTaught=true&language=go',
  'board=remotive&limit=50',
];

async function apiMs(get: (request: NextRequest) => Promise<Response>, query: string): Promise<number> {
  // A request reaches a server through its socket, so the event loop turns between requests. On
  // PGlite (in this thread) an answer can settle without any I/O, and back-to-back calls would
  // never let the ingestion's own I/O run.
  await yieldToEventLoop();
  const start = performance.now();
  const response = await get(new NextRequest(`http://localhost/api/jobs?${query}`));
  const body = await response.text();
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`hostile bench: /api/jobs?${query} answered ${response.status}: ${body.slice(0, 200)}`);
  return ms;
}

const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
};

/** One round's feed: the corpus under fresh ids. */
function hostileListings(template: SyntheticListing, round: number): SyntheticListing[] {
  return Array.from({ length: COPIES_PER_ROUND }, (_, copy) =>
    CORPUS.map((entry, i) => ({
      ...template,
      id: 9_000_000 + round * 10_000 + copy * 1_000 + i,
      title: `Go Backend Engineer (${entry.name})`,
      company: `Hostile Co ${i}`,
      description: entry.html,
      postedAt: new Date(),
    })),
  ).flat();
}

/** Each corpus entry prepared once on this thread: what it costs wherever it runs. */
function itemCosts() {
  return CORPUS.map((entry) => {
    const checked = validateRawListing({
      board: 'remotive', externalId: 'cost', url: 'https://remotive.com/remote-jobs/cost', title: 'Go Backend Engineer', company: 'Hostile Co',
      location: 'Europe', salaryText: null, tags: ['golang'], descriptionHtml: entry.html, postedAt: new Date(),
    });
    if (!checked.ok) throw new Error(`hostile bench: ${entry.name} refused: ${checked.reason}`);
    const start = performance.now();
    const row = prepareListing(checked.item, contentHash(checked.item), { isSample: false, rates: { USD: 1 } });
    const ms = performance.now() - start;
    return { name: entry.name, inputChars: entry.html.length, htmlChars: row.descriptionHtml?.length ?? 0, textChars: row.descriptionText?.length ?? 0, ms };
  });
}

export async function benchHostile(): Promise<Record<string, unknown>> {
  const database = await createTestDatabase();
  // The route's getDb() answers with the bench database (the same slot db/client.ts fills).
  (globalThis as unknown as { trackendDb?: Promise<DatabaseHandle> }).trackendDb = Promise.resolve(database);
  const normal = syntheticListings(NORMAL_LISTINGS, { days: 30 });
  const feeds = new Map<string, Buffer>([['/normal', Buffer.from(remotiveFeed(normal))]]);
  const server = await startLocalServer({
    '/feed': (req, res) => {
      const body = feeds.get(new URL(req.url ?? '/', 'http://x').searchParams.get('f') ?? '') ?? Buffer.from('{}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    },
  });
  const { fetchText } = createFetcher({ maxBodyBytes: 64 * 2 ** 20, minIntervalMsPerHost: 0, retries: 0 });
  const ingest = (feed: string, board = remotive) =>
    ingestBoard(database.db, board, { fetchText, url: server.url(`/feed?f=${encodeURIComponent(feed)}`), force: true });
  // The ordinary listings live on a board of their own, so each hostile round's feed (complete,
  // like Remotive's) holds only the corpus and leaves them listed.
  const ordinary = { ...remotive, id: 'bench-ordinary', name: 'Ordinary listings (Remotive format)' };

  try {
    if ((await getDb()) !== database.db) throw new Error('hostile bench: the route would not query the bench database');
    console.log(`hostile: ${TEST_DRIVER}; seeding ${NORMAL_LISTINGS.toLocaleString('en')} listings, corpus of ${CORPUS.length} descriptions × ${COPIES_PER_ROUND} per round`);
    const seeded = await ingest('/normal', ordinary);
    if (seeded.status !== 'succeeded') throw new Error(`hostile bench: seeding failed: ${seeded.error}`);

    const { GET } = await import('../app/api/jobs/route');
    const query = (i: number) => QUERIES[i % QUERIES.length]!;
    for (let i = 0; i < WARMUP; i++) await apiMs(GET, query(i));

    const idle: number[] = [];
    for (let i = 0; i < REQUESTS; i++) idle.push(await apiMs(GET, query(i)));
    const loadIdle = round(loadavg()[0]!);

    // Whole rounds of hostile ingestion (fetch to commit, so the writes are measured too), until
    // REQUESTS requests have been answered during them.
    const during: number[] = [];
    const rounds: { round: number; ms: number; status: string; fetched: number; new: number; failed: number; skipped: number }[] = [];
    for (let r = 1; r <= MAX_ROUNDS && during.length < REQUESTS; r++) {
      const name = `/hostile-${r}`;
      feeds.set(name, Buffer.from(remotiveFeed(hostileListings(normal[0]!, r))));
      const started = performance.now();
      let finished = false;
      const running = ingest(name).finally(() => (finished = true));
      for (let i = 0; !finished; i++) during.push(await apiMs(GET, query(i)));
      const result = await running;
      rounds.push({ round: r, ms: Math.round(performance.now() - started), status: result.status, fetched: result.counts.fetched, new: result.counts.new, failed: result.counts.failed, skipped: result.counts.skipped });
      feeds.delete(name);
    }
    const loadDuring = round(loadavg()[0]!);
    const pool = preparePool().stats();
    const costs = itemCosts();

    const idleStats = summary(idle);
    const duringStats = summary(during);
    const ratio = duringStats.p99 / idleStats.p99;
    const worst = costs.reduce((a, b) => (b.ms > a.ms ? b : a));
    const apiTable = markdownTable(
      ['phase', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'load avg'],
      [
        ['idle', idleStats.n, round(idleStats.p50), round(idleStats.p95), round(idleStats.p99), round(idleStats.max), loadIdle],
        ['during ingestion', duringStats.n, round(duringStats.p50), round(duringStats.p95), round(duringStats.p99), round(duringStats.max), loadDuring],
      ],
    );
    const roundTable = markdownTable(
      ['round', 'ms', 'status', 'fetched', 'new', 'skipped', 'failed'],
      rounds.map((r) => [r.round, r.ms, r.status, r.fetched, r.new, r.skipped, r.failed]),
    );
    const itemTable = markdownTable(
      ['description', 'input chars', 'stored HTML chars', 'text chars', 'prepare ms'],
      costs.map((c) => [c.name.replace(/</g, '&lt;'), c.inputChars.toLocaleString('en'), c.htmlChars.toLocaleString('en'), c.textChars.toLocaleString('en'), round(c.ms)]),
    );
    console.log(`\n/api/jobs, one request at a time in the ingesting process\n${apiTable}\n\nIngestion rounds\n${roundTable}\n\nEach description prepared once (on the main thread, after the API phases)\n${itemTable}\n`);
    console.log(`hostile: prepare pool ran ${pool.tasks} tasks on threads ${pool.threadIds.join(', ')}; during/idle p99 ${round(ratio, 2)} (target ≤ ${TARGETS.hostileP99Ratio})`);
    const report = writeReport('hostile', 'Hostile descriptions: /api/jobs while they are ingested', [
      `Database: ${TEST_DRIVER === 'postgres' ? 'a throwaway PostgreSQL database (TEST_DATABASE_URL)' : 'in-memory PGlite'}, seeded with ${NORMAL_LISTINGS.toLocaleString('en')} synthetic listings from Remotive's format.`,
      `Each round serves Remotive's feed from 127.0.0.1 holding the ${CORPUS.length} descriptions of \`test/support/hostile-descriptions.ts\` (${COPIES_PER_ROUND}× under fresh ids; the ordinary listings are on a board of their own); the /api/jobs route handler runs in the same process, one request at a time (${QUERIES.length} filter mixes in turn), first with nothing ingesting, then while rounds run.`,
      `Preparing ran in the worker pool (${pool.tasks} tasks on threads ${pool.threadIds.join(', ')}). Load average is the machine's 1-minute figure at the end of each phase: other work shares the CPUs.`,
      '',
      '## /api/jobs',
      '',
      apiTable,
      '',
      `During over idle p99: **${round(ratio, 2)}** (target at most ${TARGETS.hostileP99Ratio}).`,
      '',
      '## Ingestion rounds',
      '',
      roundTable,
      '',
      '## Cost of each description',
      '',
      'Validated (cut at 200,000 characters), then sanitized, turned into text and classified by `prepareListing` on the main thread, once each after the API phases.',
      '',
      itemTable,
    ]);
    console.log(`hostile: report written to ${report}`);
    return {
      bench: 'hostile',
      worst_item_ms: round(worst.ms),
      api_p99_idle_ms: round(idleStats.p99),
      api_p99_during_ms: round(duringStats.p99),
      ratio: round(ratio, 2),
      target_ratio: TARGETS.hostileP99Ratio,
      worst_item: worst.name,
      requests_during: duringStats.n,
      driver: TEST_DRIVER,
    };
  } finally {
    await server.close();
    await preparePool().close();
    await database.close();
  }
}
