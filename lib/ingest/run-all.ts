import type { Db } from '../../db/types';
import type { BoardDefinition } from '../../scrapers/types';
import { describeError, ingestBoard, type BoardIngestResult, type IngestOptions } from './run-board';

export interface IngestTarget {
  board: BoardDefinition;
  url?: string;
  custom?: boolean;
  /** Sample mode: each board reads its own bundled fixture through its own fetchText. */
  fetchText?: IngestOptions['fetchText'];
}

/**
 * Ingest several boards at once. Boards on different hosts fetch in parallel (the shared
 * fetcher keeps one request at a time per host); a board that fails, or even throws while
 * recording its failure (database gone), never stops the others.
 */
export async function ingestAll(
  db: Db,
  targets: IngestTarget[],
  options: Omit<IngestOptions, 'url' | 'custom'> & { onResult?: (result: BoardIngestResult) => void },
): Promise<BoardIngestResult[]> {
  return Promise.all(
    targets.map(async (target) => {
      const started = Date.now();
      let result: BoardIngestResult;
      try {
        result = await ingestBoard(db, target.board, {
          ...options,
          fetchText: target.fetchText ?? options.fetchText,
          url: target.url,
          custom: target.custom,
          log: (message) => options.log?.(`${target.board.id}: ${message}`),
        });
      } catch (error) {
        result = {
          boardId: target.board.id,
          boardName: target.board.name,
          status: 'failed',
          counts: { fetched: 0, new: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0, failed: 0 },
          httpStatus: null,
          error: describeError(error),
          problems: [],
          durationMs: Date.now() - started,
          retryAt: null,
        };
      }
      options.onResult?.(result);
      return result;
    }),
  );
}
