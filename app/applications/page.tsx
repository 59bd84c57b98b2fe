import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { followUpsDue, listApplications, possiblyGhosted, GHOSTED_AFTER_DAYS } from '@/lib/applications/applications';
import { APPLICATION_STATUSES, listQuerySchema, STATUS_LABEL, type ListSort } from '@/lib/applications/schemas';
import { SOURCE_WEEKS, sourceStats, sourceWeeksOrDefault, type SourceWeeks } from '@/lib/applications/sources';
import { applicationStats } from '@/lib/applications/stats';
import { closedPostings } from '@/lib/applications/company-history';
import { endOfToday } from '@/lib/dates/zone';
import { bookmarkletCode } from '@/lib/applications/shared-link';
import { requirePageUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { siteOrigin } from '@/lib/security/request-policy';
import { getProfile } from '@/lib/profile/profile';
import { SourcesPanel } from '../components/sources-panel';
import { Badge, Card } from '../components/ui';
import { AddApplicationForm } from './add-form';
import { Bookmarklet } from './bookmarklet';
import { closedText, formatDay, STATUS_TONE, toCard } from './format';
import { PipelineBoard } from './pipeline-board';
import { FollowUpDoneButton, MarkGhostedButton } from './quick-actions';
import { StatsPanel } from './stats-panel';

export const metadata: Metadata = { title: 'Applications' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const SORT_LABEL: Record<ListSort, string> = { updated: 'Last update', applied: 'Date applied', company: 'Company', status: 'Status' };

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('/applications');
  const params = await searchParams;
  const view = first(params.view) === 'list' ? 'list' : 'board';
  const parsed = listQuerySchema.safeParse({ status: params.status, q: first(params.q), sort: first(params.sort) });
  const query = parsed.success ? parsed.data : { status: [], q: null, sort: null };
  const problem = parsed.success ? null : 'Ignored the filters in the address: they were not valid.';

  const { origin } = siteOrigin(await headers(), env().TRUST_PROXY);
  const db = await getDb();
  const profile = await getProfile(db, user.id);
  const now = new Date();
  const sourceWeeks = sourceWeeksOrDefault(first(params.sources));
  const [all, listed, due, ghosted, stats, sources, closed] = await Promise.all([
    listApplications(db, user.id),
    view === 'list' ? listApplications(db, user.id, query) : Promise.resolve([]),
    // Follow-ups dated today are due.
    followUpsDue(db, user.id, endOfToday(profile.timeZone, now)),
    possiblyGhosted(db, user.id, now),
    applicationStats(db, user.id, { now, timeZone: profile.timeZone }),
    sourceStats(db, user.id, { weeks: sourceWeeks, now }),
    closedPostings(db, user.id),
  ]);
  const sourcesHref = Object.fromEntries(
    SOURCE_WEEKS.map((w) => {
      const next = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) next.append(k, one);
      next.set('sources', String(w));
      return [w, `/applications?${next.toString()}#sources-heading`];
    }),
  ) as Record<SourceWeeks, string>;
  const deleted = first(params.deleted) === '1';
  const listHref = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams({ view: 'list' });
    for (const s of query.status) next.append('status', s);
    if (query.q) next.set('q', query.q);
    if (query.sort) next.set('sort', query.sort);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `/applications?${next.toString()}`;
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Applications</h1>
          <p className="mt-1 text-slate-600">About an hour a day of applying; the rest of your time goes to building.</p>
        </div>
        <div className="flex flex-wrap gap-2 text-sm">
          <a href="#add" className="rounded-md bg-brand-700 px-3 py-2 font-medium text-white">
            Add application
          </a>
          <Link href="/applications/import" className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium">
            Import a spreadsheet
          </Link>
          <a href="/api/applications/export.csv" download className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium">
            Export CSV
          </a>
        </div>
      </div>

      {deleted ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-700">
          Application deleted.
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {problem}
        </p>
      ) : null}

      {all.length > 0 ? <StatsPanel stats={stats} /> : null}
      {all.length > 0 ? <SourcesPanel rows={sources} weeks={sourceWeeks} hrefFor={sourcesHref} /> : null}

      {due.length > 0 || ghosted.length > 0 ? (
        <div className="grid gap-4 md:grid-cols-2">
          {due.length > 0 ? (
            <Card title="Follow-ups due">
              <ul className="divide-y divide-slate-100" aria-label="Follow-ups due">
                {due.map((a) => (
                  <li key={a.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <span className="min-w-0">
                      <Link href={`/applications/${a.id}`} className="font-medium hover:underline">
                        {a.title}
                      </Link>{' '}
                      <span className="text-slate-600">at {a.company}</span>
                      <span className="block text-xs text-amber-700">Follow up {formatDay(a.nextFollowUpAt)}</span>
                    </span>
                    <FollowUpDoneButton id={a.id} />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {ghosted.length > 0 ? (
            <Card title="Possibly ghosted">
              <p className="mb-2 text-xs text-slate-500">No change in {GHOSTED_AFTER_DAYS} days since you applied. Mark them and move on.</p>
              <ul className="divide-y divide-slate-100" aria-label="Possibly ghosted">
                {ghosted.map((a) => (
                  <li key={a.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <span className="min-w-0">
                      <Link href={`/applications/${a.id}`} className="font-medium hover:underline">
                        {a.title}
                      </Link>{' '}
                      <span className="text-slate-600">at {a.company}</span>
                      <span className="block text-xs text-slate-500">Applied {formatDay(a.appliedAt)}</span>
                    </span>
                    <MarkGhostedButton id={a.id} />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="pipeline-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="pipeline-heading" className="text-lg font-semibold">
            Pipeline
          </h2>
          <nav aria-label="View" className="flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
            <Link href="/applications" aria-current={view === 'board' ? 'page' : undefined} className={`rounded px-3 py-1 ${view === 'board' ? 'bg-slate-900 text-white' : ''}`}>
              Board
            </Link>
            <Link href="/applications?view=list" aria-current={view === 'list' ? 'page' : undefined} className={`rounded px-3 py-1 ${view === 'list' ? 'bg-slate-900 text-white' : ''}`}>
              List
            </Link>
          </nav>
        </div>

        {all.length === 0 ? (
          <Card>
            <p className="font-medium">No applications yet.</p>
            <p className="mt-1 text-sm text-slate-600">
              Save a job from <Link href="/jobs" className="text-brand-700 underline">the job listings</Link>, add one you found elsewhere below, or{' '}
              <Link href="/applications/import" className="text-brand-700 underline">import your spreadsheet</Link>.
            </p>
          </Card>
        ) : view === 'board' ? (
          <PipelineBoard cards={all.map((a) => toCard(a, closed.get(a.id)))} />
        ) : (
          <div className="space-y-3">
            <form method="get" action="/applications" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Filter applications">
              <input type="hidden" name="view" value="list" />
              {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
              <label className="grid gap-1">
                <span className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Search</span>
                <input type="search" name="q" defaultValue={query.q ?? ''} placeholder="company, title, notes" className="rounded-md border border-slate-300 px-3 py-1.5" />
              </label>
              <label className="grid gap-1">
                <span className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Status</span>
                <select name="status" defaultValue={query.status[0] ?? ''} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
                  <option value="">Any status</option>
                  {APPLICATION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABEL[s]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">
                Filter
              </button>
              {query.q || query.status.length ? (
                <Link href={listHref({ q: null, status: null })} className="py-1.5 text-brand-700 underline">
                  Clear
                </Link>
              ) : null}
            </form>
            {listed.length === 0 ? (
              <Card>
                <p className="font-medium">Nothing matches these filters.</p>
                <p className="mt-1 text-sm text-slate-600">
                  <Link href="/applications?view=list" className="text-brand-700 underline">Clear the filters</Link> to see all {all.length} applications.
                </p>
              </Card>
            ) : (
              <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Applications, sorted by {SORT_LABEL[query.sort ?? 'updated']}</caption>
                  <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-500 uppercase">
                    <tr>
                      <th scope="col" className="px-3 py-2">Job</th>
                      {(['company', 'status', 'applied', 'updated'] as const).map((key) => (
                        <th key={key} scope="col" className="px-3 py-2" aria-sort={(query.sort ?? 'updated') === key ? (key === 'company' || key === 'status' ? 'ascending' : 'descending') : undefined}>
                          <Link href={listHref({ sort: key })} className="hover:underline">
                            {SORT_LABEL[key]}
                            {(query.sort ?? 'updated') === key ? ' ▾' : ''}
                          </Link>
                        </th>
                      ))}
                      <th scope="col" className="px-3 py-2">Follow up</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {listed.map((a) => (
                      <tr key={a.id}>
                        <td className="px-3 py-2">
                          <Link href={`/applications/${a.id}`} className="font-medium hover:underline">
                            {a.title}
                          </Link>
                          {closed.has(a.id) ? <span className="block text-xs text-slate-500">{closedText(closed.get(a.id)!)}</span> : null}
                        </td>
                        <td className="px-3 py-2">{a.company}</td>
                        <td className="px-3 py-2">
                          <Badge tone={STATUS_TONE[a.status]}>{STATUS_LABEL[a.status]}</Badge>
                        </td>
                        <td className="px-3 py-2 tabular-nums">{formatDay(a.appliedAt)}</td>
                        <td className="px-3 py-2 tabular-nums">{formatDay(a.updatedAt)}</td>
                        <td className="px-3 py-2 tabular-nums">{formatDay(a.nextFollowUpAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </section>

      <section id="add" aria-labelledby="add-heading" className="scroll-mt-4">
        <Card>
          <h2 id="add-heading" className="mb-1 text-lg font-semibold">
            Add application
          </h2>
          <p className="mb-4 text-sm text-slate-600">For a job you found anywhere: a company site, a friend, a board trackend does not read. Paste its link and trackend reads the page for you.</p>
          <AddApplicationForm />
          <div className="mt-4 border-t border-slate-100 pt-4">
            <Bookmarklet code={bookmarkletCode(origin)} />
          </div>
        </Card>
      </section>
    </div>
  );
}
