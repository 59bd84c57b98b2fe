import type { Db } from '../../db/types';
import { createIngestFetchers } from './fetchers';
import { progressLine } from './report';
import { ingestAll, type IngestTarget } from './run-all';

const globalForIngest = globalThis as unknown as { trackendIngest?: Promise<void> };

/**
 * Start an ingestion in this server process without waiting for it (a page asks, the boards
 * page then shows progress through each board's lease and runs). One at a time per process;
 * returns false when one is already under way.
 */
export function startBackgroundIngest(db: Db, targets: IngestTarget[], options: { sample?: boolean; force?: boolean } = {}): boolean {
  if (globalForIngest.trackendIngest) return false;
  globalForIngest.trackendIngest = ingestAll(db, targets, {
    ...createIngestFetchers(),
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
