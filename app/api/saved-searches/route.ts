import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { feedUrl, savedSearchJson } from '@/lib/saved-searches/json';
import { createSavedSearch, listSavedSearches, newCounts } from '@/lib/saved-searches/saved-searches';
import { handle, json, readJsonBody, requestOrigin } from '../http';

export const dynamic = 'force-dynamic';

/** GET /api/saved-searches: the user's saved searches, each with its newCount. */
export const GET = handle(async () => {
  const user = await requireUser();
  const db = await getDb();
  const rows = await listSavedSearches(db, user.id);
  const counts = await newCounts(db, user.id, rows);
  return json({ items: rows.map((row) => savedSearchJson(row, counts.get(row.id) ?? 0)) });
});

/**
 * POST /api/saved-searches: `{ name, filters, digest?: { enabled, hour } }` (filters in
 * /api/jobs's parameter names). 201 with the saved search and its `feedUrl`, shown this once.
 */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const body = await readJsonBody(request);
  const { savedSearch, feedToken } = await createSavedSearch(await getDb(), user.id, body);
  return json({ ...savedSearchJson(savedSearch, 0), feedUrl: feedUrl(requestOrigin(request), feedToken) }, 201, {
    Location: `/api/saved-searches/${savedSearch.id}`,
    'Cache-Control': 'no-store',
  });
});
