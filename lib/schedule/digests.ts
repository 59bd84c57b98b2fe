import 'server-only';
import PgBoss from 'pg-boss';
import type { Db } from '../../db/types';
import { runDigestTick, type DigestContext, type TickSummary } from '../digests/deliver';
import type { Mailer } from '../mail/transport';
import { ensureQueue, type PgBossTiming } from './pg-boss';
import { startTimer, type InProcessTimer } from './timer';

// The "digests" tick (lib/digests/deliver.ts): every 5 minutes it claims the daily digests that
// are due and retries the ones that failed. Exactly once is the digest_deliveries table's work
// (a unique key per search and day), so the schedule only has to make the tick happen.

export const DIGEST_QUEUE = 'digests';
export const DIGEST_CRON = '*/5 * * * *';
const TICK_MS = 5 * 60_000;

const summaryLine = (s: TickSummary) => `digests: ${s.sent} sent, ${s.skipped} with nothing new, ${s.retrying} to retry, ${s.failed} given up`;
const worthLogging = (s: TickSummary) => s.sent + s.skipped + s.retrying + s.failed > 0;

export type InProcessDigests = InProcessTimer;

/** On PGlite (one process owns the database): a timer in that process; ticks never overlap. */
export function startInProcessDigests(options: {
  getDb: () => Promise<Db>;
  mailer: Mailer;
  baseUrl: string;
  tickMs?: number;
  firstTickMs?: number;
  log?: (message: string) => void;
}): InProcessDigests {
  const log = options.log ?? ((message: string) => console.log(`[schedule] ${message}`));
  return startTimer({
    name: 'digest',
    tickMs: options.tickMs ?? TICK_MS,
    firstTickMs: options.firstTickMs ?? 15_000,
    log,
    job: async () => {
      const summary = await runDigestTick({ db: await options.getDb(), mailer: options.mailer, baseUrl: options.baseUrl, log });
      if (worthLogging(summary)) log(summaryLine(summary));
    },
  });
}

/**
 * On PostgreSQL: a pg-boss queue with the 'singleton' policy (one tick active at a time across
 * every worker) and a cron schedule whose slot pg-boss turns into one job, whichever worker
 * sees it first. Should two ticks ever overlap, the unique claim still sends each digest once.
 */
export async function startPgBossDigests(options: {
  connectionString: string;
  context: Omit<DigestContext, 'log'>;
  cron?: string;
  timing?: Partial<PgBossTiming>;
  log: (message: string) => void;
}): Promise<{ stop: () => Promise<void> }> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: 'pgboss',
    max: 2,
    cronMonitorIntervalSeconds: options.timing?.cronMonitorIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: options.timing?.cronWorkerIntervalSeconds ?? 5,
  });
  boss.on('error', (error) => options.log(`pg-boss: ${error.message}`));
  await boss.start();
  await ensureQueue(boss, DIGEST_QUEUE, { name: DIGEST_QUEUE, policy: 'singleton', retryLimit: 0, expireInSeconds: 15 * 60 });
  await boss.schedule(DIGEST_QUEUE, options.cron ?? DIGEST_CRON, {}, { tz: 'UTC' });
  await boss.work(DIGEST_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.timing?.pollingIntervalSeconds ?? 5 }, async () => {
    const summary = await runDigestTick({ ...options.context, log: options.log });
    if (worthLogging(summary)) options.log(summaryLine(summary));
  });
  options.log(`digests scheduled: "${options.cron ?? DIGEST_CRON}" (UTC)`);
  return { stop: () => boss.stop({ graceful: true, wait: true }) };
}
