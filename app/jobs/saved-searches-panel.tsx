import Link from 'next/link';
import type { SavedFilterValues, SavedSearch } from '@/db/schema';
import { savedSearchHref } from '@/lib/saved-searches/json';
import { ManageSavedSearch, SaveSearchForm } from './saved-search-controls';

export interface SavedSearchItem {
  row: SavedSearch;
  newCount: number;
}

export const newText = (count: number) => (count === 0 ? 'Nothing new since you last looked' : `${count.toLocaleString('en')} new since you last looked`);

/** The user's saved searches with their new counts, each a link that opens (and marks seen) it. */
export function SavedSearchList({ items, activeId = null }: { items: SavedSearchItem[]; activeId?: string | null }) {
  return (
    <ul className="space-y-2" aria-label="Saved searches">
      {items.map(({ row, newCount }) => (
        <li key={row.id}>
          <Link
            href={savedSearchHref(row)}
            aria-current={row.id === activeId ? 'page' : undefined}
            className={`block rounded-md border px-3 py-2 text-sm hover:border-brand-500 ${row.id === activeId ? 'border-brand-500 bg-brand-50' : 'border-slate-200 bg-white'}`}
          >
            <span className="flex items-center justify-between gap-2">
              <span className="font-medium break-words">{row.name}</span>
              {newCount > 0 ? <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800 tabular-nums">{newCount}</span> : null}
            </span>
            <span className={`block text-xs ${newCount > 0 ? 'text-emerald-800' : 'text-slate-500'}`}>{newText(newCount)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Beside the filters on /jobs: the list, "Save this search", and managing the one open. */
export function SavedSearchesPanel({ items, activeId, currentFilters }: { items: SavedSearchItem[]; activeId: string | null; currentFilters: SavedFilterValues }) {
  const active = items.find(({ row }) => row.id === activeId)?.row ?? null;
  return (
    <section aria-labelledby="saved-searches-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="saved-searches-heading" className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Saved searches
      </h2>
      <SavedSearchList items={items} activeId={activeId} />
      <SaveSearchForm filters={currentFilters} />
      {active ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">Manage “{active.name}”</summary>
          <div className="mt-2">
            <ManageSavedSearch search={{ id: active.id, name: active.name, isDefault: active.isDefault }} filters={currentFilters} />
          </div>
        </details>
      ) : null}
      <p className="text-xs text-slate-500">Each saved search has a private Atom feed: its link is shown when you save it, or make a new one under Manage.</p>
    </section>
  );
}
