import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { searchContext } from '@/lib/search/context';
import { parseJobFilters } from '@/lib/search/filters';
import { countFacets } from '@/lib/search/facets';
import { searchJobs } from '@/lib/search/search';
import { snapshotView } from '@/lib/search/snapshot-store';
import { handle, json } from '../http';

export const dynamic = 'force-dynamic';

/** GET /api/jobs: listings for the filters in the query string (see README). Public. */
export const GET = handle(async (request: NextRequest) => {
  const parsed = parseJobFilters(request.nextUrl.searchParams);
  if (!parsed.ok) return json({ error: parsed.error, parameter: parsed.parameter }, 400);
  const { filters } = parsed;
  const db = await getDb();
  const context = await searchContext(db);
  const view = snapshotView(db, filters, context.usdPerUnit);
  const [page, facets] = await Promise.all([searchJobs(db, filters, context, view), view.then((counted) => countFacets(counted, filters))]);
  return json({ items: page.items, nextCursor: page.nextCursor, facets });
});
