import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestDeliveries, savedSearches } from '../../db/schema';
import { insertBoard, insertListing, insertUser } from '../../test/support/factories';
import { startSmtpServer, type TestSmtpServer } from '../../test/support/smtp-server';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { DIGEST_QUEUE, startInProcessDigests } from './digests';
import { createMailer } from '../mail/transport';

// Digests from separate worker processes against one PostgreSQL database: each due digest is
// sent exactly once, whether two processes tick at the same instant or pg-boss schedules the
// tick. Several processes need a real server; on PGlite (one process owns the database) the
// in-process schedule is tested instead, and the race of two ticks in lib/digests/deliver.test.ts.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKER = fileURLToPath(new URL('../../test/support/digests-test-worker.ts', import.meta.url));

interface Worker {
  child: ChildProcess;
  events: Record<string, unknown>[];
  stderr: string[];
  exited: Promise<number | null>;
}

function startWorker(config: Record<string, unknown>): Worker {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', WORKER, JSON.stringify(config)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const events: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      events.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      stderr.push(line);
    }
  });
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  return { child, events, stderr, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

async function waitFor(what: string, condition: () => boolean, workers: Worker[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(workers.map((w) => w.events))} ${workers.flatMap((w) => w.stderr).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let t: TestDatabase;
let smtp: TestSmtpServer;
let workers: Worker[] = [];

/** Searches due right now on the real clock: their hour is this UTC hour, saved an hour before it. */
async function dueSearches(count: number) {
  const now = new Date();
  const hourStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), now.getUTCHours()));
  const board = await insertBoard(t.db);
  await insertListing(t.db, board.id, { firstSeenAt: new Date(hourStart.getTime() - 30 * 60_000) });
  const users = [];
  for (let i = 0; i < count; i++) {
    const user = await insertUser(t.db);
    const created = new Date(hourStart.getTime() - 3_600_000);
    await t.db.insert(savedSearches).values({
      userId: user.id,
      name: `Due ${i}`,
      filters: {},
      feedTokenHash: randomBytes(16).toString('hex'),
      digestEnabled: true,
      digestHour: now.getUTCHours(),
      createdAt: created,
      updatedAt: created,
    });
    users.push(user);
  }
  return users;
}

beforeEach(async () => {
  t = await createTestDatabase();
  smtp = await startSmtpServer();
});
afterEach(async () => {
  for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.exited));
  workers = [];
  await smtp.close();
  await t.close();
});

describe.skipIf(TEST_DRIVER !== 'postgres')('digests from two worker processes on PostgreSQL', () => {
  it('two processes ticking at the same instant send each due digest exactly once', async () => {
    const users = await dueSearches(5);
    const startAt = Date.now() + 4000;
    workers = [0, 1].map(() => startWorker({ mode: 'tick', databaseUrl: t.url, smtpUrl: smtp.url, startAt }));
    const codes = await Promise.all(workers.map((w) => w.exited));
    expect(codes, workers.flatMap((w) => w.stderr).join('\n')).toEqual([0, 0]);
    for (const user of users) expect(smtp.received.filter((m) => m.to.includes(user.email!))).toHaveLength(1);
    expect(await t.db.select().from(digestDeliveries)).toHaveLength(5);
  });

  it(`two pg-boss workers on the "${DIGEST_QUEUE}" schedule send each due digest exactly once`, async () => {
    const users = await dueSearches(3);
    workers = [0, 1].map(() => startWorker({ mode: 'boss', databaseUrl: t.url, smtpUrl: smtp.url, cron: '* * * * *' }));
    await waitFor('both workers to start', () => workers.every((w) => w.events.some((e) => e.started)), workers, 60_000);
    await waitFor('every digest', () => users.every((user) => smtp.received.some((m) => m.to.includes(user.email!))), workers, 90_000);
    // Long enough for a second tick (every minute) to send a second copy if it would.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    for (const worker of workers) worker.child.kill('SIGTERM');
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
    for (const user of users) expect(smtp.received.filter((m) => m.to.includes(user.email!))).toHaveLength(1);
  }, 180_000);
});

describe.skipIf(TEST_DRIVER !== 'pglite')('digests on PGlite: the in-process schedule', () => {
  it('ticks on its timer, never two ticks at once, and sends each due digest once', async () => {
    const users = await dueSearches(2);
    const mailer = createMailer({ url: smtp.url, from: 'digests@trackend.test' });
    const schedule = startInProcessDigests({ getDb: async () => t.db, mailer, baseUrl: 'http://localhost:3000', tickMs: 50, firstTickMs: 0, log: () => {} });
    try {
      await Promise.all([schedule.tick(), schedule.tick(), schedule.tick()]);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      schedule.stop();
    }
    for (const user of users) expect(smtp.received.filter((m) => m.to.includes(user.email!))).toHaveLength(1);
  });
});
