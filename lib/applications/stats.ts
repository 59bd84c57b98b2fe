import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/types';
import { APPLICATION_STATUSES, RESPONDED_STATUSES, type ApplicationStatus } from './schemas';

// Pipeline figures for the applications page and the dashboard. Days and weeks are counted
// in the user's time zone; weeks start on Monday.

export interface ApplicationStats {
  /** Applications sent per day (by appliedAt), oldest first, zero days included. */
  perDay: { day: string; count: number }[];
  /** Applications sent per week (Monday start), oldest first, zero weeks included. */
  perWeek: { weekStart: string; count: number }[];
  /** Applications with an applied date. */
  applied: number;
  /** Of those, how many reached screening or beyond at some point (per the timeline or status). */
  responded: number;
  /** responded / applied, 0..1; null before the first application. */
  responseRate: number | null;
  /** Current count per status (every status present, zero when none). */
  byStatus: Record<ApplicationStatus, number>;
  /** How many applications ever reached each stage of the pipeline. */
  funnel: { stage: 'saved' | 'applied' | 'screening' | 'interviewing' | 'offer' | 'accepted'; count: number }[];
  total: number;
}

const FUNNEL = ['saved', 'applied', 'screening', 'interviewing', 'offer', 'accepted'] as const;

export async function applicationStats(
  db: Db,
  userId: string,
  options: { now?: Date; timeZone?: string; days?: number; weeks?: number } = {},
): Promise<ApplicationStats> {
  const now = options.now ?? new Date();
  const tz = options.timeZone ?? 'UTC';
  const days = Math.min(Math.max(options.days ?? 30, 1), 366);
  const weeks = Math.min(Math.max(options.weeks ?? 12, 1), 104);
  const nowIso = now.toISOString();

  const [perDay, perWeek, reached, byStatusRows] = await Promise.all([
    queryRows<{ day: string; count: number }>(
      db,
      sql`with bounds as (select (${nowIso}::timestamptz at time zone ${tz})::date as today),
          series as (select generate_series(today - ${days - 1}::int, today, interval '1 day')::date as day from bounds)
          select to_char(s.day, 'YYYY-MM-DD') as day, count(a.id)::int as count
          from series s
          left join applications a on a.user_id = ${userId} and a.applied_at is not null
            and (a.applied_at at time zone ${tz})::date = s.day
          group by s.day order by s.day`,
    ),
    queryRows<{ week_start: string; count: number }>(
      db,
      sql`with bounds as (select date_trunc('week', ${nowIso}::timestamptz at time zone ${tz})::date as this_week),
          series as (select generate_series(this_week - ${(weeks - 1) * 7}::int, this_week, interval '7 days')::date as week from bounds)
          select to_char(s.week, 'YYYY-MM-DD') as week_start, count(a.id)::int as count
          from series s
          left join applications a on a.user_id = ${userId} and a.applied_at is not null
            and date_trunc('week', a.applied_at at time zone ${tz})::date = s.week
          group by s.week order by s.week`,
    ),
    // The furthest pipeline stage each application reached: its status or any timeline step.
    queryRows<{ applied: boolean; statuses: string[] | string }>(
      db,
      sql`select a.applied_at is not null as applied,
                 array_agg(distinct e.to_status::text) filter (where e.to_status is not null) || array[a.status::text] as statuses
          from applications a
          left join application_events e on e.application_id = a.id and e.user_id = ${userId}
          where a.user_id = ${userId}
          group by a.id`,
    ),
    queryRows<{ status: ApplicationStatus; count: number }>(
      db,
      sql`select status, count(*)::int as count from applications where user_id = ${userId} group by status`,
    ),
  ]);

  const byStatus = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  let total = 0;
  for (const row of byStatusRows) {
    byStatus[row.status] = Number(row.count);
    total += Number(row.count);
  }

  const funnelCounts = new Map<string, number>(FUNNEL.map((s) => [s, 0]));
  let applied = 0;
  let responded = 0;
  for (const row of reached) {
    const statuses = toArray(row.statuses);
    const furthest = Math.max(...statuses.map((s) => FUNNEL.indexOf(s as (typeof FUNNEL)[number])));
    const wasApplied = row.applied === true || furthest >= 1;
    // Every application starts saved; one that was applied counts through to "applied".
    for (let i = 0; i <= Math.max(furthest, wasApplied ? 1 : 0); i++) funnelCounts.set(FUNNEL[i]!, funnelCounts.get(FUNNEL[i]!)! + 1);
    if (row.applied === true) {
      applied++;
      if (statuses.some((s) => RESPONDED_STATUSES.includes(s as ApplicationStatus))) responded++;
    }
  }

  return {
    perDay: perDay.map((r) => ({ day: r.day, count: Number(r.count) })),
    perWeek: perWeek.map((r) => ({ weekStart: r.week_start, count: Number(r.count) })),
    applied,
    responded,
    responseRate: applied === 0 ? null : responded / applied,
    byStatus,
    funnel: FUNNEL.map((stage) => ({ stage, count: funnelCounts.get(stage)! })),
    total,
  };
}

// postgres.js returns text[] as an array; PGlite may too, but parse the literal just in case.
function toArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}
