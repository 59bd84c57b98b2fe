import type { Db } from '../../db/types';
import { env } from '../env';
import { loadUsdRates } from '../salary/rates';
import type { SearchContext } from './search';

// Cursors are signed to tell ours from made-up ones, not to protect anything: with no
// AUTH_SECRET configured a fixed key does that job as well.
const FALLBACK_CURSOR_KEY = 'trackend-cursor-key-v1';

export async function searchContext(db: Db, extra: Partial<SearchContext> = {}): Promise<SearchContext> {
  return { secret: env().AUTH_SECRET ?? FALLBACK_CURSOR_KEY, usdPerUnit: await loadUsdRates(db), ...extra };
}
