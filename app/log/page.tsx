import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/profile/profile';
import { listEntries, MAX_LIST_LIMIT } from '@/lib/timelog/entries';
import { groupByDay, logChoices, type Choice } from '@/lib/timelog/form';
import { AREA_LABELS, formatMinutes, KIND_LABELS } from '@/lib/timelog/labels';
import { getTimer, TIMER_CAP_MINUTES, timerJson } from '@/lib/timelog/timer';
import { addDays, localDate, localTime, startOfDay } from '@/lib/dates/zone';
import { Badge, Card } from '../components/ui';
import type { ActivityDefaults } from './activity-fields';
import { DeleteEntryButton, EntryForm } from './entry-form';
import { TimerPanel } from './timer-panel';

export const metadata: Metadata = { title: 'Time log' };
export const dynamic = 'force-dynamic';

/** How many local days of entries the page lists, unless ?days= asks for more (up to a year). */
const DEFAULT_DAYS = 14;
const MAX_DAYS = 366;

const KIND_TONES = { applying: 'blue', learning: 'amber', building: 'green' } as const;

function dayHeading(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Links may preselect what to log: /log?kind=applying&applicationId=<id> (from an
 * application) or /log?kind=building&projectId=<id>. Ids that are not the user's are ignored.
 */
function preselect(params: SearchParams, choices: { projects: Choice[]; applications: Choice[] }): ActivityDefaults {
  const one = (key: string) => (typeof params[key] === 'string' ? params[key] : undefined);
  const applicationId = choices.applications.find((a) => a.id === one('applicationId'))?.id;
  const projectId = choices.projects.find((p) => p.id === one('projectId'))?.id;
  if (applicationId) return { kind: 'applying', applicationId };
  if (projectId) return { kind: 'building', projectId };
  const kind = one('kind');
  return kind === 'applying' || kind === 'learning' || kind === 'building' ? { kind } : {};
}

export default async function LogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('/log');
  const db = await getDb();
  const now = new Date();
  const profile = await getProfile(db, user.id);
  const zone = profile.timeZone;
  const today = localDate(now, zone);
  const params = await searchParams;
  const asked = Number(typeof params.days === 'string' ? params.days : DEFAULT_DAYS);
  const daysShown = Number.isInteger(asked) && asked >= 1 && asked <= MAX_DAYS ? asked : DEFAULT_DAYS;
  const [timer, choices, entries] = await Promise.all([
    getTimer(db, user.id),
    logChoices(db, user.id),
    listEntries(db, user.id, { from: startOfDay(addDays(today, -(daysShown - 1)), zone), limit: MAX_LIST_LIMIT }),
  ]);
  const days = groupByDay(entries, zone);
  const defaults = preselect(params, choices);
  const projectName = new Map(choices.projects.map((p) => [p.id, p.label]));
  const applicationName = new Map(choices.applications.map((a) => [a.id, a.label]));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Time log</h1>
        <p className="text-sm text-slate-500">
          Times in {zone.replace(/_/g, ' ')} · <Link className="text-brand-700 underline" href="/projects">Portfolio projects</Link>
        </p>
      </div>

      <section aria-labelledby="timer-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="timer-heading" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
          Timer
        </h2>
        <TimerPanel
          timer={timer ? timerJson(timer, now) : null}
          serverNow={now.getTime()}
          capMinutes={TIMER_CAP_MINUTES}
          projects={choices.projects}
          applications={choices.applications}
          defaults={defaults}
        />
      </section>

      <section aria-labelledby="add-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="add-heading" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
          Add time
        </h2>
        <EntryForm defaults={{ ...defaults, date: today, time: localTime(now, zone) }} projects={choices.projects} applications={choices.applications} />
      </section>

      <section aria-labelledby="entries-heading" className="space-y-4">
        <h2 id="entries-heading" className="text-lg font-semibold">
          Entries <span className="text-sm font-normal text-slate-500">last {daysShown} days</span>
        </h2>
        {days.length === 0 ? (
          <Card>
            <p className="text-slate-600">Nothing logged in the last {daysShown} days. Start the timer or add time above.</p>
          </Card>
        ) : null}
        {days.map((day) => (
          <section
            key={day.date}
            aria-label={day.date === today ? `Today, ${dayHeading(day.date)}` : dayHeading(day.date)}
            className="rounded-xl border border-slate-200 bg-white shadow-sm"
          >
            <h3 className="flex items-baseline justify-between border-b border-slate-100 px-5 py-3 font-medium">
              <span>{day.date === today ? `Today, ${dayHeading(day.date)}` : dayHeading(day.date)}</span>
              <span className="text-sm tabular-nums text-slate-500">{formatMinutes(day.totalMinutes)} logged</span>
            </h3>
            <ul className="divide-y divide-slate-100">
              {day.entries.map((entry) => {
                const detail = [
                  entry.area ? AREA_LABELS[entry.area] : null,
                  entry.projectId ? (projectName.get(entry.projectId) ?? null) : null,
                  entry.applicationId ? (applicationName.get(entry.applicationId) ?? 'an application') : null,
                ].filter(Boolean);
                const description = `${KIND_LABELS[entry.kind]} ${formatMinutes(entry.minutes)} at ${entry.localTime}`;
                return (
                  <li key={entry.id} className="px-5 py-3">
                    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <span className="w-12 font-mono text-sm tabular-nums text-slate-500">{entry.localTime}</span>
                      <Badge tone={KIND_TONES[entry.kind]}>{KIND_LABELS[entry.kind]}</Badge>
                      <span className="font-medium tabular-nums">{formatMinutes(entry.minutes)}</span>
                      {entry.capped ? (
                        <span title="Saved from a timer left running: counted as the cap. Edit the minutes to the real figure.">
                          <Badge tone="red">Capped</Badge>
                        </span>
                      ) : null}
                      {detail.length ? <span className="text-sm text-slate-600">{detail.join(' · ')}</span> : null}
                      {entry.note ? <span className="text-sm text-slate-500">{entry.note}</span> : null}
                      <span className="ml-auto">
                        <DeleteEntryButton id={entry.id} description={description} />
                      </span>
                    </div>
                    <details className="mt-2">
                      <summary className="cursor-pointer text-xs font-medium text-slate-600" aria-label={`Edit entry: ${description}`}>
                        Edit
                      </summary>
                      <div className="mt-3">
                        <EntryForm
                          defaults={{
                            id: entry.id,
                            kind: entry.kind,
                            area: entry.area,
                            projectId: entry.projectId,
                            applicationId: entry.applicationId,
                            date: day.date,
                            time: entry.localTime,
                            minutes: entry.minutes,
                            note: entry.note,
                          }}
                          projects={choices.projects}
                          applications={choices.applications}
                        />
                      </div>
                    </details>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
        {daysShown < 90 ? (
          <p className="text-sm">
            <Link className="text-brand-700 underline" href="/log?days=90">
              Show the last 90 days
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
