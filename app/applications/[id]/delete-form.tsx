'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { removeApplication, type ActionState } from '../actions';

export function DeleteForm({ id, title }: { id: string; title: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(removeApplication, {});
  return (
    <form action={action} className="space-y-3" aria-label="Confirm delete">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-red-900">
        Delete <strong>{title}</strong> and its timeline? This cannot be undone. (To keep the record but close it, change the status to Withdrawn or Rejected.)
      </p>
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
          {pending ? 'Deleting…' : 'Yes, delete'}
        </button>
        <Link href={`/applications/${id}`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium">
          Cancel
        </Link>
      </div>
      {state.error ? <p role="alert" className="text-sm text-red-600">{state.error}</p> : null}
    </form>
  );
}
