'use client';

import { useFormAction } from '@/app/components/use-form-action';
import { addFeed } from './actions';

/** Admins add a feed (fetched at once); users propose one for an admin to review. */
export function AddFeedForm({ mode }: { mode: 'add' | 'propose' }) {
  // Keeps what was typed when the server refuses it; cleared once the feed is in.
  const { state, pending, ready, onSubmit, formRef } = useFormAction(addFeed, { resetOnSuccess: true });
  const fieldError = (name: string) => state.fields?.[name];
  const label = mode === 'add' ? 'Add feed' : 'Propose feed';
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-start" noValidate>
      <label className="grid gap-1 text-sm">
        <span className="font-medium text-slate-700">Name</span>
        <input
          name="name"
          required
          maxLength={80}
          placeholder="Rust jobs weekly"
          aria-invalid={Boolean(fieldError('name'))}
          className="rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-500"
        />
        {fieldError('name') ? <span className="text-xs text-red-600">{fieldError('name')}</span> : null}
      </label>
      <label className="grid gap-1 text-sm">
        <span className="font-medium text-slate-700">RSS or Atom feed URL</span>
        <input
          name="url"
          type="url"
          required
          placeholder="https://example.com/jobs.rss"
          aria-invalid={Boolean(fieldError('url'))}
          className="rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-500"
        />
        {fieldError('url') ? <span className="text-xs text-red-600">{fieldError('url')}</span> : null}
      </label>
      <button
        type="submit"
        disabled={pending || !ready}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60 sm:mt-6"
      >
        {pending ? (mode === 'add' ? 'Adding…' : 'Proposing…') : label}
      </button>
      <p role="status" className="text-sm sm:col-span-3">
        {state.ok ? <span className="text-emerald-700">{state.ok}</span> : null}
        {state.error && Object.keys(state.fields ?? {}).length === 0 ? <span className="text-red-600">{state.error}</span> : null}
      </p>
    </form>
  );
}
