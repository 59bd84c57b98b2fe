import type { SavedSearch } from '../../db/schema';

// The shapes a saved search is shown in: the API's JSON, its /jobs link, its feed URL. No database here.

/** A saved search as the API answers it (the feed token hash never leaves the server). */
export function savedSearchJson(row: SavedSearch, newCount: number) {
  return {
    id: row.id,
    name: row.name,
    filters: row.filters,
    digest: { enabled: row.digestEnabled, hour: row.digestHour },
    newCount,
    isDefault: row.isDefault,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Where a feed token's feed is, absolute. */
export const feedUrl = (origin: string, token: string) => `${origin}/feeds/${token}.atom`;

/** A saved search's filters as a query string (/api/jobs's parameters). */
export function savedSearchParams(row: Pick<SavedSearch, 'filters'>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(row.filters)) for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  return params;
}

/**
 * The /jobs link that opens a saved search (and marks it seen): exactly its filters (`f=1`:
 * none of the page's defaults), and the page's own `saved` marker, which /api/jobs never takes.
 */
export function savedSearchHref(row: Pick<SavedSearch, 'id' | 'filters'>): string {
  const params = savedSearchParams(row);
  // Stored filters leave out the default currency; the page would otherwise fill in the profile's.
  if (params.has('salaryMin') && !params.has('currency')) params.set('currency', 'USD');
  params.set('f', '1');
  params.set('saved', row.id);
  return `/jobs?${params.toString()}`;
}
