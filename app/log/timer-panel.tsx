'use client';

import { useActionState, useEffect, useState } from 'react';
import type { Choice } from '@/lib/timelog/form';
import { AREA_LABELS, formatClock, formatMinutes, KIND_LABELS } from '@/lib/timelog/labels';
import type { TimerJson } from '@/lib/timelog/timer';
import { discardTimerAction, startTimerAction, stopTimerAction, type FormState } from './actions';
import { FormStatus } from '@/app/components/form-footer';
import { useFormAction } from '@/app/components/use-form-action';
import { ActivityFields, FieldError, inputClass, type ActivityDefaults } from './activity-fields';

/** Seconds since `startedAt`, ticking; starts from the server's clock so the first render matches. */
function useElapsed(startedAt: string, serverNow: number): number {
  const start = Date.parse(startedAt);
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return Math.max(0, (now - start) / 1000);
}

function RunningTimer({
  timer,
  serverNow,
  capMinutes,
  projectName,
  stop,
  stopping,
  discard,
  discarding,
}: {
  timer: TimerJson;
  serverNow: number;
  capMinutes: number;
  projectName: string | null;
  stop: (formData: FormData) => void;
  stopping: boolean;
  discard: (formData: FormData) => void;
  discarding: boolean;
}) {
  const elapsed = useElapsed(timer.startedAt, serverNow);
  const overCap = elapsed / 60 > capMinutes;
  const what = [KIND_LABELS[timer.kind], timer.area ? AREA_LABELS[timer.area] : null, projectName].filter(Boolean).join(' · ');
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">Running: {what}</p>
          <p className="font-mono text-4xl font-semibold tabular-nums" role="timer" aria-label="Elapsed time">
            {formatClock(elapsed)}
          </p>
          {timer.note ? <p className="text-sm text-slate-600">{timer.note}</p> : null}
        </div>
        <div className="flex gap-2">
          <form action={stop}>
            <button type="submit" disabled={stopping} className="rounded-md bg-red-600 px-5 py-2 text-sm font-medium text-white disabled:opacity-60">
              {stopping ? 'Stopping…' : 'Stop timer'}
            </button>
          </form>
          <form action={discard}>
            <button
              type="submit"
              disabled={discarding}
              className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 disabled:opacity-60"
            >
              Discard
            </button>
          </form>
        </div>
      </div>
      {overCap ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This timer has run for more than {formatMinutes(capMinutes)}. Stopping it saves {formatMinutes(capMinutes)}, flagged as capped; edit
          the entry afterwards if you really worked longer.
        </p>
      ) : null}
    </div>
  );
}

function StartForm({ projects, applications, defaults }: { projects: Choice[]; applications: Choice[]; defaults?: ActivityDefaults }) {
  const { state, pending, ready, onSubmit } = useFormAction(startTimerAction);
  const errors = state.fields ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-3">
        <ActivityFields idPrefix="timer" defaults={defaults} projects={projects} applications={applications} errors={errors} />
        <label className="grid gap-1 text-sm sm:col-span-3">
          <span className="font-medium text-slate-700">Note</span>
          <input name="note" maxLength={2000} placeholder="What are you working on?" className={inputClass} aria-invalid={Boolean(errors.note)} />
          <FieldError id="timer-note-error" message={errors.note} />
        </label>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending || !ready} className="rounded-md bg-emerald-700 px-5 py-2 text-sm font-medium text-white disabled:opacity-60">
          {pending ? 'Starting…' : 'Start timer'}
        </button>
        <FormStatus state={state} className="min-h-5 text-sm" />
      </div>
    </form>
  );
}

/** The timer lives in the database, so it survives reloads and closed tabs. */
export function TimerPanel({
  timer,
  serverNow,
  capMinutes,
  projects,
  applications,
  defaults,
}: {
  timer: TimerJson | null;
  serverNow: number;
  capMinutes: number;
  projects: Choice[];
  applications: Choice[];
  /** Preselected activity, e.g. from a "Log time" link on an application. */
  defaults?: ActivityDefaults;
}) {
  // Stop and discard live here, not in RunningTimer, so "Saved 25 min" outlives the running timer.
  const [stopState, stop, stopping] = useActionState<FormState, FormData>(stopTimerAction, {});
  const [discardState, discard, discarding] = useActionState<FormState, FormData>(discardTimerAction, {});
  const last = stopState.error || discardState.error ? (stopState.error ? stopState : discardState) : stopState.ok ? stopState : discardState;
  return (
    <div className="space-y-2">
      {timer ? (
        <RunningTimer
          key={timer.startedAt}
          timer={timer}
          serverNow={serverNow}
          capMinutes={capMinutes}
          projectName={projects.find((p) => p.id === timer.projectId)?.label ?? null}
          stop={stop}
          stopping={stopping}
          discard={discard}
          discarding={discarding}
        />
      ) : (
        <StartForm projects={projects} applications={applications} defaults={defaults} />
      )}
      <FormStatus state={last} className="min-h-5 text-sm" />
    </div>
  );
}
