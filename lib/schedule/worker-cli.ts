import { closeDatabase, getDb } from '../../db/client';
import { runCli } from '../cli';
import { env } from '../env';
import { loadIngestTargets } from '../ingest/catalog';
import { createIngestFetchers } from '../ingest/fetchers';
import { progressLine } from '../ingest/report';
import { fetchTextFor } from '../ingest/run-all';
import { ingestBoard } from '../ingest/run-board';
import { startInProcessSchedule } from './in-process';
import { startPgBossWorker } from './pg-boss';

// `npm run worker`: scheduled ingestion until stopped (Ctrl-C).
// PostgreSQL: pg-boss, shared safely by any number of workers. PGlite: an in-process timer in
// this process (which then owns the embedded database; the app's server does the same itself).
const log = (message: string) => console.log(`${new Date().toISOString()} ${message}`);

await runCli(async () => {
  const { DATABASE_URL, INGEST_INTERVAL_MINUTES } = env();
  const db = await getDb();
  const fetchers = createIngestFetchers();
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
    stop = worker.stop;
  } else {
    const schedule = startInProcessSchedule({ getDb, fetchers, intervalMinutes: INGEST_INTERVAL_MINUTES, firstTickMs: 0, log });
    log(`worker started on the embedded database: every ${INGEST_INTERVAL_MINUTES} min`);
    stop = async () => schedule.stop();
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
