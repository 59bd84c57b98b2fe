import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import type * as schema from './schema';

/**
 * The database handle domain code receives: PGlite and postgres.js both satisfy it, and so
 * does a transaction, so every function can take part in a caller's transaction.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Rows of a raw SQL query, whichever driver ran it (PGlite returns {rows}, postgres.js an array). */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
