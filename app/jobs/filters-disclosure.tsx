'use client';

import { useId, useState } from 'react';

/**
 * The filter form's frame. From lg up it is the sidebar, always open; on smaller screens the
 * listings come first and the form waits behind a "Filters" button showing how many are active.
 * The form itself is the same plain GET form either way, so the URL state does not change.
 */
export function FiltersDisclosure({ active, children }: { active: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
        className="flex w-full items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium shadow-sm lg:hidden"
      >
        <span className="flex items-center gap-2">
          Filters
          {active > 0 ? (
            <span className="rounded-full bg-slate-900 px-2 py-0.5 text-xs tabular-nums text-white">
              {active}
              <span className="sr-only"> active</span>
            </span>
          ) : null}
        </span>
        <svg aria-hidden viewBox="0 0 20 20" className={`h-4 w-4 transition-transform ${open ? 'rotate-180' : ''}`} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M5 8l5 5 5-5" />
        </svg>
      </button>
      <div id={panelId} className={`${open ? 'block' : 'hidden'} mt-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm lg:mt-0 lg:block lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none`}>
        {children}
      </div>
    </>
  );
}
