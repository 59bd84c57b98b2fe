'use client';

import { useActionState, useEffect, useState } from 'react';
import { timeZoneToOffer } from '@/lib/dates/zone';
import { adoptBrowserTimeZone } from './actions';

/** "Your browser is in Europe/Berlin; use it?" when the browser's zone is not the saved one. */
export function BrowserZoneOffer({ savedZone }: { savedZone: string }) {
  const [state, formAction, pending] = useActionState(adoptBrowserTimeZone, {});
  const [offered, setOffered] = useState<string | null>(null);
  // Read after hydration: the server cannot know the browser's zone.
  useEffect(() => setOffered(timeZoneToOffer(savedZone, Intl.DateTimeFormat().resolvedOptions().timeZone)), [savedZone]);
  if (state.ok) {
    return (
      <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-800">
        {state.ok}
      </p>
    );
  }
  if (!offered) return null;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
      <input type="hidden" name="timeZone" value={offered} />
      <p className="flex-1">
        Your browser is in <strong>{offered}</strong>, but your settings say <strong>{savedZone}</strong>, so your day, balance and follow-ups
        follow {savedZone}. Use {offered}?
      </p>
      <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
        {pending ? 'Saving…' : `Use ${offered}`}
      </button>
      {state.error ? (
        <p role="alert" className="w-full text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
