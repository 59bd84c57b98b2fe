import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/types';
import { startLocalServer, type LocalServer } from '../../test/support/local-server';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { queueName } from './pg-boss';

// Two `npm run worker` processes (pg-boss) against one PostgreSQL database: each board is
// ingested once per schedule slot, whichever worker takes it. pg-boss needs a real server, so
// on PGlite these tests are skipped (run them with TEST_DATABASE_URL set, as CI does).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKER = fileURLToPath(new URL('../../test/support/pg-boss-test-worker.ts', import.meta.url));
const fixture = (path: string) => readFileSync(new URL(`../../scrapers/${path}`, import.meta.url), 'utf8');
const FEEDS: Record<string, { path: string; body: string; type: string }> = {
  remotive: { path: '/remotive', body: fixture('remotive/fixtures/remote-jobs.json'), type: 'application/json' },
  weworkremotely: { path: '/wwr', body: fixture('weworkremotely/fixtures/back-end-programming.rss'), type: 'application/rss+xml' },
  arbeitnow: { path: '/arbeitnow', body: fixture('arbeitnow/fixtures/arbeitnow-api.json'), type: 'application/json' },
};
const BOARD_IDS = Object.keys(FEEDS);

interface WorkerEvent {
  pid: number;
  started?: boolean;
  stopped?: boolean;
  ran?: string;
  status?: string;
  error?: string | null;
  log?: string;
}

interface Worker {
  child: ChildProcess;
  events: WorkerEvent[];
  stderr: string[];
  exited: Promise<number | null>;
}

function startWorker(config: { databaseUrl: string; cron: string; boards: { id: string; url: string }[]; neverIngested: string[] }): Worker {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', WORKER, JSON.stringify(config)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const events: WorkerEvent[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      events.push(JSON.parse(line) as WorkerEvent);
    } catch {
      stderr.push(line);
    }
  });
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, events, stderr, exited };
}

