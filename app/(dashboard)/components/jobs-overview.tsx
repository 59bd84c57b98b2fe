import Link from 'next/link';
import type { Overview } from '@/lib/overview/overview';
import { LANGUAGES, type Language } from '@/lib/vocabulary';
import { Badge, Card, Stat, relativeTime } from '../../components/ui';

const label = (slug: string) => LANGUAGES[slug as Language] ?? slug;
const code = 'rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm';

/** The listings side of the home page: counts, languages in demand, newest jobs (or how to load some). */
export function JobsOverview({ overview }: { overview: Overview }) {
  const empty = overview.openListings === 0;
  return (
    <section aria-labelledby="jobs-overview-heading" className="space-y-4">
      <h2 id="jobs-overview-heading" className="text-lg font-semibold">
        Jobs
      </h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Open listings" value={overview.openListings.toLocaleString('en')} hint="duplicates across boards counted once" />
        <Stat label="Boards" value={`${overview.enabledBoards} / ${overview.boards}`} hint="enabled / known" />
        <Stat label="Last ingestion" value={relativeTime(overview.lastIngestAt)} />
      </div>

      {empty ? (
        <Card title="Get started">
          <ol className="list-decimal space-y-2 pl-5 text-slate-700">
            <li>
              Load listings: run <code className={code}>npm run ingest</code> to read every board, or{' '}
              <code className={code}>npm run ingest -- --sample</code> for the bundled sample feeds (no network needed), or use the{' '}
              <Link className="text-brand-700 underline" href="/boards">
                Boards
              </Link>{' '}
              page.
            </li>
            <li>Filter the jobs by your specialisation language.</li>
            <li>Track each application and log your learning and building hours.</li>
          </ol>
        </Card>
      ) : (
        <div className="grid gap-4 lg:grid-cols-3">
          <Card title="Languages in demand">
            <ul className="space-y-2">
              {overview.topLanguages.map((row) => (
                <li key={row.language} className="flex items-center justify-between text-sm">
                  <span className="font-medium">{label(row.language)}</span>
                  <span className="tabular-nums text-slate-500">{row.listings}</span>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Newest listings" className="lg:col-span-2">
            <ul className="divide-y divide-slate-100">
              {overview.latest.map((job) => (
                <li key={job.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <Link href={`/jobs/${job.id}`} className="font-medium hover:underline">
                      {job.title}
                    </Link>
                    <p className="text-sm text-slate-500">
                      {job.company ?? 'Unknown company'} · {job.boardId} · {relativeTime(job.postedAt)}
                    </p>
                  </div>
                  <div className="flex gap-1">
                    {job.languages.slice(0, 3).map((language) => (
                      <Badge key={language} tone="green">
                        {label(language)}
                      </Badge>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      )}
    </section>
  );
}
