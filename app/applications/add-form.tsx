'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { APPLICATION_STATUSES, STATUS_LABEL } from '@/lib/applications/statuses';
import { addApplication, type ActionState } from './actions';

const inputClass = 'rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-500';

export function Field({ name, label, error, children }: { name: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <label className="grid gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      {children}
      {error ? (
        <span id={`${name}-error`} className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </label>
  );
}

/** "Add application": for a job found anywhere (a company site, LinkedIn, a friend). */
export function AddApplicationForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(addApplication, {});
  const error = (name: string) => state.fields?.[name];
  const invalid = (name: string) => ({ 'aria-invalid': Boolean(error(name)), 'aria-describedby': error(name) ? `${name}-error` : undefined });
  // After a failed submit the form shows what was sent; after a success it is empty again.
  const sent = (name: string) => state.values?.[name];
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2" noValidate aria-label="Add application" key={state.values ? JSON.stringify(state.values) : state.id}>
      <Field name="company" label="Company" error={error('company')}>
        <input name="company" required maxLength={300} defaultValue={sent('company')} className={inputClass} {...invalid('company')} />
      </Field>
      <Field name="title" label="Job title" error={error('title')}>
        <input name="title" required maxLength={300} defaultValue={sent('title')} placeholder="Backend Engineer (Go)" className={inputClass} {...invalid('title')} />
      </Field>
      <Field name="url" label="Link to the posting" error={error('url')}>
        <input name="url" type="url" defaultValue={sent('url')} placeholder="https://" className={inputClass} {...invalid('url')} />
      </Field>
      <Field name="status" label="Status" error={error('status')}>
        <select name="status" defaultValue={sent('status') ?? 'saved'} className={inputClass} {...invalid('status')}>
          {APPLICATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </Field>
      <div className="sm:col-span-2">
        <Field name="notes" label="Notes" error={error('notes')}>
          <textarea name="notes" rows={2} defaultValue={sent('notes')} className={inputClass} {...invalid('notes')} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
          {pending ? 'Adding…' : 'Add application'}
        </button>
        <p role="status" className="text-sm">
          {state.ok ? (
            <span className="text-emerald-700">
              {state.ok} {state.id ? <Link href={`/applications/${state.id}`} className="underline">Open it</Link> : null}
            </span>
          ) : null}
          {state.error ? <span className="text-red-600">{state.error}</span> : null}
        </p>
      </div>
    </form>
  );
}
