'use client';

import { useEffect, useRef, useState } from 'react';
import type { Choice } from '@/lib/timelog/form';
import { AREA_LABELS, KIND_LABELS } from '@/lib/timelog/labels';

export const inputClass = 'rounded-md border border-slate-300 bg-white px-3 py-2 aria-invalid:border-red-500';

export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="text-xs text-red-600">
      {message}
    </span>
  ) : null;
}

export interface ActivityDefaults {
  kind?: string;
  area?: string | null;
  projectId?: string | null;
  applicationId?: string | null;
}

/**
 * Activity, then only the field that kind carries: a learning area, a project or an
 * application. Fields that do not apply are not rendered, so they are not submitted.
 */
export function ActivityFields({
  idPrefix,
  defaults = {},
  projects,
  applications,
  errors = {},
}: {
  idPrefix: string;
  defaults?: ActivityDefaults;
  projects: Choice[];
  applications: Choice[];
  errors?: Record<string, string>;
}) {
  const initialKind = defaults.kind ?? 'building';
  const [kind, setKind] = useState(initialKind);
  const kindRef = useRef<HTMLSelectElement>(null);
  // A form reset (after a successful add) puts the controlled kind back too.
  useEffect(() => {
    const form = kindRef.current?.form;
    if (!form) return;
    const onReset = () => setKind(initialKind);
    form.addEventListener('reset', onReset);
    return () => form.removeEventListener('reset', onReset);
  }, [initialKind]);
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <label className="grid gap-1 text-sm">
        <span className="font-medium text-slate-700">Activity</span>
        <select
          ref={kindRef}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          aria-invalid={Boolean(errors.kind)}
          aria-describedby={errors.kind ? id('kind-error') : undefined}
          className={inputClass}
        >
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <FieldError id={id('kind-error')} message={errors.kind} />
      </label>
      {kind === 'learning' ? (
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Learning area</span>
          <select
            name="area"
            defaultValue={defaults.area ?? ''}
            required
            aria-invalid={Boolean(errors.area)}
            aria-describedby={errors.area ? id('area-error') : undefined}
            className={inputClass}
          >
            <option value="">Pick an area…</option>
            {Object.entries(AREA_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <FieldError id={id('area-error')} message={errors.area} />
        </label>
      ) : null}
      {kind === 'building' ? (
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Project</span>
          <select
            name="projectId"
            defaultValue={defaults.projectId ?? ''}
            aria-invalid={Boolean(errors.projectId)}
            aria-describedby={errors.projectId ? id('project-error') : undefined}
            className={inputClass}
          >
            <option value="">No project</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <FieldError id={id('project-error')} message={errors.projectId} />
        </label>
      ) : null}
      {kind === 'applying' ? (
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Application</span>
          <select
            name="applicationId"
            defaultValue={defaults.applicationId ?? ''}
            aria-invalid={Boolean(errors.applicationId)}
            aria-describedby={errors.applicationId ? id('application-error') : undefined}
            className={inputClass}
          >
            <option value="">No particular application</option>
            {applications.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
          <FieldError id={id('application-error')} message={errors.applicationId} />
        </label>
      ) : null}
    </>
  );
}
