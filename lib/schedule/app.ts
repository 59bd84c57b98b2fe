import { getDb } from '../../db/client';
import { sharedIngestFetchers } from '../ingest/fetchers';
import { env, isBuildPhase } from '../env';
import { startInProcessSchedule, type InProcessSchedule } from './in-process';

const globalForSchedule = globalThis as unknown as { trackendSchedule?: InProcessSchedule };

/**
 * The app server's own schedule. Only on PGlite: the server owns the embedded database, so it is
 * the one process that can ingest on a timer. On PostgreSQL, `npm run worker` (pg-boss) does it.
 */
export function startAppSchedule(): void {
  const { DATABASE_URL, INGEST_SCHEDULE, INGEST_INTERVAL_MINUTES } = env();
  if (DATABASE_URL || INGEST_SCHEDULE === 'false' || isBuildPhase() || globalForSchedule.trackendSchedule) return;
  globalForSchedule.trackendSchedule = startInProcessSchedule({
    getDb,
    fetchers: sharedIngestFetchers(),
    intervalMinutes: INGEST_INTERVAL_MINUTES,
  });
}
