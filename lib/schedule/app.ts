import 'server-only';
import { getDb } from '../../db/client';
import { sharedIngestFetchers } from '../ingest/fetchers';
import { env, isBuildPhase } from '../env';
import { mailConfig } from '../mail/config';
import { createMailer } from '../mail/transport';
import { startInProcessDigests, type InProcessDigests } from './digests';
import { startInProcessSchedule, type InProcessSchedule } from './in-process';

const globalForSchedule = globalThis as unknown as { trackendSchedule?: InProcessSchedule; trackendDigests?: InProcessDigests };

/**
 * The app server's own schedule. Only on PGlite: the server owns the embedded database, so it is
 * the one process that can ingest (and send digests) on a timer. On PostgreSQL, `npm run worker`
 * (pg-boss) does both.
 */
export function startAppSchedule(): void {
  const { DATABASE_URL, INGEST_SCHEDULE, INGEST_INTERVAL_MINUTES, PUBLIC_URL } = env();
  if (DATABASE_URL || isBuildPhase()) return;
  // Digests go out whenever mail is configured, even with scheduled ingestion turned off.
  const mail = mailConfig();
  if (mail && !globalForSchedule.trackendDigests) {
    globalForSchedule.trackendDigests = startInProcessDigests({ getDb, mailer: createMailer(mail), baseUrl: PUBLIC_URL });
  }
  if (INGEST_SCHEDULE === 'false' || globalForSchedule.trackendSchedule) return;
  globalForSchedule.trackendSchedule = startInProcessSchedule({
    getDb,
    fetchers: sharedIngestFetchers(),
    intervalMinutes: INGEST_INTERVAL_MINUTES,
  });
}
