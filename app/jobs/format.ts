import { STATUS_LABEL, type ApplicationStatus } from '@/lib/applications/statuses';
import { relativeTime } from '../components/ui';

// The listing display helpers live in lib/search/format.ts (the feeds and digests use them too).
export * from '@/lib/search/format';

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
    case 'screening':
    case 'interviewing':
    case 'offer':
      return `Your application to ${company}: ${STATUS_LABEL[history.status].toLowerCase()} since ${ago}`;
  }
}
