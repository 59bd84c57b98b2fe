import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { listings } from '../db/schema';
import { queryRows } from '../db/types';
import { env } from '../lib/env';
import type { PreparedListing } from '../lib/ingest/prepare';
import { rowJson } from '../lib/ingest/row-json';
import { COLUMNS, PREPARED_RECORDSET } from '../lib/ingest/store';
import { ingestBoard, type BoardIngestResult } from '../lib/ingest/run-board';
import { createFetcher } from '../scrapers/fetcher';
import { board as remotive } from '../scrapers/remotive';
import { startLocalServer } from '../test/support/local-server';
import { createEmptyPostgresDatabase } from '../test/support/test-db';
import { TARGETS } from './targets';
import { remotiveFeed, syntheticListings, templates } from './feeds';
import { markdownTable, round, throughputRatio, timed, withPeakRss, writeReport } from './support';

// `npm run bench -- ingest`: a 10,000-item feed from a local server, ingested end to end
// (fetch, parse, classify, dedupe, upsert) on PGlite and on PostgreSQL, then again unchanged.
// On PostgreSQL also the floor: the rows the first run stored, written again by one bare INSERT
// into the emptied table. INGEST_ITEMS shortens it for a quick look.

const ITEMS = Number(process.env.INGEST_ITEMS ?? 10_000);

interface Figures {
  database: string;
  firstMs: number;
  /** CPU time this process spent on the first run (the database server's is not included). */
  firstCpuMs: number;
  itemsPerS: number;
  unchangedMs: number;
  unchangedRatio: number;
  notModifiedMs: number;
  peakRssMb: number;
  first: BoardIngestResult;
  unchanged: BoardIngestResult;
}

async function measure(label: string, handle: DatabaseHandle, feedUrl: string, etagUrl: string): Promise<Figures> {
  // Benchmark-sized body and no pacing: the local server is the only host.
  const { fetchText } = createFetcher({ maxBodyBytes: 128 * 2 ** 20, minIntervalMsPerHost: 0 });
  const run = (url: string) => ingestBoard(handle.db, remotive, { fetchText, url, force: true });
  let firstCpuMs = 0;
  const { value, peakRssMb } = await withPeakRss(async () => {
    const cpu = process.cpuUsage();
    const first = await timed(() => run(feedUrl));
    const used = process.cpuUsage(cpu);
    firstCpuMs = (used.user + used.system) / 1000;
    const unchanged = await timed(() => run(feedUrl));
    await run(etagUrl); // stores the ETag
    const notModified = await timed(() => run(etagUrl));
    return { first, unchanged, notModified };
  });
  const { first, unchanged, notModified } = value;
  if (first.value.status !== 'succeeded' || first.value.counts.new !== ITEMS) {
    throw new Error(`${label}: first run did not store ${ITEMS} listings: ${JSON.stringify(first.value)}`);
  }
  if (unchanged.value.counts.unchanged !== ITEMS) throw new Error(`${label}: second run was not unchanged: ${JSON.stringify(unchanged.value.counts)}`);
  if (notModified.value.status !== 'not_modified') throw new Error(`${label}: conditional run was not a 304`);
  return {
    database: label,
    firstMs: first.ms,
    firstCpuMs,
    itemsPerS: ITEMS / (first.ms / 1000),
    unchangedMs: unchanged.ms,
    unchangedRatio: unchanged.ms / first.ms,
    notModifiedMs: notModified.ms,
    peakRssMb,
    first: first.value,
    unchanged: unchanged.value,
  };
}

interface Floor {
  ms: number;
  itemsPerS: number;
}

// Everything a prepared listing carries, selected back from the table under its own keys.
const PREPARED_COLUMNS = Object.fromEntries(Object.entries(getTableColumns(listings)).filter(([key]) => (COLUMNS as string[]).includes(key)));
const FLOOR_INSERT = { columns: sql.raw(PREPARED_RECORDSET.columns), recordType: sql.raw(PREPARED_RECORDSET.recordType) };

/**
 * The floor under the PostgreSQL figure: the board's rows as the first run stored them (exactly
 * what it prepared), the table emptied, then those rows written by one bare INSERT: the same
 * indexes, the generated search column, the same JSON rows as the upsert reads, and nothing else
 * (no fetch, parse, cleaning or classifying, conflict check, duplicate links or run record).
 */
async function measureFloor(handle: DatabaseHandle, boardId: string): Promise<Floor> {
  const rows = (await handle.db.select(PREPARED_COLUMNS).from(listings).where(eq(listings.boardId, boardId)).orderBy(asc(listings.id))) as PreparedListing[];
  const rowJsons = rows.map(rowJson);
  await handle.db.execute(sql`truncate listings cascade`);
  const { ms } = await timed(() =>
    handle.db.execute(
      sql`insert into listings (${FLOOR_INSERT.columns})
          select ${FLOOR_INSERT.columns} from json_to_recordset(${`[${rowJsons.join(',')}]`}::json) as r(${FLOOR_INSERT.recordType})`,
    ),
  );
  const [stored] = await queryRows<{ count: number | string }>(handle.db, sql`select count(*) as count from listings`);
  if (Number(stored?.count) !== ITEMS || rows.length !== ITEMS) throw new Error(`floor: wrote ${String(stored?.count)} of ${rows.length} rows, expected ${ITEMS}`);
  return { ms, itemsPerS: ITEMS / (ms / 1000) };
}

