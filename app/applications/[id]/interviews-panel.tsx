'use client';

import { useActionState } from 'react';
import { INTERVIEW_KIND_LABEL, INTERVIEW_KINDS, type InterviewKind } from '@/lib/vocabulary';
import type { ActionState } from '../actions';
import { Field } from '../add-form';
import { deleteInterviewAction, saveInterviewAction } from './interview-actions';

const inputClass = 'rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-500';

/** One interview as the page hands it over: the wall clock in the user's zone, for the form. */
export interface InterviewRow {
  id: string;
  date: string;
  time: string;
  minutes: number;
  kind: InterviewKind;
  notes: string;
  when: string;
  past: boolean;
}

function InterviewForm({ applicationId, interview, timeZone }: { applicationId: string; interview?: InterviewRow; timeZone: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveInterviewAction, {});
  const error = (name: string) => state.fields?.[name];
  const value = (name: keyof InterviewRow, fallback = '') => state.values?.[name] ?? (interview ? String(interview[name]) : fallback);
  const prefix = interview ? `interview-${interview.id}` : 'new-interview';
  return (
    <form action={action} className="grid gap-3" noValidate aria-label={interview ? 'Change interview' : 'Add an interview'} key={state.ok ?? JSON.stringify(state.values ?? {})}>
      <input type="hidden" name="applicationId" value={applicationId} />
      {interview ? <input type="hidden" name="interviewId" value={interview.id} /> : null}
      <div className="grid grid-cols-2 gap-3">
        <Field name={`${prefix}-date`} label="Date" error={error('date')}>
          <input name="date" type="date" required defaultValue={value('date')} className={inputClass} aria-invalid={Boolean(error('date'))} />
        </Field>
        <Field name={`${prefix}-time`} label={`Time (${timeZone})`} error={error('time')}>
          <input name="time" type="time" required defaultValue={value('time')} className={inputClass} aria-invalid={Boolean(error('time'))} />
        </Field>
        <Field name={`${prefix}-minutes`} label="Length (minutes)" error={error('minutes')}>
          <input name="minutes" type="number" min={5} max={600} step={5} required defaultValue={value('minutes', '60')} className={inputClass} aria-invalid={Boolean(error('minutes'))} />
        </Field>
        <Field name={`${prefix}-kind`} label="Kind" error={error('kind')}>
          <select name="kind" defaultValue={value('kind', 'phone_screen')} className={inputClass} aria-invalid={Boolean(error('kind'))}>
            {INTERVIEW_KINDS.map((k) => (
              <option key={k} value={k}>
                {INTERVIEW_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field name={`${prefix}-notes`} label="Notes (optional)" error={error('notes')}>
        <textarea name="notes" rows={2} maxLength={4000} defaultValue={value('notes')} placeholder="Who, where, the video link, what to prepare" className={inputClass} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
          {pending ? 'Saving…' : interview ? 'Save interview' : 'Add interview'}
        </button>
        <p role="status" className="text-sm">
          {state.ok ? <span className="text-emerald-700">{state.ok}</span> : null}
          {state.error && !state.fields ? <span className="text-red-600">{state.error}</span> : null}
        </p>
      </div>
    </form>
  );
}

function DeleteInterview({ applicationId, interviewId }: { applicationId: string; interviewId: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteInterviewAction, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="interviewId" value={interviewId} />
      <button type="submit" disabled={pending} className="text-sm font-medium text-red-700 underline disabled:opacity-60">
        {pending ? 'Deleting…' : 'Delete'}
      </button>
      {state.error ? <span className="ml-2 text-sm text-red-600">{state.error}</span> : null}
    </form>
  );
}

/** The application's interviews, each editable, and a form to add one. */
export function InterviewsPanel({ applicationId, interviews, timeZone }: { applicationId: string; interviews: InterviewRow[]; timeZone: string }) {
  return (
    <div className="grid gap-4">
      {interviews.length === 0 ? (
        <p className="text-sm text-slate-600">No interviews yet. Add one and it shows on your timeline, your dashboard and in your calendar feed.</p>
      ) : (
        <ul className="grid gap-3" aria-label="Interviews">
          {interviews.map((i) => (
            <li key={i.id} className={`rounded-md border p-3 ${i.past ? 'border-slate-200 bg-slate-50' : 'border-amber-200 bg-amber-50'}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium">
                  {INTERVIEW_KIND_LABEL[i.kind]} · {i.when} · {i.minutes} min
                </p>
                <DeleteInterview applicationId={applicationId} interviewId={i.id} />
              </div>
              {i.notes ? <p className="mt-1 text-sm whitespace-pre-line text-slate-700">{i.notes}</p> : null}
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit</summary>
                <div className="mt-3">
                  <InterviewForm applicationId={applicationId} interview={i} timeZone={timeZone} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      <details open={interviews.length === 0} className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Add an interview</summary>
        <div className="mt-3">
          <InterviewForm applicationId={applicationId} timeZone={timeZone} />
        </div>
      </details>
    </div>
  );
}
