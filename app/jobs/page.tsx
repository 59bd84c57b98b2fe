import type { Metadata } from 'next';
import Link from 'next/link';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { boards as boardsTable } from '@/db/schema';
import { facetCounts } from '@/lib/search/facets';
import { searchContext } from '@/lib/search/context';
import { filtersToParams, jobFiltersSchema, parseJobFilters, type JobFilters } from '@/lib/search/filters';
import { marketView } from '@/lib/search/market';
import { BadCursorError, searchJobs } from '@/lib/search/search';
import { loadSampleListings, refreshBoards } from '../boards/actions';
import { Card } from '../components/ui';
import { FiltersForm } from './filters-form';
import { JobRow } from './job-row';
import { languageLabel } from './format';
import { MarketPanel } from './market-panel';

export const metadata: Metadata = { title: 'Jobs' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/** The page's defaults (the API has none): backend roles, unless the form was submitted. */
function readFilters(searchParams: SearchParams): { filters: JobFilters; problem: string | null } {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  const submitted = params.has('f');
  params.delete('f');
  if (!submitted && !params.has('role')) params.set('role', 'backend');
  const parsed = parseJobFilters(params);
  if (parsed.ok) return { filters: parsed.filters, problem: null };
  // A bad field never breaks the page: show what was wrong, with the defaults.
  return { filters: jobFiltersSchema.parse({ role: ['backend'] }), problem: `Ignored the filters: ${parsed.error}.` };
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { filters, problem } = readFilters(await searchParams);
  const db = await getDb();
  const context = await searchContext(db);
  let pageProblem = problem;
  let page = { items: [] as Awaited<ReturnType<typeof searchJobs>>['items'], nextCursor: null as string | null };
  try {
    page = await searchJobs(db, filters, context);
  } catch (error) {
    if (!(error instanceof BadCursorError)) throw error;
    pageProblem = 'That page link has expired; showing the first page.';
    page = await searchJobs(db, { ...filters, cursor: undefined }, context);
  }
  const [facets, market, boards] = await Promise.all([
    facetCounts(db, filters, context.usdPerUnit),
    marketView(db, filters, context.usdPerUnit),
    db.select({ id: boardsTable.id, name: boardsTable.name }).from(boardsTable).orderBy(asc(boardsTable.name)),
  ]);
  const query = filtersToParams({ ...filters, cursor: undefined });
  query.set('f', '1');
  const backQuery = query.toString();
  const nextQuery = page.nextCursor ? `${backQuery}&cursor=${encodeURIComponent(page.nextCursor)}` : null;
  const anyListings = Object.values(facets.board).some((count) => count > 0) || page.items.length > 0;

  return (
    <div className="grid gap-6 lg:grid-cols-[260px_1fr]">
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <FiltersForm filters={filters} facets={facets} boards={boards} currencies={Object.keys(context.usdPerUnit).sort()} />
      </aside>
      <section className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">
            {filters.language.length ? `${filters.language.map(languageLabel).join(' / ')} jobs` : 'Jobs'}
          </h1>
          <p className="text-sm text-slate-500">{market.listings.toLocaleString('en')} matching</p>
        </div>
        {pageProblem ? (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {pageProblem}
          </p>
        ) : null}

        {market.listings > 0 ? <MarketPanel market={market} /> : null}

        {page.items.length ? (
          <ol className="space-y-3" aria-label="Listings">
            {page.items.map((job) => (
              <JobRow key={job.id} job={job} backQuery={filters.cursor ? `${backQuery}&cursor=${encodeURIComponent(filters.cursor)}` : backQuery} />
            ))}
          </ol>
        ) : anyListings ? (
          <Card>
            <p className="font-medium">No listings match these filters.</p>
            <p className="mt-1 text-sm text-slate-600">
              Try fewer filters: a wider salary floor, another seniority, or <Link className="text-brand-700 underline" href="/jobs?f=1">clear them all</Link>.
            </p>
          </Card>
        ) : (
          <Card>
            <p className="font-medium">No listings yet.</p>
            <p className="mt-1 text-sm text-slate-600">Read the boards now, or load the bundled sample listings to try trackend without a network.</p>
            <div className="mt-4 flex flex-wrap gap-2">
              <form action={refreshBoards}>
                <button className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">Refresh boards now</button>
              </form>
              <form action={loadSampleListings}>
                <button className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium">Load sample listings</button>
              </form>
            </div>
          </Card>
        )}

        <nav aria-label="Pages" className="flex justify-between">
          {filters.cursor ? (
            <Link href={`/jobs?${backQuery}`} className="text-sm text-brand-700 underline">
              ← First page
            </Link>
          ) : (
            <span />
          )}
          {nextQuery ? (
            <Link href={`/jobs?${nextQuery}`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium">
              Next page →
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
