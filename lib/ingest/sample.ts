import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../db/types';
import { FetchError } from '../../scrapers/errors';
import { REGISTERED } from '../../scrapers/registry';
import type { FetchText } from '../../scrapers/types';
import { ensureBoardRow } from './board-state';
import type { IngestTarget } from './run-all';

/**
 * A fetchText that answers a board's own URL with its bundled sample file, and every other URL
 * (detail pages) with a 404, so sample ingestion runs the real parsers without a network.
 */
export function sampleFetcher(boardUrl: string, file: string): FetchText {
  return async (url) => {
    if (url !== boardUrl) throw new FetchError('http', url, `GET ${url} failed: HTTP 404 (not in the bundled samples)`, { status: 404 });
    const body = await readFile(join(process.cwd(), file), 'utf8');
    return { status: 200, url, body, contentType: null, etag: null, lastModified: null };
  };
}

/** Ingest targets that read each built-in board's bundled sample instead of the network. */
export async function sampleTargets(db: Db, only: string[] = []): Promise<IngestTarget[]> {
  const entries = REGISTERED.filter((entry) => only.length === 0 || only.includes(entry.board.id));
  for (const { board } of entries) await ensureBoardRow(db, board, { url: board.url });
  return entries.map(({ board, sample }) => ({ board, url: board.url, fetchText: sampleFetcher(board.url, sample) }));
}
