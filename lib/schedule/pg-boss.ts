import PgBoss from 'pg-boss';
import type { BoardIngestResult } from '../ingest/run-board';
import { cronForInterval } from './cron';

export const queueName = (boardId: string) => `ingest-${boardId}`;

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
  runBoard: (boardId: string) => Promise<BoardIngestResult>;
  log: (message: string) => void;
}): Promise<{ stop: () => Promise<void> }> {
  const boss = new PgBoss({ connectionString: options.connectionString, schema: 'pgboss', max: 4 });
  boss.on('error', (error) => options.log(`pg-boss: ${error.message}`));
  await boss.start();
  const cron = cronForInterval(options.intervalMinutes);
  for (const boardId of options.boardIds) {
    const queue = queueName(boardId);
    await boss.createQueue(queue, { name: queue, policy: 'stately', retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 });
    await boss.schedule(queue, cron, { boardId }, { tz: 'UTC' });
    await boss.work<{ boardId: string }>(queue, { batchSize: 1, pollingIntervalSeconds: 5 }, async ([job]) => {
      if (job) await options.runBoard(job.data.boardId);
    });
    if (options.neverIngested.includes(boardId)) await boss.send(queue, { boardId });
  }
  options.log(`worker started: ${options.boardIds.length} boards, schedule "${cron}" (UTC)`);
  return { stop: () => boss.stop({ graceful: true, wait: true }) };
}
