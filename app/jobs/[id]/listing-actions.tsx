'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { STATUS_LABEL, type ApplicationStatus } from '@/lib/applications/statuses';
import { dismissJob, hideListingCompany, markApplied, saveListing, undismissJob, type JobActionState } from '../actions';

function ActionButton({
  listingId,
  label,
  run,
  primary = false,
}: {
  listingId: number;
  label: string;
  run: (previous: JobActionState, formData: FormData) => Promise<JobActionState>;
  primary?: boolean;
}) {
  const [state, action, pending] = useActionState<JobActionState, FormData>(run, {});
  return (
    <form action={action}>
      <input type="hidden" name="listingId" value={listingId} />
      <button
        type="submit"
        disabled={pending}
        className={`w-full rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${primary ? 'bg-brand-700 text-white' : 'border border-slate-300 bg-white hover:border-brand-500'}`}
      >
        {label}
      </button>
      {state.error ? (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {state.error}
        </p>
      ) : null}
      {state.ok ? (
        <p role="status" className="mt-1 text-xs text-emerald-700">
          {state.ok}
        </p>
      ) : null}
    </form>
  );
}

export function ListingActions({
  listingId,
  signedIn,
  application,
  dismissed,
  company = null,
}: {
  listingId: number;
  signedIn: boolean;
  /** The listing's company, which the user may hide from their results (recruitment agencies). */
  company?: string | null;
  application: { id: string; status: ApplicationStatus } | null;
  dismissed: boolean;
}) {
  if (!signedIn) {
    return (
      <div className="space-y-2">
        <p className="text-sm text-slate-600">Save jobs, track applications and hide the ones you are not after.</p>
        <Link href={`/signin?next=${encodeURIComponent(`/jobs/${listingId}`)}`} className="block rounded-md bg-brand-700 px-4 py-2 text-center text-sm font-medium text-white">
          Sign in to save
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      {application ? (
        <p className="text-sm">
          In your pipeline: <strong>{STATUS_LABEL[application.status]}</strong>.{' '}
          <Link href={`/applications/${application.id}`} className="text-brand-700 underline">
            Open application
          </Link>
        </p>
      ) : null}
      {!application ? <ActionButton listingId={listingId} label="Save" run={saveListing} /> : null}
      {!application || application.status === 'saved' ? <ActionButton listingId={listingId} label="Mark applied" run={markApplied} primary /> : null}
      {dismissed ? (
        <>
          <p className="text-sm text-slate-600">Dismissed: hidden from your job results.</p>
          <ActionButton listingId={listingId} label="Undo dismiss" run={undismissJob} />
        </>
      ) : (
        <ActionButton listingId={listingId} label="Dismiss" run={dismissJob} />
      )}
      {company ? <ActionButton listingId={listingId} label={`Hide every ${company} job`} run={hideListingCompany} /> : null}
    </div>
  );
}
