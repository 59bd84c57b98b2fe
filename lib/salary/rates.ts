import 'server-only';
import { exchangeRates } from '../../db/schema';
import type { Db } from '../../db/types';
import type { UsdRates } from './normalize';

/** The stored exchange rates (seeded by a migration; update the table to refresh them). */
export async function loadUsdRates(db: Db): Promise<UsdRates> {
  const rows = await db.select().from(exchangeRates);
  return Object.fromEntries(rows.map((row) => [row.currency, Number(row.usdPerUnit)]));
}
