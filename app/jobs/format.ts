import { STATUS_LABEL, type ApplicationStatus } from '@/lib/applications/statuses';
import type { JobSummary } from '@/lib/search/search';
import { LANGUAGES, type Language } from '@/lib/vocabulary';
import { relativeTime } from '../components/ui';

// Display helpers for listings.

export const languageLabel = (slug: string) => LANGUAGES[slug as Language] ?? slug;

const PERIOD = { year: '/yr', month: '/mo', week: '/wk', day: '/day', hour: '/hr' } as const;

function money(amount: number, currency: string): string {
  const compact = amount >= 10_000;
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
    notation: compact ? 'compact' : 'standard',
    maximumFractionDigits: compact ? 0 : 2,
  }).format(amount);
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

/** "You applied to Acme 12 days ago": the user's last dealings with a listing's company. */
export function historyText(history: { company: string; status: ApplicationStatus; at: Date }, now = new Date()): string {
  const { company, at } = history;
  const ago = relativeTime(at, now);
  switch (history.status) {
    case 'saved':
      return `You saved a job at ${company} ${ago}`;
    case 'applied':
      return `You applied to ${company} ${ago}`;
    case 'rejected':
      return `You were rejected by ${company} ${ago}`;
    case 'withdrawn':
      return `You withdrew from ${company} ${ago}`;
    case 'ghosted':
      return `${company} never answered you (marked ghosted ${ago})`;
    case 'accepted':
      return `You accepted an offer from ${company} ${ago}`;
    default:
      return `Your application to ${company}: ${STATUS_LABEL[history.status].toLowerCase()} since ${ago}`;
  }
}
