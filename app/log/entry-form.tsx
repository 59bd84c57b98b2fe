'use client';

import { useActionState } from 'react';
import type { Choice } from '@/lib/timelog/form';
import { createEntryAction, deleteEntryAction, updateEntryAction, type FormState } from './actions';
import { useFormAction } from '@/app/components/use-form-action';
import { ActivityFields, FieldError, inputClass, type ActivityDefaults } from './activity-fields';
import { FormFooter } from '@/app/components/form-footer';

export interface EntryDefaults extends ActivityDefaults {
  id?: string;
  date: string;
  time: string;
  minutes?: number;
  note?: string | null;
}

/** The manual entry form, for adding (no id) or editing (with id). Field errors show beside each field. */
export function EntryForm({ defaults, projects, applications }: { defaults: EntryDefaults; projects: Choice[]; applications: Choice[] }) {
  const editing = Boolean(defaults.id);
  const { state, pending, ready, onSubmit, formRef } = useFormAction(editing ? updateEntryAction : createEntryAction, { resetOnSuccess: !editing });
  const errors = state.fields ?? {};
  const prefix = editing ? `edit-${defaults.id}` : 'entry';
  const when = errors.startedAt ?? errors.time;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" noValidate>
      {editing ? <input type="hidden" name="id" value={defaults.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <ActivityFields idPrefix={prefix} defaults={defaults} projects={projects} applications={applications} errors={errors} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Date</span>
          <input
            type="date"
            name="date"
            required
            defaultValue={defaults.date}
            aria-invalid={Boolean(errors.date)}
            aria-describedby={errors.date ? `${prefix}-date-error` : undefined}
            className={inputClass}
          />
          <FieldError id={`${prefix}-date-error`} message={errors.date} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Start time</span>
          <input
            type="time"
            name="time"
            required
            defaultValue={defaults.time}
            aria-invalid={Boolean(when)}
            aria-describedby={when ? `${prefix}-time-error` : undefined}
            className={inputClass}
          />
          <FieldError id={`${prefix}-time-error`} message={when} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Minutes</span>
          <input
            type="number"
            name="minutes"
            min={1}
            max={1440}
            step={1}
            required
            defaultValue={defaults.minutes}
            aria-invalid={Boolean(errors.minutes)}
            aria-describedby={errors.minutes ? `${prefix}-minutes-error` : undefined}
            className={inputClass}
          />
          <FieldError id={`${prefix}-minutes-error`} message={errors.minutes} />
        </label>
        <label className="grid gap-1 text-sm sm:col-span-3">
          <span className="font-medium text-slate-700">Note</span>
          <input
            name="note"
            maxLength={2000}
            defaultValue={defaults.note ?? ''}
            placeholder="What did you do? Naming the technology counts it under What to build next."
            aria-invalid={Boolean(errors.note)}
            className={inputClass}
          />
          <FieldError id={`${prefix}-note-error`} message={errors.note} />
        </label>
      </div>
      <FormFooter label={editing ? 'Save changes' : 'Add entry'} pending={pending} disabled={!ready} state={state} />
    </form>
  );
}

export function DeleteEntryButton({ id, description }: { id: string; description: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteEntryAction, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Delete entry: ${description}`}
        className="rounded-md px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        Delete
      </button>
      {state.error ? (
        <span role="alert" className="ml-2 text-xs text-red-600">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
