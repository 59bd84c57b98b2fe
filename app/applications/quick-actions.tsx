'use client';

import { useActionState } from 'react';
import { clearFollowUp, markGhostedAction, type ActionState } from './actions';

// One-click buttons for the "Follow-ups due" and "Possibly ghosted" lists.

function OneClick({
  id,
  label,
  pendingLabel,
  run,
}: {
  id: string;
  label: string;
  pendingLabel: string;
  run: (previous: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(run, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium hover:border-brand-500 disabled:opacity-60">
        {pending ? pendingLabel : label}
      </button>
      {state.error ? <span role="alert" className="text-xs text-red-600">{state.error}</span> : null}
    </form>
  );
}

export function MarkGhostedButton({ id }: { id: string }) {
  return <OneClick id={id} label="Mark ghosted" pendingLabel="Marking…" run={markGhostedAction} />;
}

export function FollowUpDoneButton({ id }: { id: string }) {
  return <OneClick id={id} label="Done" pendingLabel="Saving…" run={clearFollowUp} />;
}
