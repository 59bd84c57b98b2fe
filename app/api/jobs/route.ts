import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { facetCounts } from '@/lib/search/aggregates';
import { searchContext } from '@/lib/search/context';
import { parseJobFilters } from '@/lib/search/filters';
import { searchJobs } from '@/lib/search/search';
import { handle, json } from '../http';

export const dynamic = 'force-dynamic';

/** GET /api/jobs: listings for the filters in the query string (see README). Public. */
export const GET = handle(async (request: NextRequest) => {
  const parsed = parseJobFilters(request.nextUrl.searchParams);
  if (!parsed.ok) return json({ error: parsed.error, parameter: parsed.parameter }, 400);
  const { filters } = parsed;
  const db = await getDb();
  const context = await searchContext(db);
  const [page, facets] = await Promise.all([
    searchJobs(db, filters, context),
    facetCounts(db, filters, context.usdPerUnit),
  ]);
  return json({ items: page.items, nextCursor: page.nextCursor, facets });
});
