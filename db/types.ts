import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL, Table } from 'drizzle-orm';
import type * as schema from './schema';

/**
 * The database handle domain code receives: PGlite and postgres.js both satisfy it, and so
 * does a transaction, so every function can take part in a caller's transaction.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

// PGlite is one connection in this process: while a transaction is open, every other query
// waits. db/client.ts marks each PGlite handle it opens.
const oneConnection = new WeakSet<Db>();
export const markOneConnection = (db: Db): void => void oneConnection.add(db);

/** Whether every query on this database waits for an open transaction (PGlite), unlike a PostgreSQL pool. */
export const hasOneConnection = (db: Db): boolean => oneConnection.has(db);

/** Rows of a raw SQL query, whichever driver ran it (PGlite returns {rows}, postgres.js an array). */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

type SnakeCase<S extends string> = S extends `${infer C}${infer Rest}` ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${SnakeCase<Rest>}` : S;

/** What a raw query returns for a column: postgres.js sends a bigint as a string, and a timestamp may come as text. */
type RawValue<ColumnType, Value> = ColumnType extends 'PgBigInt53' | 'PgTimestamp' ? Value | string : Value;

/**
 * The columns `keys` of a table as a raw SQL query (queryRows) returns them: snake_case names,
 * each value typed from the schema, widened where the drivers differ.
 */
export type RawRow<T extends Table, K extends keyof T['$inferSelect'] & keyof T['_']['columns'] & string> = {
  [P in K as SnakeCase<P>]: RawValue<T['_']['columns'][P]['_']['columnType'], T['$inferSelect'][P]>;
};
