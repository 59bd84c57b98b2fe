import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getApplication, timeline } from '@/lib/applications/applications';
import { closedPostings } from '@/lib/applications/company-history';
import { STATUS_LABEL } from '@/lib/applications/schemas';
import { SOURCE_LABEL } from '@/lib/applications/statuses';
import { requirePageUser } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { formatInterviewWhen, listInterviews } from '@/lib/interviews/interviews';
import { sanitizeListingHtml } from '@/lib/sanitize';
import { getProfile } from '@/lib/profile/profile';
import { isStoredDay, localDate, localTime, storedDayText } from '@/lib/dates/zone';
import { INTERVIEW_KIND_LABEL } from '@/lib/vocabulary';
import { minutesOnApplication } from '@/lib/timelog/entries';
import { formatMinutes } from '@/lib/timelog/labels';
import { Badge, Card } from '../../components/ui';
import { closedText, formatDay, STATUS_TONE } from '../format';
import { DeleteForm } from './delete-form';
import { DetailsForm } from './details-form';
import { InterviewsPanel, type InterviewRow } from './interviews-panel';
import { StatusForm } from './status-form';

export const metadata: Metadata = { title: 'Application' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ confirm?: string | string[] }> };

export default async function ApplicationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/applications/${encodeURIComponent(id)}`);
  const db = await getDb();
  let application;
  try {
    application = await getApplication(db, user.id, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const [events, minutesSpent, { timeZone }, slots, closed] = await Promise.all([
    timeline(db, user.id, application.id),
    minutesOnApplication(db, user.id, application.id),
    getProfile(db, user.id),
    listInterviews(db, user.id, application.id),
    closedPostings(db, user.id, [application.id]),
  ]);
  const closedAt = closed.get(application.id);
  const now = Date.now();
  const interviewRows: InterviewRow[] = slots.map((i) => ({
    id: i.id,
    date: localDate(i.startsAt, timeZone),
    time: localTime(i.startsAt, timeZone),
    minutes: i.minutes,
    kind: i.kind,
    notes: i.notes,
    when: formatInterviewWhen(i.startsAt, timeZone),
    past: i.startsAt.getTime() + i.minutes * 60_000 < now,
  }));
  // The timeline shows status changes and interview slots together, newest first.
  const entries = [
    ...events.map((e) => ({ type: 'event' as const, key: e.id, at: e.at, event: e })),
    ...slots.map((i) => ({ type: 'interview' as const, key: i.id, at: i.startsAt, interview: i })),
  ].sort((x, y) => y.at.getTime() - x.at.getTime());
  const confirmDelete = (await searchParams).confirm === 'delete';
  const a = application;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <div className="min-w-0 space-y-4">
        <Link href="/applications" className="text-sm text-brand-700 hover:underline">
          ← All applications
        </Link>
        <header>
          <h1 className="text-2xl font-semibold tracking-tight">{a.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-600">
            {a.company}
            <Badge tone={STATUS_TONE[a.status]}>{STATUS_LABEL[a.status]}</Badge>
            {a.appliedAt ? <span className="text-sm">applied {formatDay(a.appliedAt)}</span> : null}
          </p>
          <p className="mt-1 flex flex-wrap gap-3 text-sm">
            {a.url ? (
              <a href={a.url} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
                Open the posting ↗
              </a>
            ) : null}
            {a.listingId ? (
              <Link href={`/jobs/${a.listingId}`} className="text-brand-700 underline">
                Listing in trackend
              </Link>
            ) : null}
            {a.source ? <span className="text-slate-500">Found via {a.source === 'board' && a.board ? a.board : SOURCE_LABEL[a.source]}</span> : null}
            {!a.listingId && a.board && !a.importKey ? (
              <span className="text-slate-500">The listing from {a.board} is gone; this record keeps its details.</span>
            ) : null}
          </p>
          {closedAt ? (
            <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{closedText(closedAt)}: the board no longer lists it.</p>
          ) : null}
        </header>
        <Card title="Interviews">
          <InterviewsPanel applicationId={a.id} interviews={interviewRows} timeZone={timeZone} />
        </Card>
        {a.posting ? (
          <Card title="What the posting said">
            <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
              <div className="flex justify-between gap-2"><dt className="text-slate-500">Salary</dt><dd className="text-right">{a.posting.salaryText ?? 'not stated'}</dd></div>
              <div className="flex justify-between gap-2"><dt className="text-slate-500">Location</dt><dd className="text-right">{a.location ?? 'not stated'}</dd></div>
              <div className="flex justify-between gap-2"><dt className="text-slate-500">Posted</dt><dd>{a.posting.postedAt ? formatDay(a.posting.postedAt) : 'not stated'}</dd></div>
              <div className="flex justify-between gap-2"><dt className="text-slate-500">Closes</dt><dd>{a.posting.closesAt ? formatDay(a.posting.closesAt) : 'not stated'}</dd></div>
              {a.posting.employmentType.length ? (
                <div className="flex justify-between gap-2"><dt className="text-slate-500">Employment</dt><dd className="text-right">{a.posting.employmentType.join(', ')}</dd></div>
              ) : null}
              <div className="flex justify-between gap-2"><dt className="text-slate-500">Read on</dt><dd>{formatDay(a.posting.readAt)}</dd></div>
            </dl>
            {a.posting.descriptionHtml ? (
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer font-medium text-brand-700">Description as saved</summary>
                <div className="mt-2 space-y-3 leading-relaxed [&_a]:text-brand-700 [&_a]:underline [&_h3]:font-semibold [&_h4]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_ul]:list-disc" dangerouslySetInnerHTML={{ __html: sanitizeListingHtml(a.posting.descriptionHtml) }} />
              </details>
            ) : null}
          </Card>
        ) : null}
        <Card title="Details">
          <DetailsForm
            values={{
              id: a.id,
              company: a.company,
              title: a.title,
              url: a.url ?? '',
              notes: a.notes,
              contact: a.contact ?? '',
              salaryDiscussed: a.salaryDiscussed ?? '',
              resumeLink: a.resumeLink ?? '',
              source: a.source ?? '',
              location: a.location ?? '',
              contactEmail: a.contactEmail ?? '',
              appliedAt: storedDayText(a.appliedAt),
              nextFollowUpAt: storedDayText(a.nextFollowUpAt),
            }}
          />
        </Card>
      </div>
      <aside className="space-y-4">
        <Card title="Status">
          <StatusForm id={a.id} status={a.status} />
        </Card>
        <Card title="Time spent">
          <p className="text-sm text-slate-600">
            {minutesSpent > 0 ? `${formatMinutes(minutesSpent)} logged on this application.` : 'No time logged on this application yet.'}
          </p>
          <Link href={`/log?applicationId=${a.id}`} className="mt-2 inline-block text-sm font-medium text-brand-700 underline">
            Log time on this application
          </Link>
        </Card>
        <Card title="Timeline">
          <ol className="space-y-3 border-l border-slate-200 pl-4 text-sm" aria-label="Timeline">
            {entries.map((entry) =>
              entry.type === 'interview' ? (
                <li key={entry.key} className="relative">
                  <span aria-hidden className="absolute top-1.5 -left-[21px] h-2 w-2 rounded-full bg-amber-500" />
                  <p className="font-medium">{INTERVIEW_KIND_LABEL[entry.interview.kind]} interview</p>
                  <p className="text-xs text-slate-500">
                    <time dateTime={entry.at.toISOString()}>{formatInterviewWhen(entry.at, timeZone)}</time> · {entry.interview.minutes} min
                  </p>
                  {entry.interview.notes ? <p className="mt-0.5 whitespace-pre-line text-slate-700">{entry.interview.notes}</p> : null}
                </li>
              ) : (
                <li key={entry.key} className="relative">
                  <span aria-hidden className="absolute top-1.5 -left-[21px] h-2 w-2 rounded-full bg-brand-500" />
                  <p className="font-medium">
                    {entry.event.kind === 'interview'
                      ? 'Interview'
                      : entry.event.fromStatus
                        ? `${STATUS_LABEL[entry.event.fromStatus]} → ${STATUS_LABEL[entry.event.toStatus]}`
                        : STATUS_LABEL[entry.event.toStatus]}
                  </p>
                  <p className="text-xs text-slate-500">
                    <time dateTime={entry.at.toISOString()}>
                      {formatDay(entry.at)}
                      {entry.event.kind === 'interview' && !isStoredDay(entry.at) ? `, ${localTime(entry.at, timeZone)}` : ''}
                    </time>
                  </p>
                  {entry.event.note ? <p className="mt-0.5 whitespace-pre-line text-slate-700">{entry.event.note}</p> : null}
                </li>
              ),
            )}
          </ol>
        </Card>
        <Card title="Delete">
          {confirmDelete ? (
            <DeleteForm id={a.id} title={a.title} />
          ) : (
            <Link href={`/applications/${a.id}?confirm=delete`} className="inline-block rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-700">
              Delete application
            </Link>
          )}
        </Card>
      </aside>
    </div>
  );
}