export async function benchIngest(): Promise<Record<string, unknown>> {
  const { source } = templates();
  // Encoded once: the local server shares this process, and re-encoding 29 MiB per request
  // would be counted as ingestion time.
  const feed = Buffer.from(remotiveFeed(syntheticListings(ITEMS, { days: 60 })));
  console.log(`ingest: ${ITEMS} items (${(feed.length / 2 ** 20).toFixed(1)} MiB of JSON) varied from ${source}`);
  const server = await startLocalServer({
    '/feed': (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(feed);
    },
    '/feed-etag': (req, res) => {
      if (req.headers['if-none-match'] === '"bench-v1"') {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.setHeader('etag', '"bench-v1"');
      res.end(feed);
    },
  });
  const results: Figures[] = [];
  let floor: Floor | null = null;
  try {
    const dir = mkdtempSync(join(tmpdir(), 'trackend-bench-'));
    const pglite = await openDatabase({ driver: 'pglite', dir: join(dir, 'pglite') });
    try {
      results.push(await measure('PGlite', pglite, server.url('/feed'), server.url('/feed-etag')));
    } finally {
      await pglite.close();
      rmSync(dir, { recursive: true, force: true });
    }

    if (env().TEST_DATABASE_URL) {
      const { url, drop } = await createEmptyPostgresDatabase();
      const pg = await openDatabase({ driver: 'postgres', url, source: 'TEST_DATABASE_URL' });
      try {
        results.push(await measure('PostgreSQL', pg, server.url('/feed'), server.url('/feed-etag')));
        floor = await measureFloor(pg, remotive.id);
      } finally {
        await pg.close();
        await drop();
      }
    } else {
      console.log('ingest: TEST_DATABASE_URL is not set, so PostgreSQL is not measured (see README: Benchmarks).');
    }
  } finally {
    await server.close();
  }

  const table = markdownTable(
    ['database', 'first run', 'items/s', 'first run CPU (this process)', 'unchanged run', 'unchanged / first', '304 run', 'peak RSS'],
    results.map((r) => [
      r.database,
      `${Math.round(r.firstMs)} ms`,
      Math.round(r.itemsPerS),
      `${Math.round(r.firstCpuMs)} ms`,
      `${Math.round(r.unchangedMs)} ms`,
      round(r.unchangedRatio, 3),
      `${Math.round(r.notModifiedMs)} ms`,
      `${r.peakRssMb} MiB`,
    ]),
  );
  console.log(table);
  const pg = results.find((r) => r.database === 'PostgreSQL');
  const lite = results.find((r) => r.database === 'PGlite')!;
  const pgToFloor = throughputRatio(pg?.itemsPerS, floor?.itemsPerS);
  const floorLine = floor
    ? `Floor on PostgreSQL: the ${ITEMS.toLocaleString('en')} rows the first run stored, read back, the table truncated, then written by one bare INSERT ` +
      `(the same JSON rows through json_to_recordset, the same indexes and generated search column; no conflict check, duplicate links or run record): ` +
      `${Math.round(floor.ms)} ms, ${Math.round(floor.itemsPerS)} items/s. End to end over the floor: **${pgToFloor ?? 'not measured'}** (target at least ${TARGETS.ingestToFloor}).`
    : 'Floor: not measured (it runs on PostgreSQL only).';
  if (floor) console.log(`ingest: floor ${Math.round(floor.itemsPerS)} items/s; PostgreSQL end to end over the floor ${pgToFloor ?? 'not measured'}`);
  const path = writeReport('ingest', 'Ingestion benchmark', [
    `A ${ITEMS.toLocaleString('en')}-item Remotive-format feed (${(feed.length / 2 ** 20).toFixed(1)} MiB, varied from ${source}) served from 127.0.0.1, ingested end to end: fetch, parse, validate, classify, sanitize, dedupe, batched upsert. Then the same feed again (no ETag, so it is fetched and parsed but nothing is written), and a conditional request answered 304.`,
    '',
    table,
    '',
    floorLine,
    '',
    `Targets: PostgreSQL end to end at least ${TARGETS.ingestToFloor} of the floor's items/s (parsing, cleaning and classifying overlapped with the database's work); the unchanged run under ${TARGETS.unchangedRatio} of the first.`,
    '',
    'What was changed to get here, and where the time goes per step: [ingest-notes.md](ingest-notes.md).',
    '',
    'The CPU column is what this Node process spent (parse, validate, classify, sanitize, build queries); on PGlite it includes the database itself (WASM in this process), on PostgreSQL the server\'s work is not in it. Wall-clock figures on a shared machine move with its load; the CPU column moves much less.',
  ]);
  console.log(`ingest: report written to ${path}`);
  return {
    bench: 'ingest',
    items: ITEMS,
    pg_items_per_s: pg ? Math.round(pg.itemsPerS) : null,
    pglite_items_per_s: Math.round(lite.itemsPerS),
    unchanged_ratio: round((pg ?? lite).unchangedRatio, 3),
    pglite_unchanged_ratio: round(lite.unchangedRatio, 3),
    peak_rss_mb: Math.max(...results.map((r) => r.peakRssMb)),
    floor_items_per_s: floor ? Math.round(floor.itemsPerS) : null,
    pg_to_floor: pgToFloor,
  };
}
