import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { ParseError } from '../../scrapers/errors';
import type { FetchedBody } from '../../scrapers/types';
import type { PageListing, PageSnapshot, PreparedPage } from '../applications/page-listing';
import type { UsdRates } from '../salary/normalize';
import type { CheckedParseResult, PageTask, ParseTask, ParseTaskResult, PrepareTask, PrepareTaskResult } from './prepare-worker';

// Preparing items (sanitize, HTML to text, classify) is CPU work of up to seconds per hostile
// item: it runs in worker threads, never on the event loop that serves pages. Every entry point
// (the app server's schedule and /boards refresh, the CLI, pg-boss workers, benchmarks) goes
// through ingestBoard and so through this one process-wide pool.
//
// The task file stays TypeScript in every runtime, loaded by tsx in the worker: vitest and
// tsx run from the source tree, and `next build` bundles lib/ into chunks that no worker can
// import on its own, so the built server finds the same file under its working directory
// (`next start` runs in the project root, like `npm run ingest` and `npm run worker`, which
// already run on tsx).

/** A prepared row as the upsert's JSON (lib/ingest/row-json.ts), or why it could not be prepared. */
export type PrepareOutcome = { ok: true; json: string; ms: number } | { ok: false; error: Error; ms: number };

export type PrepareItems = PrepareTask['items'];
export type PrepareOptions = PrepareTask['options'];

export interface PreparePool {
  /** One outcome per item, in order. Never rejects: a crash or a throw is that item's failure. */
  prepare(items: PrepareItems, options: PrepareOptions): Promise<PrepareOutcome[]>;
  /**
   * The same outcomes, a task's worth at a time, in item order as soon as they are ready: a few
   * tasks are queued ahead, so the caller can write the first rows while the threads prepare the rest.
   */
  prepareInOrder(items: PrepareItems, options: PrepareOptions): AsyncGenerator<PrepareOutcome[]>;
  /**
   * A built-in board's response parsed in a worker thread (its ParseError thrown here as one),
   * each item already validated and hashed there. Takes the response's bytes: a buffer of their
   * own is moved to the worker, so read `body` first if you need it after.
   */
  parse(boardId: string, response: FetchedBody): Promise<CheckedParseResult>;
  /** A job page someone named, read and prepared in a worker thread (its bytes moved there, as parse's). */
  readPage(response: FetchedBody, rates: UsdRates): Promise<PageListing>;
  /** A job the save form describes, prepared like a listing in a worker thread. */
  preparePage(snapshot: PageSnapshot, rates: UsdRates): Promise<PreparedPage>;
  /** Tasks completed and the worker threads that ran them (each task reports its thread id). */
  stats(): { tasks: number; threadIds: number[]; threads: number };
  close(): Promise<void>;
}

const WORKER_FILE = 'prepare-worker.ts';
/** Items per task: enough to make a message worth sending, small enough to spread a batch over the threads. */
const MAX_TASK_ITEMS = 100;
/** And at most about this many characters of descriptions per task. */
const MAX_TASK_CHARS = 256_000;
/** Tasks queued ahead of the one the caller waits for, per thread (prepareInOrder). */
const TASKS_AHEAD_PER_THREAD = 2;

function sourceDir(): string | null {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return null; // a bundle without a file URL for this module
  }
}

/** The task file and the flags that let a worker thread load TypeScript. */
function workerEntry(): { filename: string; execArgv: string[] } {
  const dirs = [sourceDir(), join(process.cwd(), 'lib', 'ingest')].filter((dir): dir is string => dir !== null);
  const dir = dirs.find((candidate) => existsSync(join(candidate, WORKER_FILE)));
  if (!dir) throw new Error(`the ingestion worker file ${WORKER_FILE} is not in ${dirs.join(' or ')}`);
  const tsx = createRequire(join(dir, '..', '..', 'package.json')).resolve('tsx');
  return { filename: join(dir, WORKER_FILE), execArgv: ['--import', pathToFileURL(tsx).href] };
}

/** A view over the whole of an ArrayBuffer nothing else shares: transferring it detaches only this. */
const ownsBuffer = (bytes: Uint8Array) => bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.byteLength > 0;

/**
 * A response's own bytes, to hand over to a worker (a multi-megabyte copy or decode would block
 * this thread): taken as they are when their buffer is theirs alone (the fetcher's), else copied
 * once into one that is. A body that was never bytes (a test's fake) goes as UTF-8.
 */
