import Link from 'next/link';
import { getDb } from '@/db/client';
import { getOverview } from '@/lib/overview/overview';
import { LANGUAGES, type Language } from '@/lib/vocabulary';
import { Badge, Card, Stat, relativeTime } from './components/ui';

export const dynamic = 'force-dynamic';

const label = (slug: string) => LANGUAGES[slug as Language] ?? slug;

export default async function HomePage() {
  const overview = await getOverview(await getDb());
  const empty = overview.openListings === 0;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Your backend job search</h1>
        <p className="mt-2 max-w-2xl text-slate-600">
          Pick a specialisation, apply only to jobs in that niche for about an hour a day, and keep learning and
          building the rest of your free time. trackend pulls listings from niche boards and keeps the balance visible.
        </p>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Open listings" value={overview.openListings.toLocaleString('en')} hint="duplicates across boards counted once" />
        <Stat label="Boards" value={`${overview.enabledBoards} / ${overview.boards}`} hint="enabled / known" />
        <Stat label="Last ingestion" value={relativeTime(overview.lastIngestAt)} />
      </div>

      {empty ? (
        <Card title="Get started">
          <ol className="list-decimal space-y-2 pl-5 text-slate-700">
            <li>
              Load listings: run <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm">npm run ingest</code> to
              read every board, or <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm">npm run ingest -- --sample</code>{' '}
              for the bundled sample feeds (no network needed), or use the <Link className="text-brand-700 underline" href="/boards">Boards</Link> page.
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
                    <p className="font-medium">{job.title}</p>
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
    </div>
  );
}
