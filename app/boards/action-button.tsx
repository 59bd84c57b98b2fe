'use client';

import { useActionState } from 'react';
import type { FormState } from './actions';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** A one-button form for a board action, with the action's answer beside it. */
export function ActionButton({
  action,
  fields = {},
  label,
  pendingLabel,
  className,
  disabled = false,
  title,
  align = 'end',
}: {
  action: Action;
  fields?: Record<string, string>;
  label: string;
  pendingLabel?: string;
  className: string;
  disabled?: boolean;
  title?: string;
  align?: 'start' | 'end';
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  const message = state.error ?? state.ok;
  return (
    <form action={formAction} className={`flex flex-col gap-1 ${align === 'end' ? 'items-end' : 'items-start'}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button disabled={disabled || pending} title={title} className={className}>
        {pending ? (pendingLabel ?? label) : label}
      </button>
      {message ? (
        <span role="status" className={`max-w-48 text-xs ${state.error ? 'text-red-700' : 'text-emerald-700'} ${align === 'end' ? 'text-right' : ''}`}>
          {message}
        </span>
      ) : null}
    </form>
  );
}
