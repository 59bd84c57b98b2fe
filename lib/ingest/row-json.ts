import { toSnakeCase } from 'drizzle-orm/casing';
import type { PreparedListing } from './prepare';

// A prepared listing as one element of the JSON array the upsert reads with json_to_recordset
// (lib/ingest/store.ts). Serialized where the row is prepared, in the worker pool, so the
// serving event loop only joins strings. The worker never loads the schema for it.

const names = new Map<string, string>();

/** A column's name in SQL: the snake_case drizzle's casing gives the client's queries (kept: every row repeats the keys). */
export function columnName(key: string): string {
  let name = names.get(key);
  if (name === undefined) {
    name = toSnakeCase(key);
    names.set(key, name);
  }
  return name;
}

/** One row with snake_case keys and ISO dates, as json_to_recordset reads it (a column left out reads as null). */
export function rowJson(row: PreparedListing): string {
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) columns[columnName(key)] = value ?? null;
  return JSON.stringify(columns);
}
