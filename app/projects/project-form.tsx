'use client';

import { useActionState } from 'react';
import { LANGUAGES } from '@/lib/vocabulary';
import { useFormAction } from '@/app/components/use-form-action';
import { createProjectAction, deleteProjectAction, updateProjectAction, type FormState } from './actions';
import { FormFooter } from '@/app/components/form-footer';

const inputClass = 'rounded-md border border-slate-300 bg-white px-3 py-2 aria-invalid:border-red-500';

export interface ProjectDefaults {
  id?: string;
  name?: string;
  language?: string | null;
  repoUrl?: string | null;
  liveUrl?: string | null;
  status?: 'building' | 'deployed';
}

function Field({ label, name, error, prefix, children }: { label: string; name: string; error?: string; prefix: string; children: React.ReactElement }) {
  return (
    <label className="grid gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      {children}
      {error ? (
        <span id={`${prefix}-${name}-error`} className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </label>
  );
}

/** Add a project (no id) or edit one. */
export function ProjectForm({ defaults = {} }: { defaults?: ProjectDefaults }) {
  const editing = Boolean(defaults.id);
  const { state, pending, ready, onSubmit, formRef } = useFormAction(editing ? updateProjectAction : createProjectAction, { resetOnSuccess: !editing });
  const errors = state.fields ?? {};
  const prefix = editing ? `project-${defaults.id}` : 'project-new';
  const described = (name: string) => ({
    'aria-invalid': Boolean(errors[name]),
    'aria-describedby': errors[name] ? `${prefix}-${name}-error` : undefined,
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" noValidate>
      {editing ? <input type="hidden" name="id" value={defaults.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Name" name="name" error={errors.name} prefix={prefix}>
          <input name="name" required maxLength={100} defaultValue={defaults.name ?? ''} placeholder="URL shortener" className={inputClass} {...described('name')} />
        </Field>
        <Field label="Language" name="language" error={errors.language} prefix={prefix}>
          <select name="language" defaultValue={defaults.language ?? ''} className={inputClass} {...described('language')}>
            <option value="">Not set</option>
            {Object.entries(LANGUAGES).map(([slug, label]) => (
              <option key={slug} value={slug}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Repository URL" name="repoUrl" error={errors.repoUrl} prefix={prefix}>
          <input name="repoUrl" type="url" defaultValue={defaults.repoUrl ?? ''} placeholder="https://github.com/you/project" className={inputClass} {...described('repoUrl')} />
        </Field>
        <Field label="Live URL" name="liveUrl" error={errors.liveUrl} prefix={prefix}>
          <input name="liveUrl" type="url" defaultValue={defaults.liveUrl ?? ''} placeholder="https://project.example.com" className={inputClass} {...described('liveUrl')} />
        </Field>
      </div>
      <fieldset className="flex flex-wrap items-center gap-4 text-sm">
        <legend className="sr-only">Status</legend>
        <span className="font-medium text-slate-700" aria-hidden>
          Status
        </span>
        {(['building', 'deployed'] as const).map((status) => (
          <label key={status} className="flex items-center gap-1.5">
            <input type="radio" name="status" value={status} defaultChecked={(defaults.status ?? 'building') === status} />
            {status === 'building' ? 'Building' : 'Deployed'}
          </label>
        ))}
        {errors.status ? <span className="text-xs text-red-600">{errors.status}</span> : null}
      </fieldset>
      <FormFooter label={editing ? 'Save project' : 'Add project'} pending={pending} disabled={!ready} state={state} />
    </form>
  );
}

export function DeleteProjectButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteProjectAction, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Delete project ${name}`}
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
