import { threadId } from 'node:worker_threads';
import { prepareListing, type PreparedListing } from './prepare';
import type { UsdRates } from '../salary/normalize';
import type { ValidRawListing } from './validate';

// The piscina task file (see prepare-pool.ts): prepares one batch of items in a worker thread.
// Only data crosses the thread boundary (structured clone), so an item's failure travels back
// as its error's name and message.

export interface PrepareTask {
  items: { item: ValidRawListing; hash: string }[];
  options: { isSample: boolean; rates: UsdRates; now: Date };
}

export type PrepareItemResult = { ok: true; row: PreparedListing; ms: number } | { ok: false; name: string; message: string; ms: number };

export interface PrepareTaskResult {
  threadId: number;
  results: PrepareItemResult[];
}

export default function prepareBatch(task: PrepareTask): PrepareTaskResult {
  const results = task.items.map(({ item, hash }): PrepareItemResult => {
    const started = performance.now();
    try {
      const row = prepareListing(item, hash, task.options);
      return { ok: true, row, ms: performance.now() - started };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      return { ok: false, name, message, ms: performance.now() - started };
    }
  });
  return { threadId, results };
}
