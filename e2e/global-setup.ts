import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client';
import { createEmptyPostgresDatabase } from '../test/support/test-db';
import { E2E_ADMIN_EMAIL } from './support/accounts';
import { ensureBuild, npmRun, randomSecret, ROOT, startAppServer, type AppServer } from './support/app-server';
import { browserRequired, chromiumPath } from './support/chromium';
import { startAtsStandIn } from './support/ats-stand-in';
import { insertHostileListing } from './support/hostile-listing';

/**
 * One production server for the whole e2e project, on a database of its own:
 *   1. Chromium must exist. Without it nothing is built: locally every browser test skips with
 *      one message saying how to install it (so a newcomer's `npm test` passes); where CI or
 *      E2E_REQUIRE_BROWSER=1 is set, the missing browser fails the run, so CI still proves them;
 *   2. `next build` when app/, lib/, db/, scrapers/ or the config changed since the last build;
 *   3. a fresh database: a throwaway one on the TEST_DATABASE_URL server, else a temp PGlite dir;
 *   4. `npm run ingest -- --sample` (migrates, then loads the bundled sample boards), plus one
 *      hostile listing stored raw for the XSS test;
 *   5. `next start` on 127.0.0.1:<free port>, with its own AUTH_SECRET and no ingest schedule.
 * Tests read the URL with inject('baseUrl'). Teardown stops the server's process group and
 * drops the database.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Why the browser tests cannot run (no Chromium), or ''. */
    chromiumProblem: string;
    hostileListingId: number;
    dbDriver: 'pglite' | 'postgres';
    /** The port of SMTP_URL the server sends digests to; e2e/digests.test.ts listens there. */
    smtpPort: number;
  }
}

export const SERVER_LOG = join(ROOT, 'e2e', 'server.log');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = (message: string) => console.log(message);
  // No Chromium: skip the build and the server; every e2e test then skips with this message
  // (see useBrowser), while the unit project of the same `npm test` still runs. CI must not
  // pass without the browser tests, so there the missing browser fails the run instead.
  try {
    chromiumPath();
  } catch (error) {
    if (browserRequired()) throw error;
    console.warn(`e2e: browser tests skipped. ${(error as Error).message}`);
    project.provide('chromiumProblem', (error as Error).message);
    project.provide('baseUrl', '');
    project.provide('hostileListingId', 0);
    project.provide('dbDriver', process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
    project.provide('smtpPort', 0);
    return async () => {};
  }
  project.provide('chromiumProblem', '');

  await ensureBuild(log);

  const cleanups: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error('e2e teardown:', error));
    }
  };

  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AUTH_SECRET: randomSecret(),
      INGEST_SCHEDULE: 'false',
      // Whichever e2e file signs up first owns the instance; this account is an admin whatever the order.
      ADMIN_EMAILS: E2E_ADMIN_EMAIL,
      // Every browser test signs up from 127.0.0.1, like a class behind one address.
      SIGNUP_LIMIT_PER_HOUR: '50',
      // Job pages a test serves on 127.0.0.2 stand in for public sites (e2e/save-job.test.ts);
      // 127.0.0.1, the server's own address, stays refused like every other private one.
      TRACKEND_FETCH_ALLOW_PRIVATE: '127.0.0.2/32',
    };
    delete env.DATABASE_URL;
    delete env.AUTH_GITHUB_ID;
    delete env.AUTH_GITHUB_SECRET;

    let driver: 'pglite' | 'postgres';
    if (process.env.TEST_DATABASE_URL) {
      driver = 'postgres';
      const database = await createEmptyPostgresDatabase();
      cleanups.push(database.drop);
      env.DATABASE_URL = database.url;
    } else {
      driver = 'pglite';
      const dir = mkdtempSync(join(tmpdir(), 'trackend-e2e-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      env.PGLITE_DIR = join(dir, 'pglite');
    }
    delete env.TEST_DATABASE_URL;
    log(`e2e: fresh ${driver} database; loading the sample boards…`);

    // The CLI opens the database through db/client, which applies the migrations first.
    await npmRun('ingest', ['--sample'], env);

    const handle = await openDatabase(
      driver === 'postgres' ? { driver, url: env.DATABASE_URL!, source: 'e2e DATABASE_URL', max: 1 } : { driver, dir: env.PGLITE_DIR! },
    );
    let hostileListingId: number;
    try {
      hostileListingId = await insertHostileListing(handle.db);
    } finally {
      await handle.close(); // PGlite: the server must be the only process holding the directory
    }

    // Screenshots of this run only (a failed test leaves FAILED-<test name>.png beside them).
    rmSync(join(ROOT, 'e2e', 'screenshots'), { recursive: true, force: true });
    mkdirSync(join(ROOT, 'e2e', 'screenshots'), { recursive: true });
    // The hiring systems' APIs, for following companies (e2e/companies.test.ts).
    const ats = await startAtsStandIn();
    cleanups.push(() => ats.server.close());
    Object.assign(env, ats.env);
    // Digests go to an SMTP server e2e/digests.test.ts starts on this port when it sends.
    const smtpPort = await freePort();
    Object.assign(env, { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'digests@trackend.test' });
    const server: AppServer = await startAppServer(env, SERVER_LOG);
    cleanups.push(() => server.stop());
    log(`e2e: next start at ${server.url} (log: e2e/server.log)`);

    project.provide('baseUrl', server.url);
    project.provide('hostileListingId', hostileListingId);
    project.provide('dbDriver', driver);
    project.provide('smtpPort', smtpPort);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** A port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
