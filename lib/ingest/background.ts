import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { ingestRuns } from '../../db/schema';
import type { Db } from '../../db/types';
import type { FetchText } from '../../scrapers/types';
import { sharedIngestFetchers } from './fetchers';
import { progressLine } from './report';
import { fetchTextFor, ingestAll, type IngestTarget } from './run-all';
import { ingestBoard } from './run-board';

const globalForIngest = globalThis as unknown as { trackendIngest?: Promise<void> };

/**
 * Start an ingestion in this server process without waiting for it (a page asks, the boards
 * page then shows progress through each board's lease and runs). One at a time per process;
 * returns false when one is already under way.
 */
export function startBackgroundIngest(db: Db, targets: IngestTarget[], options: { sample?: boolean; force?: boolean } = {}): boolean {
  if (globalForIngest.trackendIngest) return false;
  globalForIngest.trackendIngest = ingestAll(db, targets, {
    ...sharedIngestFetchers(),
    sample: options.sample,
    force: options.force,
    onResult: (result) => console.log(`[ingest] ${progressLine(result)}`),
  })
    .then(() => undefined)
    .catch((error: unknown) => console.error('[ingest] background ingestion failed', error))
    .finally(() => {
      globalForIngest.trackendIngest = undefined;
    });
  return true;
}

export function backgroundIngestRunning(): boolean {
  return globalForIngest.trackendIngest !== undefined;
}

async function latestRunId(db: Db, boardId: string, status?: 'running'): Promise<number | null> {
  const [run] = await db
    .select({ id: ingestRuns.id })
    .from(ingestRuns)
    .where(status ? and(eq(ingestRuns.boardId, boardId), eq(ingestRuns.status, status)) : eq(ingestRuns.boardId, boardId))
    .orderBy(desc(ingestRuns.id))
    .limit(1);
  return run?.id ?? null;
}

/**
 * Run one board in the background and answer with the id of its ingest run as soon as the run
 * is recorded (it then goes on alone). ingestBoard records the run after taking the board's
 * lease and before its first fetch, so the first fetch is the moment to read it: the only
 * running run of a leased board is this one. A board another process is running answers with
 * that run; a run that ends before fetching (an error recorded at once) with its own record;
 * a board found backing off (forced runs skip that) with null.
 */
export function startBoardRun(
  db: Db,
  target: IngestTarget,
  options: { force?: boolean; /** A stand-in for the network itself (tests' fake boards), for every target. */ network?: FetchText } = {},
): Promise<number | null> {
  const fetchText = options.network ?? fetchTextFor(target, sharedIngestFetchers());
  let announce: (runId: Promise<number | null>) => void = () => {};
  const announced = new Promise<number | null>((resolve) => {
    let done = false;
    announce = (runId) => {
      if (done) return;
      done = true;
      resolve(runId.catch(() => null));
    };
  });
  const run = ingestBoard(db, target.board, {
    url: target.url,
    custom: target.custom,
    force: options.force,
    fetchText: (url, fetchOptions) => {
      announce(latestRunId(db, target.board.id, 'running'));
      return fetchText(url, fetchOptions);
    },
  });
  run
    .then((result) => {
      console.log(`[ingest] ${progressLine(result)}`);
      if (result.status === 'backing_off') announce(Promise.resolve(null));
      else announce(latestRunId(db, target.board.id, result.status === 'busy' ? 'running' : undefined));
    })
    .catch((error: unknown) => {
      console.error(`[ingest] ${target.board.id}: background run failed`, error);
      announce(Promise.resolve(null));
    });
  return announced;
}
