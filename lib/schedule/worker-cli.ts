import 'server-only';
import { closeDatabase, getDb } from '../../db/client';
import { runCli } from '../cli';
import { env } from '../env';
import { loadIngestTargets } from '../ingest/catalog';
import { createIngestFetchers } from '../ingest/fetchers';
import { progressLine } from '../ingest/report';
import { fetchTextFor } from '../ingest/run-all';
import { ingestBoard } from '../ingest/run-board';
import { mailConfig } from '../mail/config';
import { createMailer } from '../mail/transport';
import { startInProcessDigests, startPgBossDigests } from './digests';
import { startInProcessSchedule } from './in-process';
import { startPgBossWorker } from './pg-boss';

// `npm run worker`: scheduled ingestion and email digests until stopped (Ctrl-C). It runs with
// --conditions=react-server so the shared lib modules marked 'server-only' load here too.
// PostgreSQL: pg-boss, shared safely by any number of workers. PGlite: an in-process timer in
// this process (which then owns the embedded database; the app's server does the same itself).
const log = (message: string) => console.log(`${new Date().toISOString()} ${message}`);

await runCli(async () => {
  const { DATABASE_URL, INGEST_INTERVAL_MINUTES, PUBLIC_URL } = env();
  const db = await getDb();
  const fetchers = createIngestFetchers();
  const mail = mailConfig();
  const mailer = mail ? createMailer(mail) : null;
  if (!mailer) log('email digests are off (SMTP_URL is not set)');
  let stop: () => Promise<void>;

  if (DATABASE_URL) {
    const targets = await loadIngestTargets(db);
    const byId = new Map(targets.map((target) => [target.board.id, target]));
    const boardRows = await db.query.boards.findMany({ columns: { id: true, lastSuccessAt: true } });
    const worker = await startPgBossWorker({
      connectionString: DATABASE_URL,
      boardIds: [...byId.keys()],
      neverIngested: boardRows.filter((row) => !row.lastSuccessAt).map((row) => row.id),
      intervalMinutes: INGEST_INTERVAL_MINUTES,
      log,
      runBoard: async (boardId) => {
        const target = byId.get(boardId);
        if (!target) throw new Error(`board ${boardId} is no longer configured`);
        const result = await ingestBoard(db, target.board, { fetchText: fetchTextFor(target, fetchers), url: target.url, custom: target.custom });
        log(progressLine(result));
        return result;
      },
    });
    const digests = mailer ? await startPgBossDigests({ connectionString: DATABASE_URL, context: { db, mailer, baseUrl: PUBLIC_URL }, log }) : null;
    stop = async () => {
      await digests?.stop();
      await worker.stop();
    };
  } else {
    const schedule = startInProcessSchedule({ getDb, fetchers, intervalMinutes: INGEST_INTERVAL_MINUTES, firstTickMs: 0, log });
    const digests = mailer ? startInProcessDigests({ getDb, mailer, baseUrl: PUBLIC_URL, firstTickMs: 0, log }) : null;
    log(`worker started on the embedded database: every ${INGEST_INTERVAL_MINUTES} min${digests ? ', digests every 5 min' : ''}`);
    stop = () => {
      schedule.stop();
      digests?.stop();
      return Promise.resolve();
    };
  }

  await new Promise<void>((resolve) => {
    const shutdown = () => resolve();
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    // Keep the process alive; the schedule's own timers are unref'd.
    setInterval(() => {}, 1 << 30);
  });
  log('stopping…');
  await stop();
  await closeDatabase();
  process.exit(0);
});
