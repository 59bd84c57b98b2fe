import { env } from '../env';
import { USD_PER_UNIT } from '../salary/normalize';
import type { SearchContext } from './search';

// Cursors are signed to tell ours from made-up ones, not to protect anything: with no
// AUTH_SECRET configured a fixed key does that job as well.
const FALLBACK_CURSOR_KEY = 'trackend-cursor-key-v1';

export function searchContext(extra: Partial<SearchContext> = {}): SearchContext {
  return { secret: env().AUTH_SECRET ?? FALLBACK_CURSOR_KEY, usdPerUnit: USD_PER_UNIT, ...extra };
}
