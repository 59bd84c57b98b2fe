// The end of every settings-style form: its submit button and the live result of the last
// submit (role="status", so screen readers hear it).

export interface FormOutcome {
  ok?: string;
  error?: string;
}

export function FormStatus({ state, className = 'text-sm' }: { state: FormOutcome; className?: string }) {
  return (
    <p role="status" className={className}>
      {state.ok ? <span className="text-emerald-700">{state.ok}</span> : null}
      {state.error ? <span className="text-red-600">{state.error}</span> : null}
    </p>
  );
}

/** `disabled` beyond `pending`: e.g. until the form has hydrated (see use-form-action.ts). */
export function FormFooter({ label, pending, disabled = false, state, className = '' }: { label: string; pending: boolean; disabled?: boolean; state: FormOutcome; className?: string }) {
  return (
    <div className={`flex items-center gap-3 ${className}`}>
      <button type="submit" disabled={pending || disabled} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {pending ? 'Saving…' : label}
      </button>
      <FormStatus state={state} />
    </div>
  );
}
