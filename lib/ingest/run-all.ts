import type { Db } from '../../db/types';
import type { BoardDefinition, FetchText } from '../../scrapers/types';
import { createGuardedFetcher } from './fetchers';
import { describeError, ingestBoard, type BoardIngestResult, type IngestOptions } from './run-board';

export interface IngestTarget {
  board: BoardDefinition;
  url?: string;
  custom?: boolean;
  /** The URL was supplied by a person (a custom feed): read only through the guarded fetcher. */
  guarded?: boolean;
  /** Sample mode: each board reads its own bundled fixture through its own fetchText. */
  fetchText?: IngestOptions['fetchText'];
}

export type IngestAllOptions = Omit<IngestOptions, 'url' | 'custom' | 'fetchText'> & {
  /** For built-in boards and the operator's URLs. */
  fetchText: FetchText;
  /** For guarded targets; unset: a guarded fetcher configured from the environment. */
  guardedFetchText?: FetchText;
};

let defaultGuarded: FetchText | undefined;

/**
 * The one place that decides how a target is read: a guarded target never gets the plain
 * fetchText, whatever the caller passed.
 */
export function fetchTextFor(target: IngestTarget, options: Pick<IngestAllOptions, 'fetchText' | 'guardedFetchText'>): FetchText {
  if (target.guarded) return options.guardedFetchText ?? (defaultGuarded ??= createGuardedFetcher().fetchText);
  return target.fetchText ?? options.fetchText;
}

/**
 * Ingest several boards at once. Boards on different hosts fetch in parallel (the shared
 * fetcher keeps one request at a time per host); a board that fails, or even throws while
 * recording its failure (database gone), never stops the others.
 */
export async function ingestAll(
  db: Db,
  targets: IngestTarget[],
  options: IngestAllOptions & { onResult?: (result: BoardIngestResult) => void },
): Promise<BoardIngestResult[]> {
  const { guardedFetchText: _guarded, onResult, ...rest } = options;
  return Promise.all(
    targets.map(async (target) => {
      const started = Date.now();
      let result: BoardIngestResult;
      try {
        result = await ingestBoard(db, target.board, {
          ...rest,
          fetchText: fetchTextFor(target, options),
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
      onResult?.(result);
      return result;
    }),
  );
}
