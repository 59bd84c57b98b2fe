import type { Application } from '@/db/schema';
import type { ApplicationStatus } from '@/lib/applications/statuses';

// Display helpers shared by the applications pages.

export const STATUS_TONE: Record<ApplicationStatus, 'slate' | 'green' | 'amber' | 'red' | 'blue'> = {
  saved: 'slate',
  applied: 'blue',
  screening: 'blue',
  interviewing: 'amber',
  offer: 'green',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'slate',
  ghosted: 'slate',
};

/** "25 Nov 2026" (UTC: dates are stored as days at midnight UTC). */
export function formatDay(date: Date | string | null): string {
  if (!date) return '—';
  const d = typeof date === 'string' ? new Date(date) : date;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** What a card or row needs, serialisable for client components. */
export interface CardData {
  id: string;
  title: string;
  company: string;
  status: ApplicationStatus;
  appliedAt: string | null;
  nextFollowUpAt: string | null;
  updatedAt: string;
  /** When the listing was removed from its board, if it was. */
  closedAt: string | null;
}

export const toCard = (a: Application, closedAt?: Date): CardData => ({
  id: a.id,
  title: a.title,
  company: a.company,
  status: a.status,
  appliedAt: a.appliedAt?.toISOString() ?? null,
  nextFollowUpAt: a.nextFollowUpAt?.toISOString() ?? null,
  updatedAt: a.updatedAt.toISOString(),
  closedAt: closedAt?.toISOString() ?? null,
});

/** "Posting closed on 20 Nov 2026". */
export const closedText = (closedAt: Date | string) => `Posting closed on ${formatDay(closedAt)}`;
