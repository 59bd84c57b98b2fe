import 'server-only';
import PgBoss from 'pg-boss';
import type { BoardIngestResult } from '../ingest/run-board';
import { cronForInterval } from './cron';

export const queueName = (boardId: string) => `ingest-${boardId}`;

/** How often pg-boss looks for work; the defaults suit production, shorter ones a quick demo. */
export interface PgBossTiming {
  /** Each board queue's poll for jobs (default 5). */
  pollingIntervalSeconds: number;
  /** How often an instance checks whether a cron slot is due (pg-boss's default 30; 1-45). */
  cronMonitorIntervalSeconds: number;
  /** How often the due slots are turned into jobs (pg-boss's default 5; 1-45). */
  cronWorkerIntervalSeconds: number;
}

const DEFAULT_TIMING: PgBossTiming = { pollingIntervalSeconds: 5, cronMonitorIntervalSeconds: 30, cronWorkerIntervalSeconds: 5 };

/** A board never ingested is queued at once; workers starting together queue it once per this window. */
const FIRST_RUN_WINDOW_SECONDS = 15 * 60;

type QueueOptions = Parameters<PgBoss['createQueue']>[1];

const DEADLOCK = '40P01';
const isDeadlock = (error: unknown) => (error as { code?: unknown } | null)?.code === DEADLOCK;

/**
 * Create the queue unless it exists. pg-boss 10 creates a queue (a row plus a partition table
 * with a foreign key) without a lock, so workers starting at the same moment can deadlock each
 * other there; PostgreSQL aborts one of them, which tries again and finds the queue made.
 */
export async function ensureQueue(boss: PgBoss, name: string, options: QueueOptions, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, options);
      return;
    } catch (error) {
      if (!isDeadlock(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/**
 * Scheduled ingestion on PostgreSQL with pg-boss: one queue per board with the 'stately'
 * policy (at most one queued and one active job), a cron schedule per queue (pg-boss creates
 * each slot's job once, whichever worker sees it first), and retries for runs that throw
 * (a board's own failure is recorded by ingestion and does not throw). Any number of worker
 * processes on any number of machines share the work.
 */
export async function startPgBossWorker(options: {
  connectionString: string;
  boardIds: string[];
  /** Board ids never ingested yet: queued at once instead of waiting for the first slot. */
  neverIngested: string[];
  intervalMinutes: number;
  /** A cron expression (UTC) instead of the one derived from intervalMinutes. */
  cron?: string;
  timing?: Partial<PgBossTiming>;
  runBoard: (boardId: string) => Promise<BoardIngestResult>;
  log: (message: string) => void;
}): Promise<{ stop: () => Promise<void> }> {
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: 'pgboss',
    max: 4,
    cronMonitorIntervalSeconds: timing.cronMonitorIntervalSeconds,
    cronWorkerIntervalSeconds: timing.cronWorkerIntervalSeconds,
  });
  boss.on('error', (error) => options.log(`pg-boss: ${error.message}`));
  await boss.start();
  const cron = options.cron ?? cronForInterval(options.intervalMinutes);
  for (const boardId of options.boardIds) {
    const queue = queueName(boardId);
    await ensureQueue(boss, queue, { name: queue, policy: 'stately', retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 });
    await boss.schedule(queue, cron, { boardId }, { tz: 'UTC' });
    await boss.work<{ boardId: string }>(queue, { batchSize: 1, pollingIntervalSeconds: timing.pollingIntervalSeconds }, async ([job]) => {
      if (job) await options.runBoard(job.data.boardId);
    });
    if (options.neverIngested.includes(boardId)) {
      // Throttled by key: when several workers start at once, the first run is queued once,
      // not once per worker (stately alone would allow a second while the first is active).
      await boss.send(queue, { boardId }, { singletonKey: 'first-run', singletonSeconds: FIRST_RUN_WINDOW_SECONDS });
    }
  }
  options.log(`worker started: ${options.boardIds.length} boards, schedule "${cron}" (UTC)`);
  return { stop: () => boss.stop({ graceful: true, wait: true }) };
}
