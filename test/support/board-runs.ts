import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { boards } from '../../db/schema';
import { queryRows, type Db } from '../../db/types';
import type { FetchText } from '../../scrapers/types';

// For tests of code that starts board runs in the background (refresh, approve, add feed).

const RSS = readFileSync(fileURLToPath(new URL('../../scrapers/custom-feed/fixtures/rss2-jobs.xml', import.meta.url)), 'utf8');

/** A fetchText answering every URL with the project's RSS fixture, counting the URLs it was asked. */
export function fixtureFeedFetch(): FetchText & { urls: string[] } {
  const urls: string[] = [];
  const fetchText = (async (url: string) => {
    urls.push(url);
    return { status: 200, url, body: RSS, contentType: 'application/rss+xml', etag: null, lastModified: null };
  }) as FetchText & { urls: string[] };
  fetchText.urls = urls;
  return fetchText;
}

/** The project's RSS fixture, for a local server to serve. */
export const FIXTURE_RSS = RSS;

/** A custom feed row as an admin's add leaves it (approved, enabled) unless overridden. */
export async function insertFeedBoard(db: Db, id: string, values: Partial<typeof boards.$inferInsert> = {}) {
  const [row] = await db
    .insert(boards)
    .values({ id, name: `Feed ${id}`, kind: 'rss', url: `https://${id}.example/feed.rss`, custom: true, ...values })
    .returning();
  return row!;
}

/** Wait until no board run started in the background is still going (leases released, runs finished). */
export async function settleBoardRuns(db: Db, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await queryRows<{ busy: boolean }>(
      db,
      sql`select exists (select 1 from boards where running_since is not null) or exists (select 1 from ingest_runs where status = 'running') as busy`,
    );
    if (!row?.busy) return;
    if (Date.now() > deadline) throw new Error('board runs did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
