import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { companyHistory, historyFor, type CompanyHistory } from '@/lib/applications/company-history';
import { firstSeen, listingStates, type ListingState } from '@/lib/applications/listing-state';
import { can } from '@/lib/auth/roles';
import { filterBoardNames } from '@/lib/boards/names';
import { currentActor, currentUser } from '@/lib/auth/session';
import { getProfile, markJobsVisited } from '@/lib/profile/profile';
import { isSavedSearchId, markSeen, savedSearchesWithCounts, savedValuesOf } from '@/lib/saved-searches/saved-searches';
import { NotFoundError } from '@/lib/errors';
import { searchContext } from '@/lib/search/context';
import { countFacets } from '@/lib/search/facets';
import { withUserLists } from '@/lib/companies/search';
import { filtersToParams, urlFilters } from '@/lib/search/filters';
import { countMarket } from '@/lib/search/market';
import { BadCursorError, searchJobs } from '@/lib/search/search';
import { snapshotView } from '@/lib/search/snapshot-store';
import { RefreshButtons } from '../boards/refresh-buttons';
import { Card } from '../components/ui';
import { activeFilterCount } from './active-filters';
import { FiltersDisclosure } from './filters-disclosure';
import { FiltersForm } from './filters-form';
import { JobRow } from './job-row';
import { languageLabel } from './format';
import { MarketPanel } from './market-panel';
import { readFilters, type SearchParams } from './read-filters';
import { SavedSearchesPanel } from './saved-searches-panel';

