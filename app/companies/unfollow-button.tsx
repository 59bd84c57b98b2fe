'use client';

import { useActionState } from 'react';
import type { ActionOutcome } from '@/app/action-failure';
import { unfollowCompanyAction } from './actions';

export function UnfollowButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState<ActionOutcome, FormData>(unfollowCompanyAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:border-red-400 disabled:opacity-60">
        Unfollow<span className="sr-only"> {name}</span>
      </button>
      {state.error ? (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
