import type { JobFilters } from '../search/filters';
import { LANGUAGES, type Language } from '../vocabulary';

// A saved search's filters in words, for the digest email ("Go · remote · junior or mid").

const orList = (values: string[]) => (values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`);

const POSTED: Record<string, string> = { '24h': 'posted in the last 24 hours', '7d': 'posted in the last 7 days', '30d': 'posted in the last 30 days' };

export function describeFilters(filters: Partial<JobFilters>): string[] {
  const words: string[] = [];
  if (filters.language?.length) words.push(orList(filters.language.map((slug) => LANGUAGES[slug as Language] ?? slug)));
  if (filters.remote?.length) words.push(orList(filters.remote));
  if (filters.seniority?.length) words.push(orList(filters.seniority));
  if (filters.role?.length) words.push(orList(filters.role));
  if (filters.salaryMin !== undefined) words.push(`salary from ${filters.salaryMin.toLocaleString('en-US')} ${filters.currency ?? 'USD'} a year`);
  if (filters.board?.length) words.push(`on ${orList(filters.board)}`);
  if (filters.postedWithin) words.push(POSTED[filters.postedWithin] ?? filters.postedWithin);
  if (filters.q) words.push(`matching "${filters.q}"`);
  if (filters.selfTaught) words.push('open to self-taught');
  if (filters.visa) words.push('visa sponsorship');
  return words.length > 0 ? words : ['all listings'];
}
