import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { ingestRuns } from '../../db/schema';
import { hasOneConnection, type Db } from '../../db/types';
import { retryWhileUnreachable } from '../../db/reconnect';
import { FetchError, ParseError } from '../../scrapers/errors';
import type { BoardDefinition, FetchText, RawListing, ScrapeResult } from '../../scrapers/types';
import { claimBoard, ensureBoardRow, recordBoardFailure, recordBoardSuccess, releaseBoard } from './board-state';
import { contentHash } from './prepare';
import { preparePool, type PrepareOptions } from './prepare-pool';
import type { ItemCheck } from './prepare-worker';
import { timeSlices } from './time-slices';
import { countLive, linkDuplicates, loadStoredState, markMissingRemoved, touchSeen, UPSERT_BATCH_SIZE, UPSERT_MAX_JSON_CHARS, upsertBatch } from './store';
import { validateRawListing, type ValidRawListing } from './validate';
import { loadUsdRates } from '../salary/rates';

export interface IngestOptions {
  fetchText: FetchText;
  /** Read this URL instead of the board's own (flag or env override). */
  url?: string;
  /** Ignore the back-off of a failing board. */
  force?: boolean;
  /** Mark what is stored as sample data (npm run ingest -- --sample). */
  sample?: boolean;
  /** The board was added by a user as a feed. */
  custom?: boolean;
  now?: () => Date;
  log?: (message: string) => void;
  signal?: AbortSignal;
}

export type IngestStatus = 'succeeded' | 'not_modified' | 'failed' | 'busy' | 'backing_off';

export interface IngestCounts {
  fetched: number;
  new: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: number;
  failed: number;
}

export interface BoardIngestResult {
  boardId: string;
  boardName: string;
  status: IngestStatus;
  counts: IngestCounts;
  httpStatus: number | null;
  error: string | null;
  /** Why items were skipped or failed, capped. */
  problems: string[];
  durationMs: number;
  /** For a failed or backing-off board: when it will be tried again. */
  retryAt: Date | null;
}

const MAX_PROBLEMS = 50;
const zeroCounts = (): IngestCounts => ({ fetched: 0, new: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0, failed: 0 });

const MAX_ERROR_LENGTH = 1000;

