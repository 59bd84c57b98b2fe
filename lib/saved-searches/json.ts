import type { SavedSearch } from '../../db/schema';

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
