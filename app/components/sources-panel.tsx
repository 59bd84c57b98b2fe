import Link from 'next/link';
import { SOURCE_WEEKS, type SourceRow, type SourceWeeks } from '@/lib/applications/sources';
import { formatMinutes } from '@/lib/timelog/labels';
import { SourcesChart } from './sources-chart';

// "Which sources answer": the same panel on the dashboard and on /applications. A chart and
// its table; the weeks switch is plain links, so it works without JavaScript.

const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '–');

export function SourcesPanel({ rows, weeks, hrefFor }: { rows: SourceRow[]; weeks: SourceWeeks; hrefFor: Record<SourceWeeks, string> }) {
  const sent = rows.reduce((n, r) => n + r.applications, 0);
  const best = rows.filter((r) => r.applications >= 2 && r.responses > 0).sort((a, b) => b.responses / b.applications - a.responses / a.applications)[0];
  return (
    <section aria-labelledby="sources-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="sources-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
            Which sources answer
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {sent === 0
              ? `No applications sent in the last ${weeks} weeks.`
              : best
                ? `${best.label} answers most often: ${best.responses} of ${best.applications} (${percent(best.responses, best.applications)}).`
                : `${sent} application${sent === 1 ? '' : 's'} sent in the last ${weeks} weeks; no answers yet.`}
          </p>
        </div>
        <nav aria-label="Period" className="flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
          {SOURCE_WEEKS.map((w) => (
            <Link
              key={w}
              href={hrefFor[w]}
              scroll={false}
              aria-current={w === weeks ? 'page' : undefined}
              className={`rounded px-3 py-1 ${w === weeks ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
            >
              {w} weeks
            </Link>
          ))}
        </nav>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-md bg-slate-50 px-3 py-4 text-sm text-slate-600">
          Record where you found each job (the details of an application, or a Source column when you import) and log your applying time against it:
          this panel then shows which sources answer for the hour a day you spend.
        </p>
      ) : (
        <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <SourcesChart bars={rows.map((r) => ({ label: r.label, Sent: r.applications, Responses: r.responses, Interviews: r.interviews }))} />
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Applications sent in the last {weeks} weeks, by source</caption>
              <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-500 uppercase">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">Source</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Sent</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Responses</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Interviews</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Offers</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Applying</th>
                  <th scope="col" className="py-2 text-right font-medium">Responses / h</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 tabular-nums">
                {rows.map((r) => (
                  <tr key={r.source}>
                    <th scope="row" className="py-2 pr-3 font-medium text-slate-800">
                      {r.label}
                    </th>
                    <td className="py-2 pr-3 text-right">{r.applications}</td>
                    <td className="py-2 pr-3 text-right">
                      {r.responses} <span className="text-xs text-slate-500">{percent(r.responses, r.applications)}</span>
                    </td>
                    <td className="py-2 pr-3 text-right">{r.interviews}</td>
                    <td className="py-2 pr-3 text-right">{r.offers}</td>
                    <td className="py-2 pr-3 text-right whitespace-nowrap">{r.applyingMinutes ? formatMinutes(r.applyingMinutes) : '–'}</td>
                    <td className="py-2 text-right">{r.responsesPerHour === null ? '–' : r.responsesPerHour.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-xs text-slate-500">
              A response is any move past applied, a rejection included. Applying time counts entries of kind applying logged on an application.
            </p>
          </div>
        </div>
      )}
    </section>
  );
}
