import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { withUserLists } from '@/lib/companies/search';
import { searchContext } from '@/lib/search/context';
import { parseJobFilters } from '@/lib/search/filters';
import { countFacets } from '@/lib/search/facets';
import { searchJobs } from '@/lib/search/search';
import { snapshotView } from '@/lib/search/snapshot-store';
import { handle, json } from '../http';

export const dynamic = 'force-dynamic';

/**
 * GET /api/jobs: listings for the filters in the query string (see README). Public on purpose
 * (no requireUser): listings are public; with a session, the boards and companies the user hid are left out too,
 * and `followed=1` narrows to the companies they follow (401 without a session).
 */
export const GET = handle(async (request: NextRequest) => {
  const parsed = parseJobFilters(request.nextUrl.searchParams);
  if (!parsed.ok) return json({ error: parsed.error, parameter: parsed.parameter }, 400);
  const db = await getDb();
  // A session needs a cookie: without one the caller is a visitor, and the session module (and
  // its next-auth decoding) is not even loaded, which keeps anonymous calls cheap and the route
  // importable outside Next (the search benchmark calls it in plain Node).
  const user = request.headers.has('cookie') ? await (await import('@/lib/auth/session')).currentUser() : null;
  if (!user && parsed.filters.followed) {
    return json({ error: 'followed: sign in to see the companies you follow', parameter: 'followed' }, 401);
  }
  const filters = user ? await withUserLists(db, user.id, parsed.filters) : parsed.filters;
  const context = await searchContext(db);
  const view = snapshotView(db, filters, context.usdPerUnit);
  const [page, facets] = await Promise.all([searchJobs(db, filters, context, view), view.then(countFacets)]);
  return json({ items: page.items, nextCursor: page.nextCursor, facets });
});
