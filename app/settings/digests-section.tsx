import { latestDigests } from '@/lib/digests/deliver';
import { knownZone, nextDigestAt } from '@/lib/digests/due';
import { MAIL_OFF_MESSAGE, mailConfigured } from '@/lib/mail/config';
import { listSavedSearches } from '@/lib/saved-searches/saved-searches';
import type { DigestDelivery } from '@/db/schema';
import type { Db } from '@/db/types';
import { DigestRow, type DigestRowData } from './digest-row';

const STATUS_WORDS = { pending: 'being sent (retrying)', sent: 'sent', skipped: 'nothing new', failed: 'could not be sent' } as const;

/** Settings › Digests: per saved search, the daily email on or off, its hour, and "Send now". */
export async function DigestsSection({ db, userId, timeZone }: { db: Db; userId: string; timeZone: string }) {
  const configured = mailConfigured();
  const [searches, latest] = configured
    ? await Promise.all([listSavedSearches(db, userId), latestDigests(db, userId)])
    : [[], new Map<string, DigestDelivery>()];
  const zone = knownZone(timeZone);
  const when = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const rows: DigestRowData[] = searches.map((search) => {
    const last = latest.get(search.id);
    return {
      id: search.id,
      name: search.name,
      enabled: search.digestEnabled,
      hour: search.digestHour,
      next: search.digestEnabled ? when.format(nextDigestAt(new Date(), search.digestHour, zone)) : null,
      last: last ? `${when.format(last.sentAt ?? last.createdAt)}: ${STATUS_WORDS[last.status]}${last.status === 'pending' || last.status === 'failed' ? (last.lastError ? ` (${last.lastError.slice(0, 120)})` : '') : ''}` : null,
    };
  });
  return (
    <section id="digests" aria-labelledby="digests-heading" className="grid gap-3">
      <h2 id="digests-heading" className="text-lg font-semibold">
        Digests
      </h2>
      {!configured ? (
        <p className="text-sm text-slate-600">{MAIL_OFF_MESSAGE}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            One email a day per saved search, at the hour you pick in your time zone ({zone}), with only the jobs that are new since the last one. No
            email when nothing is new.
          </p>
          {rows.length === 0 ? (
            <p className="text-sm text-slate-600">
              Save a search on <a href="/jobs" className="text-brand-700 underline">Jobs</a> to get its digest.
            </p>
          ) : (
            <ul className="grid gap-3">
              {rows.map((row) => (
                <DigestRow key={row.id} row={row} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