/** A message a user can act on, from whatever a board run threw; short enough for the /boards page. */
export function describeError(error: unknown): string {
  let message: string;
  if (error instanceof FetchError || error instanceof ParseError) message = error.message;
  else if (error instanceof Error) {
    // drizzle's "Failed query: <statement> params: <...>" holds a whole batch (megabytes); its cause says what failed.
    message =
      error.message.startsWith('Failed query') && error.cause instanceof Error
        ? `database error: ${error.cause.message}`
        : `${error.name}: ${error.message}`;
  } else message = String(error);
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

interface Sorted {
  /** New or changed items, validated and hashed; classified and sanitized only as they are written. */
  toWrite: { item: ValidRawListing; hash: string }[];
  unchanged: string[];
  present: string[];
  skipped: number;
  failed: number;
  problems: string[];
}

const noteProblem = (problems: string[], message: string) => {
  if (problems.length < MAX_PROBLEMS) problems.push(message);
};

/** Items parsed in the worker pool, already validated and hashed there (parseOffThread). */
type Prechecked = WeakMap<object, ItemCheck>;

/**
 * Validate each scraped item and sort it into new/changed (to write) or unchanged: one hash each,
 * no classifying. Items parsed in the worker pool were validated and hashed there; the rest (boards
 * that scrape several pages) are checked here on the serving event loop, in slices, so a feed of
 * thousands of large items never holds a request for long.
 */
async function sortItems(
  board: BoardDefinition,
  result: Extract<ScrapeResult, { notModified: false }>,
  stored: Awaited<ReturnType<typeof loadStoredState>>,
  prechecked: Prechecked,
): Promise<Sorted> {
  const sorted: Sorted = { toWrite: [], unchanged: [], present: [], skipped: result.skipped.length, failed: 0, problems: [] };
  const note = (message: string) => noteProblem(sorted.problems, message);
  for (const skip of result.skipped) note(`skipped ${skip.ref ?? 'item'}: ${skip.reason}`);
  const seen = new Set<string>();
  const pause = timeSlices();
  for (const [index, raw] of result.items.entries()) {
    await pause();
    const checked = checkItem(board, raw, prechecked.get(raw));
    if (!checked.ok) {
      sorted.skipped++;
      note(`skipped ${raw.externalId || raw.url || `item ${index + 1}`}: ${checked.reason}`);
      continue;
    }
    const { item, hash } = checked;
    if (seen.has(item.externalId)) {
      sorted.skipped++;
      note(`skipped ${item.externalId}: listed twice in the same response`);
      continue;
    }
    seen.add(item.externalId);
    sorted.present.push(item.externalId);
    const before = stored.get(item.externalId);
    if (before && before.hash === hash && !before.removed) {
      sorted.unchanged.push(item.externalId);
      continue;
    }
    sorted.toWrite.push({ item, hash });
  }
  return sorted;
}

/** An item validated and hashed: by the worker that parsed it when there was one, else here. */
function checkItem(board: BoardDefinition, raw: RawListing, pre: ItemCheck | undefined): { ok: true; item: ValidRawListing; hash: string } | { ok: false; reason: string } {
  if (pre) {
    if ('reason' in pre) return { ok: false, reason: pre.reason };
    // The worker validated it under the parser's board id; a board built on another's parser
    // (same format, its own id) stores it under its own. The board is not part of the hash.
    const item = raw;
    return { ok: true, item: item.board === board.id ? item : { ...item, board: board.id }, hash: pre.hash };
  }
  const checked = validateRawListing({ ...raw, board: board.id });
  return checked.ok ? { ok: true, item: checked.item, hash: contentHash(checked.item) } : checked;
}

/**
 * Classify and sanitize the new and changed items in the worker pool (prepare-pool.ts), off this
 * event loop, a few tasks queued ahead of the writer so every thread takes a share; their rows
 * come out in order as each task finishes. An item that fails to prepare (throws, or kills its
 * worker) is counted and noted, and the rest are written.
 */
function prepareItems(toWrite: Sorted['toWrite'], options: PrepareOptions, problems: string[]): { rows: AsyncGenerator<string>; failed: () => number } {
  let failed = 0;
  async function* rows() {
    let index = 0;
    for await (const outcomes of preparePool().prepareInOrder(toWrite, options)) {
      for (const outcome of outcomes) {
        if (outcome.ok) yield outcome.json;
        else {
          failed++;
          noteProblem(problems, `failed ${toWrite[index]!.item.externalId}: ${describeError(outcome.error)}`);
        }
        index++;
      }
    }
  }
  return { rows: rows(), failed: () => failed };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/**
 * Upsert prepared rows (each already its JSON) a batch (one statement) at a time, as they arrive.
 * A batch also ends at UPSERT_MAX_JSON_CHARS: the driver copies a statement's whole parameter into
 * a buffer in one go, and a batch of huge descriptions would hold the serving event loop for that long.
 * Two statements are in flight on the transaction's connection (postgres.js pipelines them), so the
 * server starts the next batch without waiting for this process to read a result and send again.
 */
async function writeRows(tx: Db, rows: Iterable<string> | AsyncIterable<string>): Promise<{ insertedIds: number[]; updated: number }> {
  const out = { insertedIds: [] as number[], updated: 0 };
  let batch: string[] = [];
  let chars = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const send = async () => {
    if (batch.length === 0) return;
    const sending = upsertBatch(tx, batch).then((done) => {
      out.insertedIds.push(...done.insertedIds);
      out.updated += done.updated;
    });
    // Awaited below or by the next send; marked handled so an earlier failure leaves no stray rejection.
    sending.catch(() => {});
    batch = [];
    chars = 0;
    const previous = inFlight;
    inFlight = sending;
    await previous;
  };
  for await (const row of rows) {
    if (batch.length > 0 && (batch.length >= UPSERT_BATCH_SIZE || chars + row.length > UPSERT_MAX_JSON_CHARS)) await send();
    batch.push(row);
    chars += row.length;
  }
  await send();
  await inFlight;
  return out;
}

/**
 * Ingest one board: fetch (conditionally), parse, classify, dedupe, store, and record the run.
 * Never throws for a board's own failure: the result says what happened, and nothing already
 * stored is lost. Only a successful run of a complete feed marks missing listings removed.
 */
export async function ingestBoard(db: Db, board: BoardDefinition, options: IngestOptions): Promise<BoardIngestResult> {
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  const url = options.url ?? board.url;
  const base = { boardId: board.id, boardName: board.name, counts: zeroCounts(), httpStatus: null, error: null, problems: [], retryAt: null };
  const done = (fields: Partial<BoardIngestResult> & { status: IngestStatus }): BoardIngestResult => ({
    ...base,
    ...fields,
    durationMs: Date.now() - started,
  });

  const row = await ensureBoardRow(db, board, { url, custom: options.custom });
  if (!options.force && !options.sample && row.backoffUntil && row.backoffUntil > now()) {
    return done({ status: 'backing_off', retryAt: row.backoffUntil, error: row.lastError });
  }
  if (!(await claimBoard(db, board.id))) {
    return done({ status: 'busy', error: 'another process is ingesting this board right now' });
  }

  try {
    const [run] = await db.insert(ingestRuns).values({ boardId: board.id }).returning({ id: ingestRuns.id });
    const runId = run!.id;
    let boardUrlStatus: number | null = null;
    try {
      const stored = await loadStoredState(db, board.id);
      const prechecked: Prechecked = new WeakMap();
      const result = await board.scrape({
        url,
        fetchText: (fetchUrl, fetchOptions) =>
          options.fetchText(fetchUrl, fetchOptions).then((res) => {
            // Remembered so a response that fails to parse is recorded with its status.
            if (fetchUrl === url) boardUrlStatus = res.status;
            return res;
          }),
        conditional: options.sample ? {} : { etag: row.etag, lastModified: row.lastModified },
        knownExternalIds: new Set(stored.keys()),
        signal: options.signal,
        log: options.log ?? (() => {}),
        parseOffThread: async (boardId, response) => {
          const { items, skipped, checks } = await preparePool().parse(boardId, response);
          items.forEach((item, i) => prechecked.set(item, checks[i]!));
          return { items, skipped };
        },
      });

      if (result.notModified) {
        await db
          .update(ingestRuns)
          .set({ status: 'not_modified', httpStatus: 304, finishedAt: sql`now()` })
          .where(eq(ingestRuns.id, runId));
        await recordBoardSuccess(db, board.id, null);
        return done({ status: 'not_modified', httpStatus: 304 });
      }

      const rates = await loadUsdRates(db);
      const sorted = await sortItems(board, result, stored, prechecked);
      const counts: IngestCounts = {
        ...zeroCounts(),
        fetched: result.items.length + result.skipped.length,
        unchanged: sorted.unchanged.length,
        skipped: sorted.skipped,
        failed: sorted.failed,
      };
      const problems = [...sorted.problems];

      const prepared = prepareItems(sorted.toWrite, { isSample: options.sample ?? false, rates, now: now() }, problems);
      // On PostgreSQL the rows are written as the threads prepare them, so the server's work
      // (the search column, the indexes) overlaps the preparation. PGlite's open transaction
      // holds its only connection, and every page would wait out the preparation: there all rows
      // are prepared before the transaction opens.
      const rows = hasOneConnection(db) ? await collect(prepared.rows) : prepared.rows;
      await db.transaction(async (tx) => {
        const { insertedIds, updated } = await writeRows(tx, rows);
        counts.failed += prepared.failed();
        counts.new = insertedIds.length;
        counts.updated = updated;
        await linkDuplicates(tx, insertedIds);
        await touchSeen(tx, board.id, sorted.unchanged);
        // Samples are not the board's real list: they never mark real listings removed.
        if (result.complete && !options.sample) {
          // An empty "complete" feed from a board that had listings is an outage, not a market crash.
          if (sorted.present.length === 0 && (await countLive(tx, board.id)) > 0) {
            problems.push('the board returned no listings; kept the stored ones instead of marking them removed');
          } else {
            counts.removed = await markMissingRemoved(tx, board.id, sorted.present);
          }
        }
        await tx
          .update(ingestRuns)
          .set({ status: 'succeeded', httpStatus: result.httpStatus, finishedAt: sql`now()`, problems, ...counts })
          .where(eq(ingestRuns.id, runId));
        // Sample data says nothing about the real board's health or schedule.
        if (!options.sample) await recordBoardSuccess(tx, board.id, { etag: result.etag, lastModified: result.lastModified });
      });
      return done({ status: 'succeeded', counts, httpStatus: result.httpStatus, problems });
    } catch (error) {
      const message = describeError(error);
      const httpStatus = error instanceof FetchError ? error.status : boardUrlStatus;
      // The failure may be the database itself going away (a restart): record it once it is back.
      await retryWhileUnreachable(() =>
        db
          .update(ingestRuns)
          .set({ status: 'failed', httpStatus, error: message, finishedAt: sql`now()` })
          .where(eq(ingestRuns.id, runId)),
      );
      const retryAt = options.sample ? null : await retryWhileUnreachable(() => recordBoardFailure(db, row, message, now()));
      return done({ status: 'failed', httpStatus, error: message, retryAt });
    }
  } finally {
    await retryWhileUnreachable(() => releaseBoard(db, board.id));
  }
}