function handOver(response: FetchedBody): { bytes: Uint8Array; contentType: string | null } {
  const moved = response.bytes !== undefined && ownsBuffer(response.bytes);
  const bytes = response.bytes ? (moved ? response.bytes : new Uint8Array(response.bytes)) : new TextEncoder().encode(response.body);
  if (moved) {
    // Its bytes leave this thread: a later read of the body must fail loudly, not read nothing.
    Object.defineProperty(response, 'body', { configurable: true, get: () => { throw new Error('the response body was handed to the worker pool'); } });
  }
  return { bytes, contentType: response.bytes ? response.contentType : 'text/plain; charset=utf-8' };
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

export function createPreparePool(options: { filename?: string; maxThreads?: number; idleTimeoutMs?: number } = {}): PreparePool {
  let piscina: Piscina<PrepareTask, PrepareTaskResult> | null = null;
  let tasks = 0;
  const threadIds = new Set<number>();
  // One CPU stays with the event loop that serves pages; a one-CPU machine still gets a thread.
  const maxThreads = options.maxThreads ?? Math.max(1, availableParallelism() - 1);

  // Created on first use, so importing ingestion (pages, tests) starts no threads.
  const pool = () => {
    if (!piscina) {
      const entry = workerEntry();
      piscina = new Piscina<PrepareTask, PrepareTaskResult>({
        filename: options.filename ?? entry.filename,
        execArgv: entry.execArgv,
        minThreads: 0,
        maxThreads,
        // Idle threads exit, so a process that ingests once an hour holds none in between.
        idleTimeout: options.idleTimeoutMs ?? 10_000,
        // A runaway item exhausts its worker's heap, not the server's.
        resourceLimits: { maxOldGenerationSizeMb: 512 },
      });
    }
    return piscina;
  };

  const run = async (items: PrepareItems, prepareOptions: PrepareOptions): Promise<PrepareOutcome[]> => {
    const done = await pool().run({ items, options: prepareOptions });
    tasks++;
    threadIds.add(done.threadId);
    return done.results.map((result) =>
      result.ok ? result : { ok: false, error: Object.assign(new Error(result.message), { name: result.name }), ms: result.ms },
    );
  };

  // A task that dies (worker crash, out of memory) is retried an item at a time, so only the
  // item that kills a worker fails, with the reason.
  const runTask = async (items: PrepareItems, prepareOptions: PrepareOptions): Promise<PrepareOutcome[]> => {
    try {
      return await run(items, prepareOptions);
    } catch (error) {
      if (items.length === 1) return [{ ok: false, error: asError(error), ms: 0 }];
      const outcomes: PrepareOutcome[] = [];
      for (const item of items) outcomes.push(...(await runTask([item], prepareOptions)));
      return outcomes;
    }
  };

  // The same pool and task file; piscina calls the file's named export. The bytes are moved, not cloned.
  const runNamed = async <Task, Result>(name: string, task: Task, bytes?: Uint8Array): Promise<Result> => {
    const transferList = bytes ? [bytes.buffer as ArrayBuffer] : [];
    const done = (await pool().run(task as unknown as PrepareTask, { name, transferList })) as unknown as Result;
    tasks++;
    return done;
  };

  async function* prepareInOrder(items: PrepareItems, prepareOptions: PrepareOptions): AsyncGenerator<PrepareOutcome[]> {
    if (items.length === 0) return;
    const size = Math.min(MAX_TASK_ITEMS, Math.ceil(items.length / maxThreads));
    // A task also ends at MAX_TASK_CHARS of descriptions: its message is cloned on this thread
    // when piscina hands it to a worker, and one task of large descriptions would hold it that long.
    const slices: PrepareItems[] = [];
    let slice: PrepareItems = [];
    let chars = 0;
    for (const entry of items) {
      const length = entry.item.descriptionHtml.length;
      if (slice.length > 0 && (slice.length >= size || chars + length > MAX_TASK_CHARS)) {
        slices.push(slice);
        slice = [];
        chars = 0;
      }
      slice.push(entry);
      chars += length;
    }
    slices.push(slice);
    // A few tasks ahead of the caller, not all of them: piscina does not run a queue of tasks in
    // the order they were queued (with 104 queued, the third finished after the twentieth), and the
    // caller waits for them in order, so the rows came out in one burst at the end and nothing
    // was written while they were prepared. runTask never rejects, so tasks left pending when a
    // caller stops early settle quietly.
    const ahead: Promise<PrepareOutcome[]>[] = [];
    let next = 0;
    const queueAhead = () => {
      while (next < slices.length && ahead.length < TASKS_AHEAD_PER_THREAD * maxThreads) ahead.push(runTask(slices[next++]!, prepareOptions));
    };
    queueAhead();
    while (ahead.length > 0) {
      const done = await ahead.shift()!;
      queueAhead();
      yield done;
    }
  }

  return {
    prepareInOrder,
    async prepare(items, prepareOptions) {
      const outcomes: PrepareOutcome[] = [];
      for await (const done of prepareInOrder(items, prepareOptions)) outcomes.push(...done);
      return outcomes;
    },
    async parse(boardId, response) {
      const { bytes, contentType } = handOver(response);
      const task: ParseTask = { boardId, bytes, contentType, sourceUrl: response.url };
      const done = await runNamed<ParseTask, ParseTaskResult>('parseBoard', task, bytes);
      if (!done.ok) throw new ParseError(done.parseError);
      return done.result;
    },
    async readPage(response, rates) {
      const { bytes, contentType } = handOver(response);
      return runNamed<PageTask, PageListing>('readPage', { bytes, contentType, url: response.url, rates }, bytes);
    },
    preparePage: (snapshot, rates) => runNamed<{ snapshot: PageSnapshot; rates: UsdRates }, PreparedPage>('prepareSavedPage', { snapshot, rates }),
    stats: () => ({ tasks, threadIds: [...threadIds], threads: piscina?.threads.length ?? 0 }),
    async close() {
      const closing = piscina;
      piscina = null;
      await closing?.destroy();
    },
  };
}

// One pool per process, kept on globalThis so that every bundle and module instance that
// imports this file (Next's server chunks, HMR in dev) shares it.
const globalForPool = globalThis as unknown as { trackendPreparePool?: PreparePool };

export function preparePool(): PreparePool {
  return (globalForPool.trackendPreparePool ??= createPreparePool());
}
