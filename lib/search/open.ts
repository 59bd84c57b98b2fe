import { sql, type SQL } from 'drizzle-orm';

/**
 * "Open, not a copy": what search, the snapshot, the overview and dedupe mean by a listing that
 * is shown. A removed listing is gone; a copy (duplicate_of set) is the same job found on
 * another board, shown through its primary. The partial indexes of db/schema/listings.ts carry
 * the same condition. `alias` is the table's name or alias in the statement.
 */
export function openListing(alias: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`openListing: ${alias} is not a table alias`);
  return sql.raw(`${alias}.removed_at is null and ${alias}.duplicate_of is null`);
}
