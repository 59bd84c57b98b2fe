import type { Db } from '../../db/types';
import { env } from '../env';
import { loadUsdRates } from '../salary/rates';
import type { UsdRates } from '../salary/normalize';
import type { SearchContext } from './search';

// Cursors are signed to tell ours from made-up ones, not to protect anything: with no
// AUTH_SECRET configured a fixed key does that job as well.
const FALLBACK_CURSOR_KEY = 'trackend-cursor-key-v1';

// The rates change when an operator updates the table (salary/rates.ts), not per request: a search reads
// them at most once a minute per database rather than in a round trip of its own every time.
const RATES_KEEP_MS = 60_000;
const ratesByDatabase = new WeakMap<Db, { until: number; rates: Promise<UsdRates> }>();

function searchRates(db: Db, now = Date.now()): Promise<UsdRates> {
  const kept = ratesByDatabase.get(db);
  if (kept && kept.until > now) return kept.rates;
  const rates = loadUsdRates(db);
  ratesByDatabase.set(db, { until: now + RATES_KEEP_MS, rates });
  // A failed read is not kept: the next search tries again.
  rates.catch(() => ratesByDatabase.get(db)?.rates === rates && ratesByDatabase.delete(db));
  return rates;
}

export async function searchContext(db: Db, extra: Partial<SearchContext> = {}): Promise<SearchContext> {
  return { secret: env().AUTH_SECRET ?? FALLBACK_CURSOR_KEY, usdPerUnit: await searchRates(db), ...extra };
}
