'use client';

import { useActionState } from 'react';
import { APPLICATION_STATUSES, STATUS_LABEL, type ApplicationStatus } from '@/lib/applications/statuses';
import { moveApplication, type ActionState } from '../actions';
import { Field } from '../add-form';

const inputClass = 'rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-500';

export function StatusForm({ id, status }: { id: string; status: ApplicationStatus }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(moveApplication, {});
  const error = (name: string) => state.fields?.[name];
  return (
    <form action={action} className="grid gap-3" noValidate aria-label="Change status" key={state.values ? JSON.stringify(state.values) : status}>
      <input type="hidden" name="id" value={id} />
      <Field name="status" label="New status" error={error('status')}>
        <select name="status" defaultValue={state.values?.status ?? status} className={inputClass} aria-invalid={Boolean(error('status'))}>
          {APPLICATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="note" label="Note (optional)" error={error('note')}>
        <textarea name="note" rows={2} defaultValue={state.values?.note} placeholder="Recruiter called; tech interview on Friday" className={inputClass} aria-invalid={Boolean(error('note'))} />
      </Field>
      <Field name="at" label="Date (optional, default today)" error={error('at')}>
        <input name="at" type="date" defaultValue={state.values?.at} className={inputClass} aria-invalid={Boolean(error('at'))} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
          {pending ? 'Saving…' : 'Change status'}
        </button>
        <p role="status" className="text-sm">
          {state.ok ? <span className="text-emerald-700">{state.ok}</span> : null}
          {state.error && !state.fields ? <span className="text-red-600">{state.error}</span> : null}
        </p>
      </div>
    </form>
  );
}
