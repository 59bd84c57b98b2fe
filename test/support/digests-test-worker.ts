import { openDatabase } from '../../db/client';
import { runDigestTick } from '../../lib/digests/deliver';
import { createMailer } from '../../lib/mail/transport';
import { startPgBossDigests } from '../../lib/schedule/digests';
import { emit, stopOnSigterm } from './worker-process';

// One worker process for digests.test.ts, which starts two of these against one PostgreSQL
// database and one SMTP server: `tick` runs one digest tick at the instant `startAt` (both
// processes together), `boss` runs the pg-boss digest schedule (`cron`) until SIGTERM. It
// reports on stdout, one JSON object a line.

interface Config {
  mode: 'tick' | 'boss';
  databaseUrl: string;
  smtpUrl: string;
  startAt?: number;
  cron?: string;
}

const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const handle = await openDatabase({ driver: 'postgres', url: config.databaseUrl, source: 'the test database', max: 3 });
const mailer = createMailer({ url: config.smtpUrl, from: 'digests@trackend.test' });
const context = { db: handle.db, mailer, baseUrl: 'http://localhost:3000' };

if (config.mode === 'tick') {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, (config.startAt ?? 0) - Date.now())));
  const summary = await runDigestTick(context);
  emit({ summary });
  await handle.close();
  process.exit(0);
}

const worker = await startPgBossDigests({
  connectionString: config.databaseUrl,
  context,
  cron: config.cron,
  timing: { pollingIntervalSeconds: 1, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 },
  log: (message) => emit({ log: message }),
});
emit({ started: true });
stopOnSigterm(worker, handle);
