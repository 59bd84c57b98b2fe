import Link from 'next/link';
import type { CompanyHistory } from '@/lib/applications/company-history';
import type { ListingState } from '@/lib/applications/listing-state';
import { STATUS_LABEL } from '@/lib/applications/statuses';
import type { JobSummary } from '@/lib/search/search';
import { Badge } from '../components/ui';
import { age, formatSalary, historyText, languageLabel, whereText } from './format';

/** "Saved", "Applied", or "Applied (Interviewing)" for the signed-in user's application. */
function pipelineLabel(status: NonNullable<ListingState['application']>['status']): string {
  if (status === 'saved') return 'Saved';
  if (status === 'applied') return 'Applied';
  return `Applied (${STATUS_LABEL[status]})`;
}

export function JobRow({ job, backQuery, state, history, isNew = false }: { job: JobSummary; backQuery: string; state?: ListingState; history?: CompanyHistory; isNew?: boolean }) {
  const salary = formatSalary(job.salary);
  return (
    <li className="group rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-brand-500">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="font-semibold">
            <Link href={`/jobs/${job.id}${backQuery ? `?from=${encodeURIComponent(backQuery)}` : ''}`} className="hover:underline">
              {job.title}
            </Link>
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">
            {job.company ?? 'Company not stated'}
            {' · '}
            {whereText(job.remote, job.location)}
          </p>
          {history && history.applicationId !== state?.application?.id ? <CompanyHistoryNote history={history} /> : null}
        </div>
        <div className="text-sm sm:text-right">
          {salary ? <p className="font-medium text-emerald-700">{salary}</p> : <p className="text-slate-500">Salary not stated</p>}
          <p className="text-xs text-slate-500">{age(job.postedAt)}</p>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-1.5">
        {isNew ? <Badge tone="amber">New</Badge> : null}
        {state?.application ? <Badge tone="blue">{pipelineLabel(state.application.status)}</Badge> : null}
        {state?.dismissed ? <Badge>Dismissed</Badge> : null}
        {job.languages.slice(0, 4).map((language) => (
          <Badge key={language} tone="green">
            {languageLabel(language)}
          </Badge>
        ))}
        {job.seniority !== 'unknown' ? <Badge tone="blue">{job.seniority}</Badge> : null}
        {job.yearsRequired !== null ? <Badge>{job.yearsRequired}+ yrs</Badge> : null}
        {job.degreeRequired === false ? <Badge tone="green">no degree needed</Badge> : null}
        {job.visaSponsorship ? <Badge tone="blue">visa sponsor</Badge> : null}
        {job.isSample ? <Badge tone="amber">sample</Badge> : null}
        <span className="ml-auto text-xs text-slate-500">{job.boards.join(' · ')}</span>
      </div>
    </li>
  );
}

/** The user's last dealings with this company, linking to that application. */
export function CompanyHistoryNote({ history }: { history: CompanyHistory }) {
  return (
    <p className="mt-1 text-xs text-sky-800">
      <Link href={`/applications/${history.applicationId}`} className="hover:underline">
        {historyText(history)}
      </Link>
    </p>
  );
}
