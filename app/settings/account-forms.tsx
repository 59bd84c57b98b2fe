'use client';

import { FormFooter } from '@/app/components/form-footer';
import { useFormAction } from '@/app/components/use-form-action';
import { changePasswordAction, deleteAccountAction } from './actions';

const inputClass = 'rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-500';

function Field({ name, label, type = 'password', autoComplete, error, hint }: { name: string; label: string; type?: string; autoComplete: string; error?: string; hint?: string }) {
  const describedBy = error ? `${name}-error` : hint ? `${name}-hint` : undefined;
  return (
    <label className="grid gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      <input name={name} type={type} autoComplete={autoComplete} aria-invalid={Boolean(error)} aria-describedby={describedBy} className={inputClass} />
      {error ? (
        <span id={`${name}-error`} className="text-xs text-red-600">
          {error}
        </span>
      ) : hint ? (
        <span id={`${name}-hint`} className="text-xs text-slate-500">
          {hint}
        </span>
      ) : null}
    </label>
  );
}

/** Current password, new password; on success every session ends and this browser signs in again. */
export function ChangePasswordForm() {
  const { state, pending, ready, onSubmit, formRef } = useFormAction(changePasswordAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4" noValidate aria-labelledby="change-password-heading">
      <h2 id="change-password-heading" className="text-lg font-semibold">
        Change password
      </h2>
      <Field name="currentPassword" label="Current password" autoComplete="current-password" error={state.fields?.currentPassword} />
      <Field
        name="newPassword"
        label="New password"
        autoComplete="new-password"
        error={state.fields?.newPassword}
        hint="At least 8 characters, and not one of the most common passwords. Every other signed-in browser is signed out."
      />
      <FormFooter label="Change password" pending={pending} disabled={!ready} state={state} />
    </form>
  );
}

/** Typed confirmation plus the password: nothing is deleted by a stray click. */
export function DeleteAccountForm({ hasPassword, confirmation }: { hasPassword: boolean; confirmation: string }) {
  const { state, pending, ready, onSubmit, formRef } = useFormAction(deleteAccountAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4" noValidate aria-labelledby="delete-account-heading">
      <h2 id="delete-account-heading" className="text-lg font-semibold text-red-700">
        Delete my account
      </h2>
      <p className="text-sm text-slate-600">
        Deletes your account, profile, applications with their timelines and interviews, time log, projects, timer and calendar link at once, and signs out every browser.
        This cannot be undone: download your data first if you want to keep it.
      </p>
      {hasPassword ? <Field name="password" label="Password" autoComplete="current-password" error={state.fields?.password} /> : null}
      <Field name="confirm" type="text" autoComplete="off" label={`Type "${confirmation}" to confirm`} error={state.fields?.confirm} />
      <FormFooter label="Delete my account" pending={pending} disabled={!ready} state={state} />
    </form>
  );
}
