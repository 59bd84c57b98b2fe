import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { companyHistory, historyFor } from '@/lib/applications/company-history';
import { listingStates } from '@/lib/applications/listing-state';
import { currentUser } from '@/lib/auth/session';
import { sanitizeListingHtml } from '@/lib/sanitize';
import { getListing, similarListings } from '@/lib/search/listing';
import { Badge, Card } from '../../components/ui';
import { age, formatSalary, languageLabel, whereText } from '../format';
import { CompanyHistoryNote } from '../job-row';
import { ListingActions } from './listing-actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string | string[] }> };

async function load(id: string) {
  if (!/^\d{1,15}$/.test(id)) return null;
  return getListing(await getDb(), Number(id));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = await load((await params).id);
  return { title: listing ? `${listing.title}${listing.company ? ` at ${listing.company}` : ''}` : 'Listing not found' };
}

export default async function ListingPage({ params, searchParams }: Props) {
  const listing = await load((await params).id);
  if (!listing) notFound();
  const from = (await searchParams).from;
  // Only our own query strings go back into a link.
  const back = typeof from === 'string' && /^[\w%.,=&+-]*$/.test(from) ? `/jobs?${from}` : '/jobs';
  const db = await getDb();
  const [similar, user] = await Promise.all([similarListings(db, listing), currentUser()]);
  const [states, histories] = user ? await Promise.all([listingStates(db, user.id, [listing.id]), companyHistory(db, user.id)]) : [undefined, undefined];
  const state = states?.get(listing.id);
  const history = histories ? historyFor(histories, listing.company) : undefined;
  const salary = formatSalary(listing.salary);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_300px]">
      <article className="min-w-0 space-y-4">
        <Link href={back} className="text-sm text-brand-700 hover:underline">
          ← Back to results
        </Link>
        <header>
          <h1 className="text-2xl font-semibold tracking-tight">{listing.title}</h1>
          <p className="mt-1 text-slate-600">
            {listing.company ?? 'Company not stated'} · {whereText(listing.remote, listing.location)} · posted {age(listing.postedAt)}
          </p>
          {history && history.applicationId !== state?.application?.id ? <CompanyHistoryNote history={history} /> : null}
          {listing.removed ? (
            <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">The board no longer lists this job.</p>
          ) : null}
          <div className="mt-3 flex flex-wrap gap-1.5">
            {listing.languages.map((language) => (
              <Badge key={language} tone="green">{languageLabel(language)}</Badge>
            ))}
            {listing.seniority !== 'unknown' ? <Badge tone="blue">{listing.seniority}</Badge> : null}
            <Badge>{listing.role}</Badge>
            {listing.isSample ? <Badge tone="amber">sample data</Badge> : null}
          </div>
        </header>
        <Card>
          {/* Sanitized when stored and again here: listing HTML comes from boards and is untrusted. */}
          <div
            className="space-y-3 text-[15px] leading-relaxed [&_a]:text-brand-700 [&_a]:underline [&_h3]:font-semibold [&_h4]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_ul]:list-disc"
            dangerouslySetInnerHTML={{ __html: sanitizeListingHtml(listing.descriptionHtml) || '<p>The board gave no description.</p>' }}
          />
        </Card>
      </article>

      <aside className="space-y-4">
        <Card title="Track it">
          <ListingActions listingId={listing.id} signedIn={Boolean(user)} application={state?.application ?? null} dismissed={state?.dismissed ?? false} company={listing.company} />
        </Card>
        <Card title="At a glance">
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between gap-2"><dt className="text-slate-500">Salary</dt><dd className="text-right font-medium">{salary ?? listing.salaryText ?? 'not stated'}</dd></div>
            <div className="flex justify-between gap-2"><dt className="text-slate-500">Experience asked</dt><dd>{listing.yearsRequired !== null ? `${listing.yearsRequired}+ years` : 'not stated'}</dd></div>
            <div className="flex justify-between gap-2"><dt className="text-slate-500">Degree</dt><dd>{listing.degreeRequired === null ? 'not stated' : listing.degreeRequired ? 'required' : 'not required'}</dd></div>
            <div className="flex justify-between gap-2"><dt className="text-slate-500">Visa sponsorship</dt><dd>{listing.visaSponsorship === null ? 'not stated' : listing.visaSponsorship ? 'yes' : 'no'}</dd></div>
          </dl>
          {listing.skills.length ? (
            <div className="mt-3 flex flex-wrap gap-1">
              {listing.skills.map((skill) => <Badge key={skill}>{skill}</Badge>)}
            </div>
          ) : null}
        </Card>
        <Card title="Apply on">
          <ul className="space-y-2">
            {listing.sources.map((source) => (
              <li key={source.url}>
                <a href={source.url} target="_blank" rel="noopener noreferrer" className="flex items-center justify-between rounded-md border border-slate-200 px-3 py-2 text-sm hover:border-brand-500">
                  {source.boardName} <span aria-hidden>↗</span>
                </a>
              </li>
            ))}
          </ul>
        </Card>
        {similar.length ? (
          <Card title="Similar jobs">
            <ul className="space-y-2 text-sm">
              {similar.map((job) => (
                <li key={job.id}>
                  <Link href={`/jobs/${job.id}`} className="font-medium hover:underline">{job.title}</Link>
                  <p className="text-xs text-slate-500">{job.company ?? 'Company not stated'} · {age(job.postedAt)}</p>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </aside>
    </div>
  );
}
