import { threadId } from 'node:worker_threads';
import { prepareListing } from './prepare';
import { rowJson } from './row-json';
import type { UsdRates } from '../salary/normalize';
import { boundDescription, type ValidRawListing } from './validate';
import { ParseError } from '../../scrapers/errors';
import { decodeBody } from '../../scrapers/fetch/decode';
import { parseAtsResponse, systemOfAtsBoardId } from '../../scrapers/ats';
import { BOARDS } from '../../scrapers/registry';
import type { ParseResult } from '../../scrapers/types';

// The piscina task file (see prepare-pool.ts): prepares one batch of items in a worker thread.
// Only data crosses the thread boundary (structured clone), so an item's failure travels back
// as its error's name and message.

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

/** A ParseError crosses back as data, so the caller can throw it again as what it is. */
export type ParseTaskResult = { ok: true; result: ParseResult } | { ok: false; parseError: string };

/** Parses a built-in board's or a followed company's response (a pure parse) in a worker thread. */
export function parseBoard(task: ParseTask): ParseTaskResult {
  const system = systemOfAtsBoardId(task.boardId);
  // A followed company's board is not in BOARDS: its id names the hiring system whose parser reads it.
  const parse = BOARDS.find((board) => board.id === task.boardId)?.parse ?? (system ? (body: string, url: string) => parseAtsResponse(system, body, url) : undefined);
  if (!parse) throw new Error(`no board "${task.boardId}" with a parse of its own`);
  try {
    const body = decodeBody(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.contentType);
    const { items, skipped } = parse(body, task.sourceUrl);
    // Bounded here as validation would bound it, so only what is kept travels back.
    const bounded = items.map((item) => (typeof item.descriptionHtml === 'string' ? { ...item, descriptionHtml: boundDescription(item.descriptionHtml) } : item));
    return { ok: true, result: { items: bounded, skipped } };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, parseError: error.message };
    throw error;
  }
}
