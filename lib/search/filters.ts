import { z } from 'zod';
import { LANGUAGE_SLUGS, REMOTE_KINDS, ROLES, SENIORITIES } from '../vocabulary';

// The job filters, as the API and the /jobs page take them from a query string. Enumerated
// parameters accept only their known values; every error names its parameter.

export const POSTED_WITHIN = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30 } as const;
export type PostedWithin = keyof typeof POSTED_WITHIN;
export const SORTS = ['newest', 'salary', 'relevance', 'match'] as const;
export type Sort = (typeof SORTS)[number];
export const MAX_LIMIT = 100;
/** "Open to self-taught": no degree required and at most this many years asked. */
export const SELF_TAUGHT_MAX_YEARS = 2;

const many = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).max(values.length);
const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

export const jobFiltersSchema = z.object({
  language: many(LANGUAGE_SLUGS as unknown as [string, ...string[]]).default([]),
  seniority: many(SENIORITIES).default([]),
  role: many(ROLES).default([]),
  remote: many(REMOTE_KINDS).default([]),
  salaryMin: z.coerce.number().int('must be a whole number').min(0).max(10_000_000).optional(),
  currency: z.string().regex(/^[A-Za-z]{3}$/, 'must be a 3-letter currency code').transform((c) => c.toUpperCase()).default('USD'),
  board: z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a board id')).max(50).default([]),
  postedWithin: z.enum(Object.keys(POSTED_WITHIN) as [PostedWithin, ...PostedWithin[]]).optional(),
  q: z.string().trim().max(200, 'must be at most 200 characters').optional().transform((q) => (q ? q : undefined)),
  selfTaught: flag.optional(),
  visa: flag.optional(),
  sort: z.enum(SORTS).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(MAX_LIMIT).default(20),
});

/**
 * The filters of one search. `hiddenBoards` is never read from a query string: it is the
 * signed-in user's own list (withHiddenBoards), and drops the jobs found only on those boards.
 * `firstSeenAfter` is never read from one either: a saved search's "new since you last looked"
 * (lib/saved-searches) keeps the listings first seen after that moment.
 */
export type JobFilters = z.infer<typeof jobFiltersSchema> & { hiddenBoards?: string[]; firstSeenAfter?: Date };

/** The filters with the boards a signed-in user hid from their results (their profile's list). */
export function withHiddenBoards(filters: JobFilters, hiddenBoards: readonly string[]): JobFilters {
  return hiddenBoards.length ? { ...filters, hiddenBoards: [...hiddenBoards] } : filters;
}

const REPEATABLE = new Set(['language', 'seniority', 'role', 'remote', 'board']);
const KNOWN = new Set(Object.keys(jobFiltersSchema.shape));

export type FilterParseResult = { ok: true; filters: JobFilters } | { ok: false; error: string; parameter: string };

/**
 * Parse a query string. Repeatable parameters may repeat or hold comma-separated values;
 * a parameter the API does not know is an error too, so typos do not silently widen a search.
 */
export function parseJobFilters(params: URLSearchParams): FilterParseResult {
  const input: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key)) return { ok: false, parameter: key, error: `unknown parameter "${key}"` };
    // An empty value (a blank form field) means the filter is not set.
    const values = params.getAll(key).filter((value) => value.trim() !== '');
    if (values.length === 0) continue;
    if (REPEATABLE.has(key)) {
      input[key] = values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
    } else {
      if (values.length > 1) return { ok: false, parameter: key, error: `${key} may be given once` };
      input[key] = values[0];
    }
  }
  const result = jobFiltersSchema.safeParse(input);
  if (result.success) return { ok: true, filters: result.data };
  const issue = result.error.issues[0]!;
  const parameter = String(issue.path[0] ?? 'query');
  const value = issue.path.length > 1 ? ` (${JSON.stringify(params.getAll(parameter).join(','))})` : '';
  return { ok: false, parameter, error: `${parameter}${value}: ${issue.message}` };
}

/** The query string for filters (for links, the page's URL state and cursors). */
export function filtersToParams(filters: Partial<JobFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    // Hidden boards are the user's, not the URL's: links never carry them.
    if (value === undefined || value === null || key === 'cursor' || key === 'hiddenBoards' || key === 'firstSeenAfter') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else if (!(key === 'limit' && value === 20) && !(key === 'currency' && value === 'USD')) params.set(key, String(value));
  }
  return params;
}
