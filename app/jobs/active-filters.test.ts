import { describe, expect, it } from 'vitest';
import { parseJobFilters } from '@/lib/search/filters';
import { activeFilterCount } from './active-filters';

/** Filters as the /jobs form's query string makes them. */
function filters(query: string) {
  const parsed = parseJobFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.filters;
}

describe('activeFilterCount', () => {
  it('is 0 with nothing chosen, and ignores sort, currency, page size and cursor', () => {
    expect(activeFilterCount(filters(''))).toBe(0);
    expect(activeFilterCount(filters('sort=salary&currency=EUR&limit=50'))).toBe(0);
    expect(activeFilterCount({ ...filters(''), cursor: 'abc' })).toBe(0);
  });

  it('counts each checked value, a search, a salary floor, an age and the first-job boxes', () => {
    expect(activeFilterCount(filters('role=backend'))).toBe(1);
    expect(activeFilterCount(filters('role=backend&language=go&language=rust&remote=remote'))).toBe(4);
    expect(activeFilterCount(filters('q=postgres&salaryMin=60000&postedWithin=7d&selfTaught=true&visa=true'))).toBe(5);
  });

  it('does not count the boards a user hid in settings (they are not in the URL either)', () => {
    expect(activeFilterCount({ ...filters('board=golang-cafe'), hiddenBoards: ['remoteok', 'weworkremotely'] })).toBe(1);
  });
});
