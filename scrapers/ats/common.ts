import { cleanText, elementRef, FIELD_LIMITS, parseElements, salaryBounds, type MapOutcome } from '../formats';
import type { ParseResult, RawListing, SalaryPeriod, StatedSalary } from '../types';
import { atsBoardId } from './board-id';
import { tokenFromApiUrl } from './api-url';
import type { HiringSystem } from './systems';
import type { z } from 'zod';

// What the four parsers share: the listing's board, the bound on how many jobs one response
// may carry, locations joined to fit, and salaries in our shape.

/** What one API response gives: its listings, what was skipped, and the company name it states. */
export type AtsParseResult = ParseResult & { companyName: string | null };

/** A board has a few hundred jobs at most; past this a response is broken or hostile, and the rest is skipped. */
export const MAX_JOBS_PER_RESPONSE = 5000;
/** Locations kept from one job's list (the joined text is cut to ingestion's limit anyway). */
export const MAX_LOCATIONS = 30;

/**
 * The board id listings carry: the one the API URL names. Ingestion sets it to the board's own
 * id again (run-board), so a response read from elsewhere still lands on its board.
 */
export function listingBoard(system: HiringSystem, sourceUrl: string): string {
  const token = tokenFromApiUrl(system, sourceUrl);
  return token ? atsBoardId({ system, token }) : system;
}

/** Parse each job with `schema`, at most MAX_JOBS_PER_RESPONSE of them; the rest is one skipped entry. */
export function parseJobs<S extends z.ZodType>(elements: readonly unknown[], schema: S, map: (job: z.output<S>) => MapOutcome, refKeys: readonly string[]): ParseResult {
  const result = parseElements({
    elements: elements.length > MAX_JOBS_PER_RESPONSE ? elements.slice(0, MAX_JOBS_PER_RESPONSE) : elements,
    schema,
    map: (job) => map(job),
    ref: (element, index) => elementRef(element, index, refKeys),
  });
  if (elements.length > MAX_JOBS_PER_RESPONSE) {
    result.skipped.push({ reason: `the response lists ${elements.length} jobs; only the first ${MAX_JOBS_PER_RESPONSE} are read`, ref: `#${MAX_JOBS_PER_RESPONSE}…` });
  }
  return result;
}

/** Distinct, cleaned location names joined with "; ", cut to ingestion's limit saying how many were left out. */
export function joinLocations(values: readonly (string | null | undefined)[]): string | null {
  const names: string[] = [];
  for (const value of values.slice(0, MAX_LOCATIONS)) {
    const name = cleanText(value);
    if (name && !names.some((seen) => seen.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  if (!names.length) return null;
  const all = names.join('; ');
  if (all.length <= FIELD_LIMITS.location) return all;
  const kept: string[] = [];
  for (const name of names) {
    const suffix = ` (+${names.length - kept.length - 1} more)`;
    if ([...kept, name].join('; ').length + suffix.length > FIELD_LIMITS.location) break;
    kept.push(name);
  }
  if (!kept.length) return cleanText(names[0], FIELD_LIMITS.location);
  return `${kept.join('; ')} (+${names.length - kept.length} more)`;
}

/** A stated salary from bounds, an ISO currency and a period; undefined when there are no usable bounds. */
export function statedSalary(min: number | null | undefined, max: number | null | undefined, currency: string | null | undefined, period: SalaryPeriod | null): StatedSalary | undefined {
  const bounds = salaryBounds(min, max);
  if (!bounds) return undefined;
  const code = currency?.trim().toUpperCase();
  return { ...bounds, currency: code && /^[A-Z]{3}$/.test(code) ? code : null, period };
}

/** The `stated` part of a listing, leaving out what is unknown. */
export function stated(remote: 'remote' | 'hybrid' | 'onsite' | undefined, salary: StatedSalary | undefined): RawListing['stated'] {
  const facts: NonNullable<RawListing['stated']> = {};
  if (remote) facts.remote = remote;
  if (salary) facts.salary = salary;
  return Object.keys(facts).length ? facts : undefined;
}

/** "Remote" / "Hybrid" / "On-site" / "onsite" / "OnSite" as our remote value, else undefined. */
export function workplace(value: string | null | undefined): 'remote' | 'hybrid' | 'onsite' | undefined {
  const key = value?.toLowerCase().replace(/[^a-z]/g, '');
  if (key === 'remote') return 'remote';
  if (key === 'hybrid') return 'hybrid';
  if (key === 'onsite' || key === 'inoffice' || key === 'office') return 'onsite';
  return undefined;
}

/** A reason for a job without a usable id. */
export function missing(field: string, value: unknown): { skip: string } {
  return { skip: `${field}: missing or empty (${JSON.stringify(value ?? null)?.slice(0, 80)})` };
}
