import type { JobSummary } from './search';
import { LANGUAGES, type Language } from '../vocabulary';

// Display helpers for listings: the pages, the saved-search feeds and the digests say it the same way.

export const languageLabel = (slug: string) => LANGUAGES[slug as Language] ?? slug;

const PERIOD = { year: '/yr', month: '/mo', week: '/wk', day: '/day', hour: '/hr' } as const;

// Making an Intl.NumberFormat costs ~60 µs here, formatting with one under 1 µs: a page of 20
// listings made 40 of them. One per currency and notation, kept (a few dozen currencies at most).
const formats = new Map<string, Intl.NumberFormat>();

function money(amount: number, currency: string): string {
  const compact = amount >= 10_000;
  const key = `${currency}:${compact}`;
  let format = formats.get(key);
  if (!format) {
    // Throws on an unknown currency code before anything is kept.
    format = new Intl.NumberFormat('en', { style: 'currency', currency, notation: compact ? 'compact' : 'standard', maximumFractionDigits: compact ? 0 : 2 });
    formats.set(key, format);
  }
  return format.format(amount);
}

export function formatSalary(salary: JobSummary['salary']): string | null {
  if (!salary) return null;
  try {
    const { min, max, currency, period } = salary;
    const range = min !== null && max !== null && max !== min ? `${money(min, currency)} – ${money(max, currency)}` : min !== null ? `${max === null ? 'from ' : ''}${money(min, currency)}` : `up to ${money(max!, currency)}`;
    return `${range}${PERIOD[period]}`;
  } catch {
    return null; // an unknown currency code
  }
}

export const REMOTE_LABEL = { remote: 'Remote', hybrid: 'Hybrid', onsite: 'On-site', unknown: 'Location unclear' } as const;

export function age(postedAt: string, now = Date.now()): string {
  const hours = Math.max(0, Math.round((now - new Date(postedAt).getTime()) / 3_600_000));
  if (hours < 1) return 'just now';
  if (hours < 24) return `${hours}h ago`;
  const days = Math.round(hours / 24);
  return days < 60 ? `${days}d ago` : `${Math.round(days / 30)}mo ago`;
}

/** "Remote · Berlin", but never "Remote · Remote": the location is shown only when it adds something. */
export function whereText(remote: keyof typeof REMOTE_LABEL, location: string | null): string {
  const label = REMOTE_LABEL[remote];
  const place = location?.trim();
  return place && place.toLowerCase() !== label.toLowerCase() ? `${label} · ${place}` : label;
}
