import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { boards } from '../../db/schema';
import { queryRows, type Db } from '../../db/types';
import { BadInputError } from '../errors';
import { SOURCE_LABEL, type ApplicationSource } from './statuses';

// Which sources answer: per source (and per board for job boards), the applications sent in
// the last weeks, how many got an answer, an interview, an offer, and the applying time
// logged against them, so a learner sees where their hour a day pays off.

export const SOURCE_WEEKS = [4, 8, 26] as const;
export type SourceWeeks = (typeof SOURCE_WEEKS)[number];

/** `weeks` from a query string: 4, 8 or 26 (8 when absent); BadInputError naming `weeks` otherwise. */
export function parseSourceWeeks(value: string | null | undefined): SourceWeeks {
  if (value === null || value === undefined || value === '') return 8;
  const parsed = z.coerce
    .number()
    .refine((n): n is SourceWeeks => (SOURCE_WEEKS as readonly number[]).includes(n))
    .safeParse(value);
  if (!parsed.success) throw new BadInputError(`weeks must be one of ${SOURCE_WEEKS.join(', ')}.`, { weeks: `One of ${SOURCE_WEEKS.join(', ')}.` });
  return parsed.data;
}

/** For pages: a bad or missing value shows the default instead of failing. */
export function sourceWeeksOrDefault(value: unknown): SourceWeeks {
  try {
    return parseSourceWeeks(typeof value === 'string' ? value : null);
  } catch {
    return 8;
  }
}

export interface SourceFigures {
  /** 'linkedin', 'referral', … ; job boards one by one as 'board:<board>'; 'unknown' when not recorded. */
  source: string;
  applications: number;
  /** Any move past applied: screening, interviews, offers, and rejections (a reply too). */
  responses: number;
  interviews: number;
  offers: number;
  applyingMinutes: number;
  /** responses per hour of applying logged; null when no applying time is logged. */
  responsesPerHour: number | null;
}

export interface SourceRow extends SourceFigures {
  /** For people: "LinkedIn", "Golang Cafe", "Not recorded". */
  label: string;
}

/**
 * The figures per source for applications sent (applied_at) in the last `weeks` weeks before
 * `now`, most applications first. Only the user's rows: every table is scoped by user id.
 */
export async function sourceStats(db: Db, userId: string, options: { weeks?: SourceWeeks; now?: Date } = {}): Promise<SourceRow[]> {
  const weeks = options.weeks ?? 8;
  const now = options.now ?? new Date();
  const from = new Date(now.getTime() - weeks * 7 * 86_400_000).toISOString();
  const rows = await queryRows<{
    source: string;
    applications: number;
    responses: number;
    interviews: number;
    offers: number;
    applying_minutes: number;
  }>(
    db,
    sql`with sent as (
          select a.id, a.status,
                 case when a.source = 'board' or (a.source is null and a.board is not null) then 'board:' || coalesce(a.board, 'unknown')
                      else coalesce(a.source::text, 'unknown') end as source
          from applications a
          where a.user_id = ${userId} and a.applied_at is not null
            and a.applied_at > ${from}::timestamptz and a.applied_at <= ${now.toISOString()}::timestamptz
        ),
        reached as (
          select s.id,
                 bool_or(x.status in ('screening', 'interviewing', 'offer', 'accepted', 'rejected')) as responded,
                 bool_or(x.status in ('interviewing', 'offer', 'accepted') or x.kind = 'interview') as interviewed,
                 bool_or(x.status in ('offer', 'accepted')) as offered
          from sent s
          cross join lateral (
            select s.status::text as status, 'status' as kind
            union all
            select e.to_status::text, e.kind::text from application_events e where e.application_id = s.id and e.user_id = ${userId}
          ) x
          group by s.id
        ),
        spent as (
          select t.application_id as id, sum(t.minutes) as minutes
          from time_entries t
          where t.user_id = ${userId} and t.kind = 'applying' and t.application_id in (select id from sent)
          group by t.application_id
        )
        select s.source,
               count(*)::int as applications,
               (count(*) filter (where r.responded))::int as responses,
               (count(*) filter (where r.interviewed))::int as interviews,
               (count(*) filter (where r.offered))::int as offers,
               coalesce(sum(m.minutes), 0)::int as applying_minutes
        from sent s
        join reached r on r.id = s.id
        left join spent m on m.id = s.id
        group by s.source
        order by count(*) desc, s.source`,
  );
  const boardNames = new Map((await db.select({ id: boards.id, name: boards.name }).from(boards)).map((b) => [b.id, b.name]));
  return rows.map((r) => {
    const minutes = Number(r.applying_minutes);
    const responses = Number(r.responses);
    return {
      source: r.source,
      label: sourceLabel(r.source, boardNames),
      applications: Number(r.applications),
      responses,
      interviews: Number(r.interviews),
      offers: Number(r.offers),
      applyingMinutes: minutes,
      responsesPerHour: minutes > 0 ? Math.round((responses / (minutes / 60)) * 100) / 100 : null,
    };
  });
}

function sourceLabel(source: string, boardNames: Map<string, string>): string {
  if (source.startsWith('board:')) {
    const board = source.slice('board:'.length);
    return board === 'unknown' ? 'A job board' : (boardNames.get(board) ?? board);
  }
  return SOURCE_LABEL[source as ApplicationSource] ?? 'Not recorded';
}

/** The API's shape: exactly the figures, no labels. */
export const sourceFiguresJson = (rows: SourceRow[]): SourceFigures[] =>
  rows.map(({ source, applications, responses, interviews, offers, applyingMinutes, responsesPerHour }) => ({
    source,
    applications,
    responses,
    interviews,
    offers,
    applyingMinutes,
    responsesPerHour,
  }));
