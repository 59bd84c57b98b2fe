'use client';

import type { Facets } from '@/lib/search/facets';
import type { UrlFilters } from '@/lib/search/filters';
import { languageLabel, REMOTE_LABEL } from '@/lib/search/format';
import { LANGUAGE_SLUGS, REMOTE_KINDS, ROLES, SENIORITIES } from '@/lib/vocabulary';

// A plain GET form: the filters live in the URL, so links share, reload keeps them and the
// browser's back/forward work, with or without JavaScript. A client component only so that the
// page's payload carries its few props (the filters and the counts) rather than its ~300
// elements: it is rendered to HTML on the server all the same, and holds no state.

function Group({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{legend}</legend>
      {children}
    </fieldset>
  );
}

function Check({ name, value, label, checked, count }: { name: string; value: string; label: string; checked: boolean; count?: number }) {
  return (
    <label className="flex items-center justify-between gap-2 text-sm">
      <span className="flex items-center gap-2">
        <input type="checkbox" name={name} value={value} defaultChecked={checked} className="h-4 w-4 rounded border-slate-300 accent-emerald-600" />
        {label}
      </span>
      {count !== undefined ? <span className="text-xs tabular-nums text-slate-500">{count}</span> : null}
    </label>
  );
}

export function FiltersForm({
  filters,
  facets,
  boards,
  currencies,
  showDismissed = false,
  companies = [],
}: {
  /** The filters a URL carries, never the user's own lists: these props cross to the browser. */
  filters: UrlFilters;
  facets: Facets;
  boards: { id: string; name: string }[];
  /** The companies the URL names (company=<id>), with their names. */
  companies?: { id: string; name: string }[];
  currencies: string[];
  showDismissed?: boolean;
}) {
  // Languages with listings first; the rest behind "more".
  const languages = [...LANGUAGE_SLUGS].sort((a, b) => (facets.language[b] ?? 0) - (facets.language[a] ?? 0));
  const shown = languages.filter((l, i) => i < 8 || filters.language.includes(l));
  const more = languages.filter((l) => !shown.includes(l));
  return (
    <form method="get" action="/jobs" className="space-y-5" aria-label="Job filters">
      <input type="hidden" name="f" value="1" />
      {showDismissed ? <input type="hidden" name="dismissed" value="1" /> : null}
      <label className="grid gap-1 text-sm">
        <span className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Search</span>
        <input
          type="search"
          name="q"
          defaultValue={filters.q ?? ''}
          placeholder='e.g. postgres "event driven" -php'
          className="rounded-md border border-slate-300 px-3 py-2"
        />
      </label>

      <Group legend="Language">
        {shown.map((slug) => (
          <Check key={slug} name="language" value={slug} label={languageLabel(slug)} checked={filters.language.includes(slug)} count={facets.language[slug] ?? 0} />
        ))}
        {more.length ? (
          <details className="text-sm">
            <summary className="cursor-pointer text-slate-500">More languages</summary>
            <div className="mt-1.5 space-y-1.5">
              {more.map((slug) => (
                <Check key={slug} name="language" value={slug} label={languageLabel(slug)} checked={false} count={facets.language[slug] ?? 0} />
              ))}
            </div>
          </details>
        ) : null}
      </Group>

      <Group legend="Seniority">
        {SENIORITIES.map((value) => (
          <Check key={value} name="seniority" value={value} label={value} checked={filters.seniority.includes(value)} count={facets.seniority[value] ?? 0} />
        ))}
      </Group>

      <Group legend="Role">
        {ROLES.map((value) => (
          <Check key={value} name="role" value={value} label={value} checked={filters.role.includes(value)} count={facets.role[value] ?? 0} />
        ))}
      </Group>

      <Group legend="Where">
        {REMOTE_KINDS.map((value) => (
          <Check key={value} name="remote" value={value} label={REMOTE_LABEL[value]} checked={filters.remote.includes(value)} count={facets.remote[value] ?? 0} />
        ))}
      </Group>

      <Group legend="Companies">
        <Check name="followed" value="1" label="Followed companies only" checked={filters.followed === true} />
        {companies.map((company) => (
          <Check key={company.id} name="company" value={company.id} label={company.name} checked />
        ))}
        <a href="/companies" className="text-xs text-brand-700 underline">
          Follow companies
        </a>
      </Group>

      <Group legend="First job">
        <Check name="selfTaught" value="true" label="Open to self-taught (no degree, ≤ 2 yrs)" checked={filters.selfTaught === true} />
        <Check name="visa" value="true" label="Sponsors visas" checked={filters.visa === true} />
      </Group>

      <Group legend="Salary at least (per year)">
        <div className="flex gap-2">
          <input
            type="number"
            name="salaryMin"
            min={0}
            step={1000}
            defaultValue={filters.salaryMin ?? ''}
            placeholder="60000"
            aria-label="Minimum yearly salary"
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          <select name="currency" defaultValue={filters.currency} aria-label="Currency" className="rounded-md border border-slate-300 px-2 text-sm">
            {currencies.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </div>
      </Group>

      <Group legend="Posted">
        <select name="postedWithin" defaultValue={filters.postedWithin ?? ''} aria-label="Posted within" className="w-full rounded-md border border-slate-300 px-2 py-2 text-sm">
          <option value="">Any time</option>
          <option value="24h">Last 24 hours</option>
          <option value="7d">Last 7 days</option>
          <option value="30d">Last 30 days</option>
        </select>
      </Group>

      {boards.length ? (
        <Group legend="Board">
          {boards.map((board) => (
            <Check key={board.id} name="board" value={board.id} label={board.name} checked={filters.board.includes(board.id)} count={facets.board[board.id] ?? 0} />
          ))}
        </Group>
      ) : null}

      <Group legend="Sort">
        <select name="sort" defaultValue={filters.sort ?? ''} aria-label="Sort by" className="w-full rounded-md border border-slate-300 px-2 py-2 text-sm">
          <option value="">{filters.q ? 'Relevance' : 'Newest'}</option>
          <option value="newest">Newest</option>
          <option value="salary">Salary</option>
          <option value="relevance">Relevance (with search)</option>
          <option value="match">Best match</option>
        </select>
      </Group>

      <div className="flex gap-2">
        <button type="submit" className="flex-1 rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
          Apply filters
        </button>
        <a href="/jobs?f=1" className="rounded-md border border-slate-300 px-3 py-2 text-sm">
          Clear
        </a>
      </div>
    </form>
  );
}
