'use client';

import { useMemo } from 'react';
import type { UserProfile } from '@/lib/profile/profile';
import { LANGUAGES, REMOTE_KINDS, SENIORITIES } from '@/lib/vocabulary';
import { FormFooter } from '@/app/components/form-footer';
import { useFormAction } from '@/app/components/use-form-action';
import { saveSettings } from './actions';

const inputClass = 'rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-500';

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="text-xs text-red-600">
      {message}
    </span>
  ) : null;
}

export function SettingsForm({ profile, currencies }: { profile: UserProfile; currencies: string[] }) {
  // onSubmit, not <form action>: a refused value must not wipe what the user chose.
  const { state, pending, ready, onSubmit, formRef } = useFormAction(saveSettings);
  const fieldError = (name: string) => state.fields?.[name];
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const zone = profile.timeZone;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-6" noValidate>
      <fieldset aria-describedby="languages-hint" className="grid gap-2">
        <legend className="text-sm font-medium text-slate-700">Specialization languages</legend>
        <p id="languages-hint" className="text-xs text-slate-500">
          One to three. They become your default job filter.
        </p>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {Object.entries(LANGUAGES).map(([slug, label]) => (
            <label key={slug} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="languages" value={slug} defaultChecked={profile.languages.includes(slug as never)} />
              {label}
            </label>
          ))}
        </div>
        <FieldError id="languages-error" message={fieldError('languages')} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Target seniority</span>
          <select name="targetSeniority" defaultValue={profile.targetSeniority ?? ''} className={inputClass}>
            <option value="">Any</option>
            {SENIORITIES.filter((s) => s !== 'unknown').map((s) => (
              <option key={s} value={s}>
                {s[0]!.toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Remote preference</span>
          <select name="remote" defaultValue={profile.remote ?? ''} className={inputClass}>
            <option value="">No preference</option>
            {REMOTE_KINDS.filter((r) => r !== 'unknown').map((r) => (
              <option key={r} value={r}>
                {r[0]!.toUpperCase() + r.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Daily application time (minutes)</span>
          <input
            name="dailyApplyBudgetMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={600}
            defaultValue={profile.dailyApplyBudgetMinutes}
            aria-invalid={Boolean(fieldError('dailyApplyBudgetMinutes'))}
            className={inputClass}
          />
          <FieldError id="budget-error" message={fieldError('dailyApplyBudgetMinutes')} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Weekly learning and building goal (hours)</span>
          <input
            name="weeklyLearningGoalHours"
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={0.5}
            defaultValue={profile.weeklyLearningGoalMinutes / 60}
            aria-invalid={Boolean(fieldError('weeklyLearningGoalHours'))}
            className={inputClass}
          />
          <FieldError id="goal-error" message={fieldError('weeklyLearningGoalHours')} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Time zone</span>
          <select name="timeZone" defaultValue={zone} aria-invalid={Boolean(fieldError('timeZone'))} className={inputClass}>
            {[...new Set(['UTC', zone, ...zones])].map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          <FieldError id="zone-error" message={fieldError('timeZone')} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Salary currency</span>
          <select name="currency" defaultValue={profile.currency} className={inputClass}>
            {[...new Set([profile.currency, ...currencies])].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormFooter label="Save settings" pending={pending} disabled={!ready} state={state} />
    </form>
  );
}