export const metadata: Metadata = { title: 'Jobs' };
export const dynamic = 'force-dynamic';

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await getDb();
  const user = await currentUser();
  const profile = user ? await getProfile(db, user.id) : null;
  // Compare "new" against the visit before this one, then record this one.
  const previousVisit = user ? await markJobsVisited(db, user.id) : null;
  // `saved=<id>`: a saved search was opened (its filters are in the URL too). The marker is the
  // page's own: /api/jobs never takes it. Opening it marks it seen.
  const { saved, ...rest } = await searchParams;
  const savedId = typeof saved === 'string' && isSavedSearchId(saved) ? saved : null;
  let openedId: string | null = null;
  if (user && savedId) {
    try {
      openedId = (await markSeen(db, user.id, savedId)).id;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error; // another user's or a deleted search: just the filters
    }
  }
  const savedItems = user ? await savedSearchesWithCounts(db, user.id) : [];
  const { filters: requested, problem, showDismissed, usedProfileLanguages } = readFilters(
    rest,
    profile ? { languages: profile.languages, currency: profile.currency } : null,
  );
  const context = await searchContext(
    db,
    profile ? { preferences: { languages: profile.languages, seniority: profile.targetSeniority, remote: profile.remote } } : {},
  );
  // The boards and companies this user hid stay out of the results, the facets and the market
  // view alike; `followed` narrows to the companies they follow (a visitor follows none: empty).
  let filters = user ? await withUserLists(db, user.id, requested) : requested;
  let pageProblem = problem;
  // One snapshot view for the page, its facets and the market view (the cursor does not change it).
  const view = snapshotView(db, filters, context.usdPerUnit);
  view.catch(() => {}); // awaited below, where a failure surfaces
  const names = filterBoardNames(db, filters.company);
  names.catch(() => {}); // awaited below, where a failure surfaces
  let page: Awaited<ReturnType<typeof searchJobs>> = { items: [], nextCursor: null, window: null };
  try {
    page = await searchJobs(db, filters, context, view);
  } catch (error) {
    if (!(error instanceof BadCursorError)) throw error;
    pageProblem = [problem, 'That page link has expired; showing the first page.'].filter(Boolean).join(' ');
    filters = { ...filters, cursor: undefined };
    page = await searchJobs(db, filters, context, view);
  }
  const [counted, { boards, companies }] = await Promise.all([view, names]);
  const facets = countFacets(counted);
  const market = countMarket(counted);
  const ids = page.items.map((job) => job.id);
  const [states, seen, histories] = user
    ? await Promise.all([listingStates(db, user.id, ids), firstSeen(db, ids), companyHistory(db, user.id)])
    : [new Map<number, ListingState>(), new Map<number, Date>(), new Map<string, CompanyHistory>()];
  const shown = showDismissed ? page.items : page.items.filter((job) => !states.get(job.id)?.dismissed);
  const hiddenCount = page.items.length - shown.length;
  const query = filtersToParams({ ...filters, cursor: undefined });
  query.set('f', '1');
  if (showDismissed) query.set('dismissed', '1');
  const backQuery = query.toString();
  const toggleDismissed = new URLSearchParams(query);
  if (showDismissed) toggleDismissed.delete('dismissed');
  else toggleDismissed.set('dismissed', '1');
  const nextQuery = page.nextCursor ? `${backQuery}&cursor=${encodeURIComponent(page.nextCursor)}` : null;
  // Facets count within the followed/company filters, so with those "no listings" only means none match.
  const anyListings = Object.values(facets.board).some((count) => count > 0) || page.items.length > 0 || Boolean(filters.followed) || filters.company.length > 0;
  // Only the empty state's buttons depend on the role.
  const actor = anyListings ? null : await currentActor();

  return (
    <div className="grid gap-6 lg:grid-cols-[260px_1fr]">
      <aside className="lg:sticky lg:top-4 lg:self-start">
        {/* On a phone the saved searches sit behind "Filters" with the form, so the listings come first. */}
        <FiltersDisclosure active={activeFilterCount(filters)}>
          {user ? (
            <div className="mb-5">
              <SavedSearchesPanel items={savedItems} activeId={openedId} currentFilters={savedValuesOf(requested)} />
            </div>
          ) : null}
          <FiltersForm filters={urlFilters(filters)} facets={facets} boards={boards} currencies={Object.keys(context.usdPerUnit).sort()} showDismissed={showDismissed} companies={companies} />
        </FiltersDisclosure>
      </aside>
      {/* A flex column rather than space-y, so the market panel can follow the listings on small screens. */}
      <section className="flex min-w-0 flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">
            {filters.language.length ? `${filters.language.map(languageLabel).join(' / ')} jobs` : 'Jobs'}
          </h1>
          <p className="text-sm text-slate-500">{market.listings.toLocaleString('en')} matching</p>
        </div>
        {pageProblem ? (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm break-words text-amber-900">
            {pageProblem}
          </p>
        ) : null}

        {page.window?.cutoffUs != null ? (
          <p className="text-sm text-slate-600">
            Ranked by relevance: the newest {page.window.ids.length.toLocaleString('en')} of {page.window.matches.toLocaleString('en')} matches.{' '}
            <Link href={`/jobs?${filtersToParams({ ...filters, cursor: undefined, sort: 'newest' }).toString()}&f=1`} className="text-brand-700 underline">
              Sort by newest to see them all
            </Link>
            , or narrow the search.
          </p>
        ) : null}

        {usedProfileLanguages ? (
          <p className="text-sm text-slate-600">
            Showing your specialization from <Link href="/settings" className="text-brand-700 underline">settings</Link>.{' '}
            <Link href="/jobs?f=1&role=backend" className="text-brand-700 underline">Show every language</Link>
          </p>
        ) : null}

        {filters.followed && !user ? (
          <Card>
            <p className="font-medium">Sign in to see the companies you follow.</p>
            <p className="mt-1 text-sm text-slate-600">
              <Link className="text-brand-700 underline" href={`/signin?next=${encodeURIComponent('/jobs?f=1&followed=1')}`}>Sign in</Link>, then follow
              companies on their hiring systems from <Link className="text-brand-700 underline" href="/companies">Companies</Link>.
            </p>
          </Card>
        ) : filters.followed && !filters.followedBoards?.length ? (
          <Card>
            <p className="font-medium">You follow no companies yet.</p>
            <p className="mt-1 text-sm text-slate-600">
              Paste a company&rsquo;s careers page on <Link className="text-brand-700 underline" href="/companies">Companies</Link> to see its jobs here.
            </p>
          </Card>
        ) : null}

        {market.listings > 0 ? (
          <div className="order-last lg:order-none">
            <MarketPanel market={market} />
          </div>
        ) : null}

        {user && (hiddenCount > 0 || showDismissed) ? (
          <p className="text-sm text-slate-600">
            {showDismissed ? 'Showing dismissed listings. ' : `${hiddenCount} dismissed listing${hiddenCount === 1 ? '' : 's'} hidden on this page. `}
            <Link href={`/jobs?${toggleDismissed.toString()}`} className="text-brand-700 underline">
              {showDismissed ? 'Hide dismissed' : 'Show dismissed'}
            </Link>
          </p>
        ) : null}

        {shown.length ? (
          <ol className="space-y-3" aria-label="Listings">
            {shown.map((job) => {
              const firstSeenAt = seen.get(job.id);
              return (
                <JobRow
                  key={job.id}
                  job={job}
                  backQuery={filters.cursor ? `${backQuery}&cursor=${encodeURIComponent(filters.cursor)}` : backQuery}
                  state={states.get(job.id)}
                  history={historyFor(histories, job.company)}
                  isNew={Boolean(previousVisit && firstSeenAt && firstSeenAt > previousVisit)}
                />
              );
            })}
          </ol>
        ) : page.items.length ? (
          <Card>
            <p className="font-medium">You dismissed every listing on this page.</p>
            <p className="mt-1 text-sm text-slate-600">
              {nextQuery ? 'Go to the next page, or ' : ''}
              <Link className="text-brand-700 underline" href={`/jobs?${toggleDismissed.toString()}`}>show the dismissed ones</Link>.
            </p>
          </Card>
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
            <p className="mt-1 text-sm text-slate-600">The boards have not been read yet, or every listing has gone.</p>
            {actor && (can(actor, 'boards.refresh') || can(actor, 'boards.loadSamples')) ? (
              <div className="mt-4">
                <RefreshButtons actor={actor} hasListings={false} align="start" />
              </div>
            ) : (
              <p className="mt-3 text-sm text-slate-600">
                <Link className="text-brand-700 underline" href="/signin?next=/boards">Sign in</Link> to refresh the boards.
              </p>
            )}
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
