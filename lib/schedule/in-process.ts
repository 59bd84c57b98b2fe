import 'server-only';
import type { Db } from '../../db/types';
import type { IngestFetchers } from '../ingest/fetchers';
import { boardsDue } from '../boards/health';
import { loadIngestTargets } from '../ingest/catalog';
import { progressLine } from '../ingest/report';
import { ingestAll } from '../ingest/run-all';
import { startTimer, type InProcessTimer } from './timer';

/** `tick()` ingests the boards that are due now (also what the timer calls). */
export type InProcessSchedule = InProcessTimer;

/**
 * Scheduled ingestion inside one process: used on PGlite, where one process owns the database
 * (the app server, or `npm run worker` when the app is not running). Every minute it ingests
 * the boards whose interval has passed; ticks never overlap.
 */
export function startInProcessSchedule(options: {
  getDb: () => Promise<Db>;
  fetchers: IngestFetchers;
  intervalMinutes: number;
  tickMs?: number;
  firstTickMs?: number;
  log?: (message: string) => void;
}): InProcessSchedule {
  const log = options.log ?? ((message: string) => console.log(`[schedule] ${message}`));
  return startTimer({
    name: 'ingestion',
    tickMs: options.tickMs ?? 60_000,
    firstTickMs: options.firstTickMs ?? 10_000,
    log,
    job: async () => {
      const db = await options.getDb();
      const targets = await loadIngestTargets(db);
      const due = new Set(await boardsDue(db, options.intervalMinutes));
      const now = targets.filter((target) => due.has(target.board.id));
      if (now.length === 0) return;
      await ingestAll(db, now, { ...options.fetchers, onResult: (result) => log(progressLine(result)) });
    },
  });
}