async function waitFor(what: string, condition: () => boolean, workers: Worker[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    const dead = workers.find((w) => w.child.exitCode !== null);
    if (dead) throw new Error(`a worker exited (${dead.child.exitCode}) while waiting for ${what}: ${dead.stderr.join('\n')}`);
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(workers.map((w) => w.events))}; stderr: ${workers.flatMap((w) => w.stderr).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A cron expression (UTC) for one minute only, at least 10 s from its end, and that minute. */
function oneSlot(now = new Date()): { cron: string; at: Date } {
  const at = new Date(now);
  at.setUTCSeconds(0, 0);
  if (now.getUTCSeconds() >= 50) at.setUTCMinutes(at.getUTCMinutes() + 1);
  return { cron: `${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} *`, at };
}

/** A cron expression whose only slot of the year passed ten minutes ago: never due during the test. */
function noSlot(now = new Date()): string {
  const at = new Date(now.getTime() - 10 * 60_000);
  return `${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} *`;
}

describe('pg-boss scheduled ingestion with two worker processes', () => {
  let database: TestDatabase | undefined;
  let server: LocalServer;
  let workers: Worker[] = [];

  beforeEach(async () => {
    if (TEST_DRIVER !== 'postgres') return;
    database = await createTestDatabase();
    server = await startLocalServer();
    for (const feed of Object.values(FEEDS)) {
      server.route(feed.path, (_req, res) => res.writeHead(200, { 'content-type': feed.type }).end(feed.body));
    }
  });
  afterEach(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    workers = [];
    await server?.close();
    await database?.close();
  });

  const boardConfig = () => BOARD_IDS.map((id) => ({ id, url: server.url(FEEDS[id]!.path) }));

  /** Reschedule every board queue (as a deploy with a new interval would), from a client that runs no jobs. */
  async function setSchedules(cron: string) {
    const boss = new PgBoss({ connectionString: database!.url!, schema: 'pgboss', supervise: false, schedule: false, migrate: false, max: 1 });
    await boss.start();
    try {
      for (const id of BOARD_IDS) await boss.schedule(queueName(id), cron, { boardId: id }, { tz: 'UTC' });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }

  async function runTwoWorkers(
    config: { cron: string; neverIngested: string[]; afterStart?: () => Promise<void> },
    until: () => boolean,
  ) {
    const databaseUrl = database!.url!;
    workers = [0, 1].map(() => startWorker({ databaseUrl, boards: boardConfig(), cron: config.cron, neverIngested: config.neverIngested }));
    await waitFor('both workers to start', () => workers.every((w) => w.events.some((e) => e.started)), workers, 60_000);
    await config.afterStart?.();
    await waitFor('every board to be ingested', until, workers, 90_000);
    // Long enough for a second copy of any job to be queued and polled (every 1 s) if there were one.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    for (const worker of workers) worker.child.kill('SIGTERM');
    const codes = await Promise.all(workers.map((w) => w.exited));
    expect(codes, workers.flatMap((w) => w.stderr).join('\n')).toEqual([0, 0]);
  }

  const ranEvents = () => workers.flatMap((w) => w.events.filter((e) => e.ran).map((e) => ({ pid: e.pid, board: e.ran!, status: e.status })));
  const runsPerBoard = () =>
    queryRows<{ board_id: string; runs: number; succeeded: number }>(
      database!.db,
      sql`select board_id, count(*)::int as runs, count(*) filter (where status = 'succeeded')::int as succeeded
          from ingest_runs group by board_id order by board_id`,
    );

  it.skipIf(TEST_DRIVER !== 'postgres')(
    'ingests each board exactly once for one schedule slot (skipped on PGlite: pg-boss needs a PostgreSQL server)',
    { timeout: 180_000 },
    async () => {
      // The workers start with a schedule that is never due; once both are up, the schedule
      // becomes this one minute, so a slow start on a busy machine cannot miss the slot.
      let slot = oneSlot();
      await runTwoWorkers(
        {
          cron: noSlot(),
          neverIngested: [],
          afterStart: async () => {
            slot = oneSlot();
            await setSchedules(slot.cron);
          },
        },
        () => new Set(ranEvents().map((e) => e.board)).size === BOARD_IDS.length,
      );

      expect(ranEvents().map((e) => e.board).sort()).toEqual([...BOARD_IDS].sort());
      expect(ranEvents().every((e) => e.status === 'succeeded')).toBe(true);
      expect(await runsPerBoard()).toEqual([...BOARD_IDS].sort().map((board_id) => ({ board_id, runs: 1, succeeded: 1 })));
      for (const id of BOARD_IDS) expect(server.requests.filter((r) => r.path === FEEDS[id]!.path)).toHaveLength(1);
      // No run before the slot: the jobs came from the schedule.
      const [first] = await queryRows<{ started: Date }>(database!.db, sql`select min(started_at) as started from ingest_runs`);
      expect(new Date(first!.started).getTime()).toBeGreaterThanOrEqual(slot.at.getTime() - 1_000);
      const listings = await queryRows<{ n: number }>(database!.db, sql`select count(*)::int as n from listings`);
      expect(listings[0]!.n).toBeGreaterThan(0);
    },
  );

  it.skipIf(TEST_DRIVER !== 'postgres')(
    'queues a never-ingested board once when two workers start together (skipped on PGlite: pg-boss needs a PostgreSQL server)',
    { timeout: 180_000 },
    async () => {
      await runTwoWorkers({ cron: noSlot(), neverIngested: BOARD_IDS }, () => new Set(ranEvents().map((e) => e.board)).size === BOARD_IDS.length);
      expect(ranEvents().map((e) => e.board).sort()).toEqual([...BOARD_IDS].sort());
      expect(await runsPerBoard()).toEqual([...BOARD_IDS].sort().map((board_id) => ({ board_id, runs: 1, succeeded: 1 })));
    },
  );
});
