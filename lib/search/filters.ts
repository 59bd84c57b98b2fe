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

/** Filters that facets count the options of (each leaving out its own filter: lib/search/facets.ts). */
export type FacetName = 'language' | 'seniority' | 'role' | 'remote' | 'board';
export const FACET_NAMES: readonly FacetName[] = ['language', 'seniority', 'role', 'remote', 'board'];

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
  /** Listings of the companies the signed-in user follows (lib/companies): resolved with withFollowedCompanies. */
  followed: flag.optional(),
  /** Company ids (the boards of followed companies, lib/companies), like `board`. */
  company: z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a company id')).max(50).default([]),
  postedWithin: z.enum(Object.keys(POSTED_WITHIN) as [PostedWithin, ...PostedWithin[]]).optional(),
  q: z.string().trim().max(200, 'must be at most 200 characters').optional().transform((q) => (q ? q : undefined)),
  selfTaught: flag.optional(),
  visa: flag.optional(),
  sort: z.enum(SORTS).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(MAX_LIMIT).default(20),
});

/**
 * The filters of one search. `hiddenBoards`, `hiddenCompanies` and `followedBoards` are never
 * read from a query string: they are the signed-in user's own lists (withHiddenBoards,
 * withHiddenCompanies, withFollowedCompanies). Hidden boards drop the jobs found only on those
 * boards, hidden companies (normaliseCompany keys) the jobs of those companies; with `followed`
 * set, only jobs on `followedBoards` match (none when it is unset: nobody is signed in).
 * `firstSeenAfter` is never read from one either: a saved search's "new since you last looked"
 * (lib/saved-searches) keeps the listings first seen after that moment.
 */
export type JobFilters = z.infer<typeof jobFiltersSchema> & { hiddenBoards?: string[]; hiddenCompanies?: string[]; followedBoards?: string[]; firstSeenAfter?: Date };

/** Never in a URL: the user's own lists, and a saved search's watermark. */
const PRIVATE_KEY_LIST = ['hiddenBoards', 'hiddenCompanies', 'followedBoards', 'firstSeenAfter'] as const;
const PRIVATE_KEYS: ReadonlySet<string> = new Set(PRIVATE_KEY_LIST);

/** The filters a URL carries: what a page may hand to the browser (the filter form). */
export type UrlFilters = Omit<JobFilters, (typeof PRIVATE_KEY_LIST)[number]>;

export function urlFilters(filters: JobFilters): UrlFilters {
  return Object.fromEntries(Object.entries(filters).filter(([key]) => !PRIVATE_KEYS.has(key))) as UrlFilters;
}

/** The filters with the boards a signed-in user hid from their results (their profile's list). */
export function withHiddenBoards(filters: JobFilters, hiddenBoards: readonly string[]): JobFilters {
  return hiddenBoards.length ? { ...filters, hiddenBoards: [...hiddenBoards] } : filters;
}

/** The filters with the companies a signed-in user hid (keys from lib/companies hiddenCompanyKeys). */
export function withHiddenCompanies(filters: JobFilters, companyKeys: readonly string[]): JobFilters {
  return companyKeys.length ? { ...filters, hiddenCompanies: [...companyKeys] } : filters;
}

/** The filters with the companies the signed-in user follows (their board ids), which `followed` narrows to. */
export function withFollowedCompanies(filters: JobFilters, boardIds: readonly string[]): JobFilters {
  return filters.followed ? { ...filters, followedBoards: [...boardIds] } : filters;
}

/** The salary floor in yearly USD, or null when the currency is unknown to the rate table. */
export function salaryFloorUsd(filters: JobFilters, usdPerUnit: Record<string, number>): number | null {
  if (filters.salaryMin === undefined) return null;
  const rate = usdPerUnit[filters.currency];
  return rate === undefined ? null : Math.round(filters.salaryMin * rate);
}

const REPEATABLE = new Set(['language', 'seniority', 'role', 'remote', 'board', 'company']);
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
    // The user's own lists and a saved search's watermark are not the URL's: links never carry them.
    if (value === undefined || value === null || key === 'cursor' || PRIVATE_KEYS.has(key)) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else if (!(key === 'limit' && value === 20) && !(key === 'currency' && value === 'USD')) params.set(key, String(value));
  }
  return params;
}
