import Link from 'next/link';
import type { Dashboard } from '@/lib/dashboard/dashboard';
import { AREA_LABELS, formatMinutes } from '@/lib/timelog/labels';
import { addDays } from '@/lib/dates/zone';
import { Card } from '../../components/ui';
import { ApplicationsTrend, FunnelChart, HoursTrend } from './trend-charts';

const TONES = {
  warn: 'border-amber-300 bg-amber-50 text-amber-900',
  good: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  info: 'border-sky-300 bg-sky-50 text-sky-900',
} as const;

function dateHeading(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function Meter({ value, max, label, over = false }: { value: number; max: number; label: string; over?: boolean }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={`${formatMinutes(value)} of ${formatMinutes(max)}`}
      className="mt-1 h-2 rounded bg-slate-100"
    >
      <div className={`h-2 rounded ${over ? 'bg-red-500' : 'bg-emerald-500'}`} style={{ width: `${pct}%` }} />
    </div>
  );
}

function Figure({ term, value, detail }: { term: string; value: string; detail?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-500">{term}</dt>
      <dd className="text-xl font-semibold whitespace-nowrap tabular-nums">
        {value}
        {detail ? <span className="block text-xs font-normal text-slate-500">{detail}</span> : null}
      </dd>
    </div>
  );
}

export interface RunningTimerNote {
  kind: string;
  elapsedMinutes: number;
}

/** "Technical with Acme, Thu 3 Dec 14:00" and the application it belongs to. */
export interface NextInterviewNote {
  text: string;
  href: string;
}

