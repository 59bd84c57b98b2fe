import { filtersToParams, type JobFilters } from '@/lib/search/filters';

// How the query string orders or pages the results, as opposed to narrowing them.
const NOT_FILTERS = new Set(['sort', 'currency', 'limit', 'cursor']);

/**
 * How many filter values narrow the results (each checked box, a search, a salary floor, ...),
 * for the count on the phone's "Filters" button. Counted from the query string the filters make,
 * so a filter added to JobFilters is counted without touching this.
 */
export function activeFilterCount(filters: Partial<JobFilters>): number {
  let count = 0;
  for (const key of filtersToParams(filters).keys()) if (!NOT_FILTERS.has(key)) count++;
  return count;
}
