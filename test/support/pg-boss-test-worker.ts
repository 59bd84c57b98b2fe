import { openDatabase } from '../../db/client';
import { createFetcher } from '../../scrapers/fetcher';
import { findBoard } from '../../scrapers/registry';
import { ingestBoard } from '../../lib/ingest/run-board';
import { startPgBossWorker } from '../../lib/schedule/pg-boss';
import { emit, stopOnSigterm } from './worker-process';

// One pg-boss worker process for pg-boss.test.ts, which starts two of these against one
// database: what `npm run worker` does, with boards pointed at the test's local server and a
// cron slot and timing chosen by the test. It reports on stdout, one JSON object a line, and
// stops gracefully on SIGTERM.

interface Config {
  databaseUrl: string;
  cron: string;
  boards: { id: string; url: string }[];
  neverIngested: string[];
}


const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const handle = await openDatabase({ driver: 'postgres', url: config.databaseUrl, source: 'the test database', max: 3 });
const { fetchText } = createFetcher({ minIntervalMsPerHost: 0, retries: 0 });
const urls = new Map(config.boards.map((entry) => [entry.id, entry.url]));

const worker = await startPgBossWorker({
  connectionString: config.databaseUrl,
  boardIds: [...urls.keys()],
  neverIngested: config.neverIngested,
  intervalMinutes: 60,
  cron: config.cron,
  timing: { pollingIntervalSeconds: 1, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 },
  log: (message) => emit({ log: message }),
  runBoard: async (boardId) => {
    const board = findBoard(boardId);
    if (!board) throw new Error(`unknown board ${boardId}`);
    const result = await ingestBoard(handle.db, board, { fetchText, url: urls.get(boardId) });
    emit({ ran: boardId, status: result.status, error: result.error });
    return result;
  },
});
emit({ started: true });
stopOnSigterm(worker, handle);
