import { threadId } from 'node:worker_threads';
import { contentHash, prepareListing } from './prepare';
import { rowJson } from './row-json';
import type { UsdRates } from '../salary/normalize';
import { boundDescription, validateRawListing, type ValidRawListing } from './validate';
import { ParseError } from '../../scrapers/errors';
import { decodeBody } from '../../scrapers/fetch/decode';
import { parseAtsResponse, systemOfAtsBoardId } from '../../scrapers/ats';
import { BOARDS } from '../../scrapers/registry';
import type { ParseResult } from '../../scrapers/types';
import { pageListing, preparePage, type PageListing, type PageSnapshot, type PreparedPage } from '../applications/page-listing';
import { lowerThisThreadsPriority } from './thread-priority';

// The piscina task file (see prepare-pool.ts): prepares one batch of items in a worker thread.
// Only data crosses the thread boundary (structured clone), so an item's failure travels back
// as its error's name and message.

// Each pool thread gives way to the thread that serves pages (thread-priority.ts).
lowerThisThreadsPriority();

export interface PrepareTask {
  items: { item: ValidRawListing; hash: string }[];
  options: { isSample: boolean; rates: UsdRates; now: Date };
}

/** A prepared row travels back already serialized for the upsert (one string, cheap to receive). */
export type PrepareItemResult = { ok: true; json: string; ms: number } | { ok: false; name: string; message: string; ms: number };

export interface PrepareTaskResult {
  threadId: number;
  results: PrepareItemResult[];
}

export default function prepareBatch(task: PrepareTask): PrepareTaskResult {
  const results = task.items.map(({ item, hash }): PrepareItemResult => {
    const started = performance.now();
    try {
      const json = rowJson(prepareListing(item, hash, task.options));
      return { ok: true, json, ms: performance.now() - started };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      return { ok: false, name, message, ms: performance.now() - started };
    }
  });
  return { threadId, results };
}

export interface ParseTask {
  boardId: string;
  /** The body's bytes, transferred rather than copied, decoded here with its charset. */
  bytes: Uint8Array;
  contentType: string | null;
  sourceUrl: string;
}

/**
 * Each parsed item checked as ingestion checks it (lib/ingest/validate.ts) and hashed, here rather
 * than on the serving thread: its content hash, or why it cannot be stored.
 */
export type ItemCheck = { hash: string } | { reason: string };

/** Parsed items (validated where their check has a hash) with one check each, in order. */
export type CheckedParseResult = ParseResult & { checks: ItemCheck[] };

/** A ParseError crosses back as data, so the caller can throw it again as what it is. */
export type ParseTaskResult = { ok: true; result: CheckedParseResult } | { ok: false; parseError: string };

/**
 * Parses a built-in board's or a followed company's response (a pure parse) in a worker thread,
 * then validates and hashes each item.
 */
export function parseBoard(task: ParseTask): ParseTaskResult {
  const system = systemOfAtsBoardId(task.boardId);
  // A followed company's board is not in BOARDS: its id names the hiring system whose parser reads it.
  const parse = BOARDS.find((board) => board.id === task.boardId)?.parse ?? (system ? (body: string, url: string) => parseAtsResponse(system, body, url) : undefined);
  if (!parse) throw new Error(`no board "${task.boardId}" with a parse of its own`);
  let parsed: ParseResult;
  try {
    const body = decodeBody(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.contentType);
    parsed = parse(body, task.sourceUrl);
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, parseError: error.message };
    throw error;
  }
  const checks: ItemCheck[] = [];
  const items = parsed.items.map((raw) => {
    const checked = validateRawListing({ ...raw, board: task.boardId });
    if (checked.ok) {
      checks.push({ hash: contentHash(checked.item) });
      return checked.item;
    }
    checks.push({ reason: checked.reason });
    // Bounded as validation would bound it, so only what is kept travels back.
    return typeof raw.descriptionHtml === 'string' ? { ...raw, descriptionHtml: boundDescription(raw.descriptionHtml) } : raw;
  });
  return { ok: true, result: { items, skipped: parsed.skipped, checks } };
}

export interface PageTask {
  /** The page's bytes, transferred rather than copied, decoded here with its charset. */
  bytes: Uint8Array;
  contentType: string | null;
  url: string;
  rates: UsdRates;
}

/** A job page someone named, read and prepared like a listing (lib/applications/page-listing.ts). */
export function readPage(task: PageTask): PageListing {
  const html = decodeBody(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.contentType);
  return pageListing(html, task.url, task.rates);
}

/** The save form's fields (or a page's, uncorrected), prepared like a listing. */
export function prepareSavedPage(task: { snapshot: PageSnapshot; rates: UsdRates }): PreparedPage {
  return preparePage(task.snapshot, task.rates);
}
