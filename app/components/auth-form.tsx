'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import type { AuthFormState } from '../auth-actions';

interface Props {
  mode: 'signin' | 'signup';
  next: string;
  action: (previous: AuthFormState, formData: FormData) => Promise<AuthFormState>;
}

const inputClass = 'rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-500';

/** The email + password form shared by /signin and /signup. */
export function AuthForm({ mode, next, action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const fieldError = (name: string) => state.fields?.[name];
  const signup = mode === 'signup';
  // A new account starts in the browser's time zone (checked on the server; UTC otherwise).
  // Filled after hydration so the server's and the browser's first render agree.
  const zoneField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (zoneField.current) zoneField.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  }, []);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {signup ? <input ref={zoneField} type="hidden" name="timeZone" defaultValue="" /> : null}
      <label className="grid gap-1 text-sm">
        <span className="font-medium text-slate-700">Email</span>
        <input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={Boolean(fieldError('email'))}
          aria-describedby={fieldError('email') ? 'email-error' : undefined}
          className={inputClass}
        />
        {fieldError('email') ? (
          <span id="email-error" className="text-xs text-red-600">
            {fieldError('email')}
          </span>
        ) : null}
      </label>
      <label className="grid gap-1 text-sm">
        <span className="font-medium text-slate-700">Password</span>
        <input
          name="password"
          type="password"
          autoComplete={signup ? 'new-password' : 'current-password'}
          required
          minLength={signup ? 8 : undefined}
          aria-invalid={Boolean(fieldError('password'))}
          aria-describedby={fieldError('password') ? 'password-error' : signup ? 'password-hint' : undefined}
          className={inputClass}
        />
        {fieldError('password') ? (
          <span id="password-error" className="text-xs text-red-600">
            {fieldError('password')}
          </span>
        ) : signup ? (
          <span id="password-hint" className="text-xs text-slate-500">
            At least 8 characters.
          </span>
        ) : null}
      </label>
      <p role="alert" className="min-h-5 text-sm text-red-600">
        {state.error && !state.fields ? state.error : null}
      </p>
      <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {pending ? (signup ? 'Creating account…' : 'Signing in…') : signup ? 'Create account' : 'Sign in'}
      </button>
      <p className="text-sm text-slate-600">
        {signup ? 'Already have an account? ' : 'New to trackend? '}
        <Link
          href={`${signup ? '/signin' : '/signup'}${next ? `?next=${encodeURIComponent(next)}` : ''}`}
          className="font-medium text-brand-700 underline"
        >
          {signup ? 'Sign in' : 'Create an account'}
        </Link>
      </p>
    </form>
  );
}
