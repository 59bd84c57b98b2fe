'use client';

import { useState } from 'react';
import { useFormAction } from '@/app/components/use-form-action';
import { SYSTEM_LABELS } from '@/lib/companies/labels';
import { followCompanyAction, previewCompanyAction, type PreviewOutcome } from './actions';

/** Paste a careers URL, see what it leads to, then confirm. */
export function FollowForm() {
  const preview = useFormAction(previewCompanyAction);
  const follow = useFormAction(followCompanyAction);
  const [dismissed, setDismissed] = useState<PreviewOutcome | null>(null);
  const state = preview.state as PreviewOutcome;
  const shown = state.preview && dismissed !== state ? state.preview : null;
  const fieldError = state.fields?.url;
  return (
    <div className="grid gap-4">
      <form ref={preview.formRef} onSubmit={preview.onSubmit} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start" noValidate>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Careers page URL</span>
          <input
            name="url"
            type="url"
            required
            placeholder="https://jobs.lever.co/acme or https://acme.com/careers"
            aria-invalid={Boolean(fieldError)}
            aria-describedby={fieldError ? 'follow-url-error' : undefined}
            className="rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-500"
          />
          {fieldError ? (
            <span id="follow-url-error" className="text-xs break-words text-red-600">
              {fieldError}
            </span>
          ) : null}
        </label>
        <button
          type="submit"
          disabled={preview.pending || !preview.ready}
          className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60 sm:mt-6"
        >
          {preview.pending ? 'Looking…' : 'Preview'}
        </button>
        {state.error && !fieldError ? (
          <p role="alert" className="text-sm text-red-600 sm:col-span-2">
            {state.error}
          </p>
        ) : null}
      </form>

      {shown ? (
        <section aria-label="Preview" className="rounded-lg border border-brand-100 bg-brand-50 p-4">
          <p className="font-semibold">{shown.name}</p>
          <p className="mt-1 text-sm text-slate-700">
            {SYSTEM_LABELS[shown.system]} board <code>{shown.board}</code>: {shown.openJobs} open job{shown.openJobs === 1 ? '' : 's'},{' '}
            <strong>{shown.backendJobs} backend</strong>.
          </p>
          <form onSubmit={follow.onSubmit} className="mt-3 flex gap-2">
            <input type="hidden" name="url" value={state.url ?? ''} />
            <button
              type="submit"
              disabled={follow.pending || !follow.ready}
              className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
            >
              {follow.pending ? 'Following…' : `Follow ${shown.name}`}
            </button>
            <button type="button" onClick={() => setDismissed(state)} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm">
              Cancel
            </button>
          </form>
        </section>
      ) : null}
      <p role="status" className="text-sm">
        {follow.state.ok ? <span className="text-emerald-700">{follow.state.ok}</span> : null}
        {follow.state.error ? <span className="text-red-600">{follow.state.error}</span> : null}
      </p>
    </div>
  );
}
