import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { openDatabase } from '../db/client';
import { env } from '../lib/env';
import { ensureBuild, randomSecret, ROOT, startAppServer } from '../e2e/support/app-server';
import { startLocalServer } from '../test/support/local-server';
import { createEmptyPostgresDatabase } from '../test/support/test-db';
import { remotiveFeed, seeded, syntheticListings } from './feeds';
import { seedListings } from './seed-listings';
import { TARGETS } from './targets';
import { machine, markdownTable, percentile, round, throughputRatio, writeReport } from './support';

// `npm run bench -- load`: the production build (`next build && next start`) on PostgreSQL
// holding 200,000 listings; autocannon in this process (the server is another one) drives
// 50 connections for 60 s, half on /jobs and half on /api/jobs, with mixed filters, while an
// ingestion of a 3,000-item board runs in a third process. Then, with the ingestion done, the
// /jobs page alone and the floor page alone (app/bench-floor: 20 rows from memory in the site's
// layout, no database) each take all 50 connections for a third of that time: the page's
// throughput over the floor's is what the page costs above serving any page at all.
// LOAD_SECONDS / LOAD_LISTINGS shorten it for a quick look; the report says what was run.

const LISTINGS = Number(process.env.LOAD_LISTINGS ?? 200_000);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PAIR_SECONDS = Math.max(1, Math.round(SECONDS / 3));
const FLOOR_PATH = '/bench-floor';
/** The API floor (app/api/bench-floor): the floor page's rows as JSON through the same proxy and handler as /api/jobs. */
const API_FLOOR_PATH = '/api/bench-floor';
const CONNECTIONS = 50;
const INGEST_ITEMS = 3_000;
const INGEST_BOARD = 'remotive';

const LANGUAGES = ['go', 'python', 'rust', 'java', 'typescript', 'ruby', 'elixir', 'csharp'];
const SENIORITIES = ['junior', 'mid', 'senior'];
const REMOTES = ['remote', 'hybrid', 'onsite'];
const TERMS = ['postgres', 'kubernetes', 'payments', 'api', '"distributed systems"', 'kafka -java', 'graphql', 'fintech'];

