import { getTableColumns } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { listings } from '../../db/schema';
import type { PreparedListing } from './prepare';

// A prepared listing as one element of the JSON array the upsert reads with json_to_recordset
// (lib/ingest/store.ts). Serialized where the row is prepared, in the worker pool, so the
// serving event loop only joins strings.

/** The listing columns the database fills (or dedupe links later), never a prepared row (PreparedListing omits them). */
export const DATABASE_FILLED = ['id', 'firstSeenAt', 'lastSeenAt', 'removedAt', 'duplicateOf', 'search'] as const;

const LISTING_COLUMNS = getTableColumns(listings);
const filled: ReadonlySet<string> = new Set(DATABASE_FILLED);

/** Every column a prepared listing carries, in the schema's order. */
export const COLUMNS = Object.keys(LISTING_COLUMNS).filter((key) => !filled.has(key)) as (keyof PreparedListing)[];

/** A column's name in SQL: the snake_case the database client's casing gives it. */
export const columnName = (key: keyof PreparedListing) => toSnakeCase(key);

/** A column's SQL type, from the schema (the record type json_to_recordset reads rows as). */
export const columnType = (key: keyof PreparedListing) => LISTING_COLUMNS[key].getSQLType();

/** One row with snake_case keys and ISO dates, as json_to_recordset reads it. */
export function rowJson(row: PreparedListing): string {
  return JSON.stringify(Object.fromEntries(COLUMNS.map((key) => [columnName(key), row[key] ?? null])));
}
