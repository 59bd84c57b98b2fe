import { jobFiltersSchema, parseJobFilters, type JobFilters } from '@/lib/search/filters';

// The /jobs page's defaults (the API has none): backend roles, and for a signed-in user their
// specialization languages and currency, unless the URL names them or the form was submitted
// (`f=1`). `dismissed=1` shows listings the user dismissed; it is the page's own parameter.

export type SearchParams = Record<string, string | string[] | undefined>;

export interface PageDefaults {
  languages: string[];
  currency: string | null;
}

export interface PageFilters {
  filters: JobFilters;
  problem: string | null;
  showDismissed: boolean;
  /** The profile's languages were applied because the URL named none. */
  usedProfileLanguages: boolean;
}

export function readFilters(searchParams: SearchParams, defaults: PageDefaults | null = null): PageFilters {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  const submitted = params.has('f');
  const showDismissed = params.getAll('dismissed').includes('1');
  params.delete('f');
  params.delete('dismissed');
  let usedProfileLanguages = false;
  if (!submitted && !params.has('role')) params.set('role', 'backend');
  if (!submitted && !params.has('language') && defaults?.languages.length) {
    for (const language of defaults.languages) params.append('language', language);
    usedProfileLanguages = true;
  }
  if (!params.has('currency') && defaults?.currency) params.set('currency', defaults.currency);
  // A bad value never breaks the page and never costs the good ones: each parameter the parser
  // refuses is dropped and named, and the rest still filter.
  const ignored: string[] = [];
  let parsed = parseJobFilters(params);
  while (!parsed.ok && params.has(parsed.parameter)) {
    ignored.push(`${parsed.parameter}=${clip(params.getAll(parsed.parameter).join(','))}`);
    params.delete(parsed.parameter);
    parsed = parseJobFilters(params);
  }
  const problem = ignored.length ? `Ignored ${ignored.join(', ')}: not a value that filter takes.` : null;
  if (parsed.ok) return { filters: parsed.filters, problem, showDismissed, usedProfileLanguages };
  return { filters: jobFiltersSchema.parse({ role: ['backend'] }), problem: problem ?? `Ignored the filters: ${parsed.error}.`, showDismissed, usedProfileLanguages: false };
}

const clip = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);