/** Realistic mixes of the filters a learner uses: language + seniority + remote, text, salary floor, boards, dates. */
function filterMixes(count: number): string[] {
  const random = seeded(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const mixes: string[] = [];
  for (let i = 0; i < count; i++) {
    const params = new URLSearchParams();
    params.append('language', pick(LANGUAGES));
    if (random() < 0.2) params.append('language', pick(LANGUAGES));
    switch (i % 5) {
      case 0:
        params.set('seniority', pick(SENIORITIES));
        params.set('remote', pick(REMOTES));
        break;
      case 1:
        params.set('q', pick(TERMS));
        params.set('sort', 'relevance');
        break;
      case 2:
        params.set('salaryMin', String(40_000 + Math.floor(random() * 12) * 10_000));
        params.set('currency', pick(['USD', 'EUR', 'GBP']));
        params.set('sort', 'salary');
        break;
      case 3:
        params.set('postedWithin', pick(['24h', '7d', '30d']));
        params.set('role', 'backend');
        break;
      default:
        params.set('selfTaught', 'true');
        params.set('remote', 'remote');
    }
    mixes.push(params.toString());
  }
  return mixes;
}

interface Run {
  label: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** One autocannon instance; latencies are kept per response so p95 is exact (autocannon reports p97.5). */
function cannon(label: string, base: string, paths: string[], connections: number, seconds: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let next = 0;
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          label,
          requests: result.requests.total,
          rps: result.requests.total / seconds,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** Median time of 30 sequential requests for one URL, after 5 unmeasured ones. */
async function sequentialMs(url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 35; i++) {
    const start = performance.now();
    await (await fetch(url)).arrayBuffer();
    if (i >= 5) times.push(performance.now() - start);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

/** Resident memory of every process in the server's process group (next start and its workers). */
function groupRssMb(pgid: number): number {
  let kb = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(join('/proc', entry, 'stat'), 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue; // field 5 of stat: process group
      const status = readFileSync(join('/proc', entry, 'status'), 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return Math.round(kb / 1024);
}

function ingestInBackground(databaseUrl: string, feedUrl: string): Promise<{ ms: number; code: number | null; output: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', '--conditions=react-server', 'lib/ingest/cli.ts', '--board', INGEST_BOARD, '--url', feedUrl, '--force'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, TEST_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, output }));
  });
}

export async function benchLoad(): Promise<Record<string, unknown>> {
  if (!env().TEST_DATABASE_URL) {
    throw new Error('load: set TEST_DATABASE_URL to a PostgreSQL server (see README: Benchmarks); the load test runs on PostgreSQL only.');
  }
  console.log(
    `load: ${LISTINGS} listings, ${CONNECTIONS} connections for ${SECONDS} s on /jobs and /api/jobs while a board ingests, ` +
      `then ${PAIR_SECONDS} s each on /jobs alone and on the floor page`,
  );
  const buildEnv = { ...process.env, NEXT_DIST_DIR: '.next-bench' };
  await ensureBuild((message) => console.log(message.replace(/^e2e: /, 'load: ')), buildEnv);

  const database = await createEmptyPostgresDatabase();
  const feed = remotiveFeed(syntheticListings(INGEST_ITEMS, { days: 30, seed: 99 }));
  const feedServer = await startLocalServer({
    '/feed': (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(feed);
    },
  });
  try {
    const handle = await openDatabase({ driver: 'postgres', url: database.url, source: 'TEST_DATABASE_URL' });
    const client = postgres(database.url, { max: 4, onnotice: () => {} });
    try {
      // The ingested board starts empty: its run adds 3,000 postings, as a board's first run or a
      // busy day does, rather than marking the seeded ones removed.
      const seed = await seedListings(handle.db, client, { count: LISTINGS, excludeBoards: [INGEST_BOARD] });
      console.log(`load: seeded ${seed.rows} listings in ${round((seed.insertMs + seed.indexMs) / 1000)} s`);
    } finally {
      await client.end();
      await handle.close();
    }

    const serverLog = join(ROOT, 'bench', 'reports', 'load-server.log');
    const server = await startAppServer(
      { ...buildEnv, DATABASE_URL: database.url, TEST_DATABASE_URL: '', AUTH_SECRET: randomSecret(), INGEST_SCHEDULE: 'false', TRACKEND_BENCH_FLOOR: '1' },
      serverLog,
    );
    try {
      const mixes = filterMixes(400);
      const floorAnswer = await fetch(`${server.url}${FLOOR_PATH}`);
      await floorAnswer.arrayBuffer();
      if (floorAnswer.status !== 200) throw new Error(`load: the floor page ${FLOOR_PATH} answered ${floorAnswer.status}; the server must run with TRACKEND_BENCH_FLOOR=1`);
      const apiFloorAnswer = await fetch(`${server.url}${API_FLOOR_PATH}`);
      await apiFloorAnswer.arrayBuffer();
      if (apiFloorAnswer.status !== 200) throw new Error(`load: the API floor ${API_FLOOR_PATH} answered ${apiFloorAnswer.status}`);
      // Warm the route code paths once, as any running server would be.
      for (const mix of mixes.slice(0, 10)) {
        await (await fetch(`${server.url}/jobs?${mix}`)).arrayBuffer();
        await (await fetch(`${server.url}/api/jobs?${mix}`)).arrayBuffer();
        await (await fetch(`${server.url}${FLOOR_PATH}`)).arrayBuffer();
        await (await fetch(`${server.url}${API_FLOOR_PATH}`)).arrayBuffer();
      }
      // The bound under any concurrency: one request at a time with the listings snapshot loaded
      // (lib/search/snapshot-store.ts), so the in-process match, the page's rows by id, the counts, rendering and HTTP remain.
      // And the floors one at a time: what this server takes for any page of rows, any /api answer.
      const warm = {
        page: await sequentialMs(`${server.url}/jobs?${mixes[0]}`),
        api: await sequentialMs(`${server.url}/api/jobs?${mixes[0]}`),
        floor: await sequentialMs(`${server.url}${FLOOR_PATH}`),
        apiFloor: await sequentialMs(`${server.url}${API_FLOOR_PATH}`),
      };
      console.log(
        `load: one request at a time, snapshot loaded: page ${round(warm.page)} ms, API ${round(warm.api)} ms; ` +
          `floor page ${round(warm.floor)} ms, API floor ${round(warm.apiFloor)} ms (median of 30)`,
      );
      let peakRssMb = groupRssMb(server.pid);
      const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, groupRssMb(server.pid))), 250);
      const ingest = ingestInBackground(database.url, feedServer.url('/feed'));
      const [page, api] = await Promise.all([
        cannon('/jobs (page)', server.url, mixes.map((mix) => `/jobs?${mix}`), CONNECTIONS / 2, SECONDS),
        cannon('/api/jobs', server.url, mixes.map((mix) => `/api/jobs?${mix}`), CONNECTIONS / 2, SECONDS),
      ]);
      const ingestion = await ingest;
      clearInterval(sampler);
      peakRssMb = Math.max(peakRssMb, groupRssMb(server.pid));

      // The page and the floor, each alone with every connection and nothing ingesting. The
      // ingestion's commit changed listings_version: one request first loads the new snapshot.
      await (await fetch(`${server.url}/jobs?${mixes[0]}`)).arrayBuffer();
      const pageAlone = await cannon('/jobs (page) alone', server.url, mixes.map((mix) => `/jobs?${mix}`), CONNECTIONS, PAIR_SECONDS);
      const floor = await cannon(`${FLOOR_PATH} (floor) alone`, server.url, [FLOOR_PATH], CONNECTIONS, PAIR_SECONDS);
      const pageToFloor = throughputRatio(pageAlone.rps, floor.rps);
      const pair = [pageAlone, floor];

      const total = {
        requests: page.requests + api.requests,
        rps: page.rps + api.rps,
        // Every phase's: a failing page or floor would make the ratio meaningless too.
        errors: [page, api, ...pair].reduce((sum, run) => sum + run.errors + run.non2xx, 0),
      };
      const ingestLine = ingestion.output.trim().split('\n').filter(Boolean).slice(-3).join(' / ');
      const header = ['endpoint', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx'];
      const tableOf = (runs: Run[]) =>
        markdownTable(header, runs.map((r) => [r.label, r.requests, round(r.rps), round(r.p50), round(r.p95), round(r.p99), r.errors, r.non2xx]));
      const mixed = tableOf([page, api]);
      const alone = tableOf(pair);
      console.log(mixed);
      console.log(alone);
      console.log(`load: /jobs over the floor page, both alone under ${CONNECTIONS} connections: ${pageToFloor ?? 'not measured'} (target at least ${TARGETS.pageToFloor})`);
      console.log(`load: ingestion during the run: exit ${ingestion.code} in ${round(ingestion.ms / 1000)} s (${ingestLine})`);
      console.log(`load: server peak RSS ${peakRssMb} MiB`);
      const path = writeReport('load', 'Load benchmark: /jobs and /api/jobs under 50 connections', [
        `PostgreSQL with ${LISTINGS.toLocaleString('en-US')} listings, production build (\`next start\`), autocannon from the benchmark process on loopback: ` +
          `${CONNECTIONS} connections for ${SECONDS} s, ${CONNECTIONS / 2} on the /jobs page and ${CONNECTIONS / 2} on /api/jobs, cycling 400 filter mixes ` +
          `(language + seniority + remote, text search by relevance, salary floor in USD/EUR/GBP by salary, posted within + role, self-taught + remote). ` +
          `Meanwhile \`npm run ingest\` read a ${INGEST_ITEMS}-item board (${INGEST_BOARD}, left empty by the seed, so every item is new) from a local server in a third process.`,
        '',
        mixed,
        '',
        `Then, the ingestion finished, each alone with all ${CONNECTIONS} connections for ${PAIR_SECONDS} s: the /jobs page (the same filter mixes) and the floor, ` +
          `\`${FLOOR_PATH}\` (app/bench-floor: 20 rows built once in memory, drawn by /jobs's JobRow inside the root layout, no database; a 404 unless TRACKEND_BENCH_FLOOR=1, which this server has).`,
        '',
        alone,
        '',
        `- Total (the mixed run): ${total.requests} requests, ${round(total.rps)} req/s; ${total.errors} errors or non-2xx answers in all three runs.`,
        `- /jobs over the floor (req/s against req/s): ${pageToFloor ?? 'not measured'}.`,
        `- Targets: zero errors (${total.errors === 0 ? 'met' : 'missed'}); page p95 under ${TARGETS.loadPageP95Ms} ms (${page.p95 < TARGETS.loadPageP95Ms ? 'met' : `missed: ${round(page.p95)} ms`}); ` +
          `page at least ${TARGETS.pageToFloor} of the floor's throughput (${pageToFloor !== null && pageToFloor >= TARGETS.pageToFloor ? 'met' : `missed: ${pageToFloor ?? 'not measured'}`}); ` +
          `one at a time, the page at most ${TARGETS.warmPageMs} ms (${warm.page <= TARGETS.warmPageMs ? 'met' : `missed: ${round(warm.page)} ms`}) and /api/jobs at most ${TARGETS.warmApiMs} ms (${warm.api <= TARGETS.warmApiMs ? 'met' : `missed: ${round(warm.api)} ms`}).`,
        `- Server peak RSS (the \`next start\` process group): ${peakRssMb} MiB.`,
        `- One request at a time, with the snapshot of open listings loaded (facets and the market view are counted in-process on every request): the page takes ${round(warm.page)} ms and /api/jobs ${round(warm.api)} ms (median of 30), beside the floors one at a time: the floor page ${round(warm.floor)} ms and the API floor (\`${API_FLOOR_PATH}\`: the floor's rows as JSON through the same proxy and handler, no database) ${round(warm.apiFloor)} ms. ` +
          `That bounds them under load: with ${CONNECTIONS / 2} connections on each, a CPU-bound server needs about ${CONNECTIONS / 2} × ${round(warm.page)} ms = ${Math.round((CONNECTIONS / 2) * warm.page)} ms per page round, ` +
          `spread over ${cpus().length} CPUs that PostgreSQL, the ingestion and the load generator share. The ingestion's commit changes listings_version: the requests after it wait for a new snapshot (about 0.6 s for ${LISTINGS.toLocaleString('en-US')} listings), and text searches fetch their words again.`,
        `- Ingestion during the run: exit code ${ingestion.code}, ${round(ingestion.ms / 1000)} s. ${ingestLine}`,
        `- Machine: ${machine()}. The load generator, the server, PostgreSQL and the ingestion share these CPUs.`,
      ]);
      console.log(`load: report written to ${path}`);
      return {
        bench: 'load',
        listings: LISTINGS,
        seconds: SECONDS,
        connections: CONNECTIONS,
        rps: round(total.rps),
        // Headline percentiles are the worse endpoint's, not a blend.
        p50_ms: round(Math.max(page.p50, api.p50)),
        p95_ms: round(Math.max(page.p95, api.p95)),
        p99_ms: round(Math.max(page.p99, api.p99)),
        page_p95_ms: round(page.p95),
        api_p95_ms: round(api.p95),
        errors: total.errors,
        server_peak_rss_mb: peakRssMb,
        warm_page_ms: round(warm.page),
        warm_api_ms: round(warm.api),
        warm_floor_ms: round(warm.floor),
        warm_api_floor_ms: round(warm.apiFloor),
        ingest_exit_code: ingestion.code,
        floor_rps: round(floor.rps),
        page_to_floor: pageToFloor,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await feedServer.close();
    await database.drop();
  }
}
