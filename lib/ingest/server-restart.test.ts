import { and, count, countDistinct, eq, isNull } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, boards, ingestRuns, listings } from '../../db/schema';
import { createFetcher } from '../../scrapers/fetcher';
import { board as remotive } from '../../scrapers/remotive';
import { insertUser } from '../../test/support/factories';
import { startLocalServer, type LocalServer } from '../../test/support/local-server';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { parseJobFilters } from '../search/filters';
import { searchJobs } from '../search/search';
import { ingestBoard } from './run-board';

// What a PostgreSQL restart looks like to the app: every connection is cut (FATAL 57P01) and,
// for a while, new ones are refused. We do exactly that to this file's throwaway database
// (terminate its backends, forbid connections, allow them again) rather than restarting the
// shared server under the other test files.

const ITEMS = 1500;

function remotiveJson(n: number, version: string): string {
  return JSON.stringify({
    'job-count': n,
    jobs: Array.from({ length: n }, (_, i) => ({
      id: 7_000_000 + i,
      url: `https://remotive.com/remote-jobs/software-dev/restart-${i}`,
      title: `Backend Go Engineer ${i}`,
      company_name: `Company ${i % 97}`,
      category: 'Software Development',
      tags: ['go', 'postgresql'],
      job_type: 'full_time',
      publication_date: '2026-11-20T10:00:00',
      candidate_required_location: 'Worldwide',
      salary: '$90k - $120k',
      description: `<p>Build Go services with PostgreSQL. Revision ${version}.</p>${'<p>Kafka, Kubernetes, gRPC.</p>'.repeat(20)}`,
    })),
  });
}

describe.skipIf(TEST_DRIVER !== 'postgres')('PostgreSQL restarted under the app (PostgreSQL only: PGlite has no server to restart)', () => {
  let t: TestDatabase;
  let admin: postgres.Sql;
  let server: LocalServer;
  let feed = remotiveJson(ITEMS, 'v1');
  let onRequest: () => void = () => {};
  const { fetchText } = createFetcher({ minIntervalMsPerHost: 0, maxBodyBytes: 64 * 2 ** 20 });
  const ingest = () => ingestBoard(t.db, remotive, { fetchText, url: server.url('/feed'), force: true });

  /** Cut every connection to the database and refuse new ones for `downMs`, as a restart does. */
  async function restart(downMs: number): Promise<void> {
    const name = new URL(t.url!).pathname.slice(1);
    await admin.unsafe(`alter database ${name} allow_connections false`);
    // Only our own client connections: an autovacuum worker may be on this database too, and
    // signalling it needs superuser (CI's role is not one).
    await admin`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = ${name} and pid <> pg_backend_pid()
        and backend_type = 'client backend' and usename = current_user`;
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await admin.unsafe(`alter database ${name} allow_connections true`);
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    // The admin connection lives in the server's default database, so cutting ours spares it.
    const adminUrl = new URL(t.url!);
    adminUrl.pathname = '/postgres';
    admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
    server = await startLocalServer({
      '/feed': (_req, res) => {
        onRequest();
        res.setHeader('content-type', 'application/json');
        res.end(feed);
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await admin?.end();
    await t?.close();
  });

  it('an ingestion cut off by a restart is recorded as failed, the next one completes, nothing is lost or duplicated', async () => {
    const first = await ingest();
    expect(first.status).toBe('succeeded');
    expect(first.counts.new).toBe(ITEMS);

    const user = await insertUser(t.db);
    const [listing] = await t.db.select().from(listings).where(eq(listings.externalId, String(7_000_000 + 5)));
    const [application] = await t.db
      .insert(applications)
      .values({ userId: user.id, listingId: listing!.id, title: listing!.title, company: listing!.company ?? 'Unknown', status: 'applied', appliedAt: new Date() })
      .returning();

    // Every item changes, so the run has real writes to do when the server goes away; the
    // restart starts as the feed is served and lasts long enough to cover the writes.
    feed = remotiveJson(ITEMS, 'v2');
    let restarting: Promise<void> | undefined;
    onRequest = () => {
      restarting = restart(4000);
    };
    const cut = await ingest();
    onRequest = () => {};
    await restarting;
    expect(cut.status).toBe('failed');
    expect(cut.error).toBeTruthy();

    const runs = await t.db.select().from(ingestRuns).where(eq(ingestRuns.boardId, 'remotive')).orderBy(ingestRuns.id);
    expect(runs.map((run) => run.status)).toEqual(['succeeded', 'failed']);
    expect(runs[1]!.finishedAt).not.toBeNull();
    const [board] = await t.db.select().from(boards).where(eq(boards.id, 'remotive'));
    expect(board!.runningSince).toBeNull(); // the lease was released, so the next run need not wait 30 minutes

    const next = await ingest();
    expect(next.status).toBe('succeeded');
    expect(next.counts.updated).toBe(ITEMS);

    const [totals] = await t.db
      .select({ rows: count(), urls: countDistinct(listings.canonicalUrl) })
      .from(listings)
      .where(and(eq(listings.boardId, 'remotive'), isNull(listings.removedAt)));
    expect(totals).toEqual({ rows: ITEMS, urls: ITEMS });
    const [kept] = await t.db.select().from(applications).where(eq(applications.id, application!.id));
    expect(kept).toMatchObject({ listingId: listing!.id, status: 'applied' });
    const [updated] = await t.db.select().from(listings).where(eq(listings.id, listing!.id));
    expect(updated!.descriptionHtml).toContain('Revision v2');
  });

  it('a page load during the restart fails fast with an error; the next one works without restarting the app', async () => {
    const filters = parseJobFilters(new URLSearchParams('language=go'));
    if (!filters.ok) throw new Error(filters.error);
    const context = { secret: 'x'.repeat(32), usdPerUnit: { USD: 1 } };
    await expect(searchJobs(t.db, filters.filters, context)).resolves.toMatchObject({ items: expect.any(Array) });

    const restarting = restart(1500);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(searchJobs(t.db, filters.filters, context)).rejects.toThrow();
    await restarting;

    const page = await searchJobs(t.db, filters.filters, context);
    expect(page.items.length).toBeGreaterThan(0);
  });
});