export function DashboardView({
  dashboard,
  isToday,
  timer,
  nextInterview,
}: {
  dashboard: Dashboard;
  isToday: boolean;
  timer?: RunningTimerNote | null;
  nextInterview?: NextInterviewNote | null;
}) {
  const { today, week } = dashboard;
  const learningBuilding = week.learningMinutes + week.buildingMinutes;
  const areas = Object.entries(week.byArea) as [keyof typeof AREA_LABELS, number][];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
          <p className="text-sm text-slate-500">
            {isToday ? 'Today, ' : ''}
            {dateHeading(dashboard.date)} · {dashboard.timeZone.replace(/_/g, ' ')}
          </p>
        </div>
        <nav aria-label="Day" className="flex items-center gap-2 text-sm">
          <Link className="rounded-md border border-slate-300 px-3 py-1.5" href={`/?date=${addDays(dashboard.date, -1)}`}>
            Previous day
          </Link>
          {!isToday ? (
            <>
              <Link className="rounded-md border border-slate-300 px-3 py-1.5" href={`/?date=${addDays(dashboard.date, 1)}`}>
                Next day
              </Link>
              <Link className="rounded-md border border-slate-300 px-3 py-1.5" href="/">
                Today
              </Link>
            </>
          ) : null}
          <Link className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white" href="/log">
            Log time
          </Link>
        </nav>
      </div>

      {timer && isToday ? (
        <p className="rounded-md border border-slate-200 bg-white px-4 py-2 text-sm text-slate-700">
          A {timer.kind} timer is running ({formatMinutes(timer.elapsedMinutes)} so far). It counts here once you stop it on the{' '}
          <Link className="text-brand-700 underline" href="/log">
            time log
          </Link>
          .
        </p>
      ) : null}

      {nextInterview ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          <span className="font-medium">Next interview:</span>{' '}
          <Link className="underline" href={nextInterview.href}>
            {nextInterview.text}
          </Link>
        </p>
      ) : null}

      {dashboard.guidance.length ? (
        <section aria-label="Guidance">
          <ul className="space-y-2">
            {dashboard.guidance.map((g) => (
              <li key={g.id} className={`rounded-md border px-4 py-2 text-sm ${TONES[g.tone]}`}>
                {g.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="today-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="today-heading" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
            {isToday ? 'Today' : 'That day'}
          </h2>
          <dl className="grid grid-cols-3 gap-4">
            <Figure term="Applying" value={formatMinutes(today.applyingMinutes)} detail={`of ${formatMinutes(today.applyBudgetMinutes)}`} />
            <Figure term="Learning" value={formatMinutes(today.learningMinutes)} />
            <Figure term="Building" value={formatMinutes(today.buildingMinutes)} />
          </dl>
          <Meter
            label="Applying against the daily budget"
            value={today.applyingMinutes}
            max={today.applyBudgetMinutes}
            over={today.applyingMinutes > today.applyBudgetMinutes}
          />
          <p className="mt-1 text-xs text-slate-500">Applying against the daily budget of {formatMinutes(today.applyBudgetMinutes)}</p>
        </section>

        <section aria-labelledby="week-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="week-heading" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
            This week
          </h2>
          <dl className="grid grid-cols-3 gap-4">
            <Figure term="Learning + building" value={formatMinutes(learningBuilding)} detail={`of ${formatMinutes(week.goalMinutes)}`} />
            <Figure term="Building streak" value={`${week.buildingStreak} ${week.buildingStreak === 1 ? 'day' : 'days'}`} />
            <Figure term="Applications sent" value={String(week.applicationsSent)} />
          </dl>
          <Meter label="Learning and building against the weekly goal" value={learningBuilding} max={week.goalMinutes} />
          <table className="mt-4 w-full text-sm">
            <caption className="sr-only">This week by kind</caption>
            <tbody className="tabular-nums">
              <tr>
                <th scope="row" className="py-0.5 text-left font-normal text-slate-600">
                  Applying
                </th>
                <td className="text-right">{formatMinutes(week.applyingMinutes)}</td>
              </tr>
              <tr>
                <th scope="row" className="py-0.5 text-left font-normal text-slate-600">
                  Learning
                </th>
                <td className="text-right">{formatMinutes(week.learningMinutes)}</td>
              </tr>
              {areas.map(([area, minutes]) => (
                <tr key={area}>
                  <th scope="row" className="py-0.5 pl-4 text-left font-normal text-slate-500">
                    {AREA_LABELS[area]}
                  </th>
                  <td className="text-right text-slate-500">{formatMinutes(minutes)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-0.5 text-left font-normal text-slate-600">
                  Building
                </th>
                <td className="text-right">{formatMinutes(week.buildingMinutes)}</td>
              </tr>
            </tbody>
          </table>
        </section>
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <HoursTrend weeks={dashboard.trends.weeks} />
        </div>
        <Card title="Portfolio">
          <dl>
            <Figure term="Deployed projects" value={String(dashboard.projects.deployed)} />
          </dl>
          <p className="mt-2 text-sm text-slate-600">Deployed projects are what employers look at.</p>
          <Link className="mt-2 inline-block text-sm text-brand-700 underline" href="/projects">
            Manage projects
          </Link>
        </Card>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <ApplicationsTrend weeks={dashboard.trends.weeks} />
        <FunnelChart funnel={dashboard.trends.funnel} />
      </div>

      <BuildNext buildNext={dashboard.buildNext} />
    </div>
  );
}

function BuildNext({ buildNext }: { buildNext: Dashboard['buildNext'] }) {
  return (
    <Card title="What to build next">
      {buildNext.languages.length === 0 ? (
        <p className="mb-3 text-sm text-slate-600">
          Showing all backend jobs.{' '}
          <Link className="text-brand-700 underline" href="/settings">
            Pick your languages
          </Link>{' '}
          to see what the jobs in your niche ask for.
        </p>
      ) : null}
      {buildNext.items.length === 0 ? (
        <p className="text-sm text-slate-600">No matching listings yet: load some jobs first.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Technologies your matching jobs ask for, beside the hours you logged on each</caption>
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th scope="col" className="font-medium">
                Technology
              </th>
              <th scope="col" className="w-2/5 font-medium">
                Share of {buildNext.listings.toLocaleString('en')} matching jobs
              </th>
              <th scope="col" className="text-right font-medium">
                Your time
              </th>
            </tr>
          </thead>
          <tbody>
            {buildNext.items.map((item) => (
              <tr key={`${item.kind}-${item.slug}`} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-2 text-left font-medium">
                  {item.label}
                </th>
                <td className="py-1">
                  <div className="flex items-center gap-2">
                    <div className="h-2 flex-1 rounded bg-slate-100">
                      <div className="h-2 rounded bg-emerald-500" style={{ width: `${Math.round(item.share * 100)}%` }} />
                    </div>
                    <span className="w-10 text-right text-xs tabular-nums text-slate-500">{Math.round(item.share * 100)}%</span>
                  </div>
                </td>
                <td className={`py-1 text-right tabular-nums ${item.minutesLogged === 0 ? 'text-amber-700' : ''}`}>
                  {item.minutesLogged === 0 ? 'none yet' : formatMinutes(item.minutesLogged)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="mt-3 text-xs text-slate-500">
        Languages count building time on projects in that language; other technologies count learning and building time whose note or project
        name mentions them.
      </p>
    </Card>
  );
}
