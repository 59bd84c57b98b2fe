import type { PreparedListing } from './prepare';

// A prepared listing as one element of the JSON array the upsert reads with json_to_recordset
// (lib/ingest/store.ts). Serialized where the row is prepared, in the worker pool, so the
// serving event loop only joins strings.

export const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// Every column a prepared listing carries, with its SQL type for json_to_recordset; the
// `satisfies` makes a column added to PreparedListing and missing here a type error.
export const COLUMN_TYPES = {
  boardId: 'text', externalId: 'text', url: 'text', canonicalUrl: 'text', fingerprint: 'text', contentHash: 'text',
  title: 'text', company: 'text', location: 'text', remote: 'remote_kind', salaryText: 'text', salaryMin: 'integer',
  salaryMax: 'integer', salaryCurrency: 'text', salaryPeriod: 'salary_period', salaryUsdYearly: 'integer',
  languages: 'text[]', skills: 'text[]', seniority: 'seniority', role: 'role', tags: 'text[]', yearsRequired: 'integer',
  degreeRequired: 'boolean', visaSponsorship: 'boolean', descriptionHtml: 'text', descriptionText: 'text',
  postedAt: 'timestamptz', isSample: 'boolean',
} as const satisfies Record<keyof PreparedListing, string>;

export const COLUMNS = Object.keys(COLUMN_TYPES) as (keyof PreparedListing)[];

/** One row with snake_case keys and ISO dates, as json_to_recordset reads it. */
export function rowJson(row: PreparedListing): string {
  return JSON.stringify(Object.fromEntries(COLUMNS.map((key) => [snake(key), row[key] ?? null])));
}
