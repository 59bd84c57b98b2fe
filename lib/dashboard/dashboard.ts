import 'server-only';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { applications, timeEntries } from '../../db/schema';
import { queryRows, type Db } from '../../db/types';
import { endsAfter } from '../timelog/entries';
import { getProfile, type UserProfile } from '../profile/profile';
import { deployedProjectCount } from '../projects/projects';
import { loadUsdRates } from '../salary/rates';
import { jobFiltersSchema } from '../search/filters';
import { countMarket } from '../search/market';
import { snapshotView } from '../search/snapshot-store';
import { addDays, daysBetween, isSupportedDate, localDate, startOfDay, today as todayIn, weekStart } from '../dates/zone';
import { buildingStreak, dailyTotals, daysWithoutBuilding, sumDays, type LearningArea } from './aggregate';
import { buildNext, type BuildNextItem, type LoggedTime } from './build-next';
import { guidance, type Guidance } from './guidance';

// The dashboard's figures for one local date of the signed-in user. The database part loads
// the user's rows (every query scoped by user id); the math is in aggregate.ts and guidance.ts.

export const TREND_WEEKS = 8;
/** How far back the building streak and "days without building" look. */
export const HISTORY_DAYS = 366;

export interface WeekTrend {
  weekStart: string;
  applyingMinutes: number;
  learningMinutes: number;
  buildingMinutes: number;
  applications: number;
}

export interface FunnelStage {
  stage: 'applied' | 'screening' | 'interviewing' | 'offer';
  label: string;
  applications: number;
}

export interface Dashboard {
  date: string;
  timeZone: string;
  today: { applyingMinutes: number; learningMinutes: number; buildingMinutes: number; applyBudgetMinutes: number };
  week: {
    start: string;
    end: string;
    applyingMinutes: number;
    learningMinutes: number;
    buildingMinutes: number;
    /** The goal is for learning + building together. */
    goalMinutes: number;
    byArea: Partial<Record<LearningArea, number>>;
    /** Consecutive days with building up to the date (today without building yet does not break it). */
    buildingStreak: number;
    applicationsSent: number;
  };
  daysWithoutBuilding: number | null;
  guidance: Guidance[];
  trends: { weeks: WeekTrend[]; funnel: FunnelStage[] };
  projects: { deployed: number };
  buildNext: { languages: string[]; listings: number; items: BuildNextItem[] };
}

/** The figures for `date` (a local date in the user's zone; today when absent). */
export async function getDashboard(db: Db, userId: string, options: { date?: string; now?: Date } = {}): Promise<Dashboard> {
  const now = options.now ?? new Date();
  const profile = await getProfile(db, userId);
  const zone = profile.timeZone;
  const date = options.date ?? todayIn(zone, now);
  if (!isSupportedDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);

  const week = weekStart(date);
  const weekEnd = addDays(week, 6);
  const trendStart = addDays(week, -7 * (TREND_WEEKS - 1));
  const historyStart = [addDays(date, -HISTORY_DAYS), trendStart].sort()[0]!;
  const windowStart = startOfDay(historyStart, zone);
  const windowEnd = startOfDay(addDays(weekEnd, 1), zone);
  const trendStartAt = startOfDay(trendStart, zone);

  const [entries, applied, funnel, deployed, next] = await Promise.all([
    db
      .select({ kind: timeEntries.kind, area: timeEntries.area, startedAt: timeEntries.startedAt, minutes: timeEntries.minutes })
      .from(timeEntries)
      .where(
        and(
          eq(timeEntries.userId, userId),
          lt(timeEntries.startedAt, windowEnd),
          endsAfter(windowStart),
        ),
      ),
    db
      .select({ appliedAt: applications.appliedAt })
      .from(applications)
      .where(and(eq(applications.userId, userId), gte(applications.appliedAt, trendStartAt), lt(applications.appliedAt, windowEnd))),
    responseFunnel(db, userId, trendStartAt, windowEnd),
    deployedProjectCount(db, userId),
    whatToBuildNext(db, userId, profile),
  ]);

  const days = dailyTotals(entries, zone, historyStart, weekEnd);
  const todayTotals = days.get(date)!;
  const weekTotals = sumDays(Array.from({ length: 7 }, (_, i) => days.get(addDays(week, i))!));
  const weekToDate = sumDays(Array.from({ length: daysBetween(week, date) + 1 }, (_, i) => days.get(addDays(week, i))!));

  const appliedWeeks = applied.map((row) => weekStart(localDate(row.appliedAt!, zone)));
  const weeks: WeekTrend[] = Array.from({ length: TREND_WEEKS }, (_, i) => {
    const start = addDays(trendStart, 7 * i);
    const totals = sumDays(Array.from({ length: 7 }, (_, d) => days.get(addDays(start, d))!));
    return {
      weekStart: start,
      applyingMinutes: totals.applyingMinutes,
      learningMinutes: totals.learningMinutes,
      buildingMinutes: totals.buildingMinutes,
      applications: appliedWeeks.filter((w) => w === start).length,
    };
  });

  const history = new Map([...days].filter(([day]) => day <= date));
  const gap = daysWithoutBuilding(history, date);
  const hasEntries = entries.length > 0;

  return {
    date,
    timeZone: zone,
    today: {
      applyingMinutes: todayTotals.applyingMinutes,
      learningMinutes: todayTotals.learningMinutes,
      buildingMinutes: todayTotals.buildingMinutes,
      applyBudgetMinutes: profile.dailyApplyBudgetMinutes,
    },
    week: {
      start: week,
      end: weekEnd,
      applyingMinutes: weekTotals.applyingMinutes,
      learningMinutes: weekTotals.learningMinutes,
      buildingMinutes: weekTotals.buildingMinutes,
      goalMinutes: profile.weeklyLearningGoalMinutes,
      byArea: weekTotals.byArea,
      buildingStreak: buildingStreak(history, date),
      applicationsSent: weeks[TREND_WEEKS - 1]!.applications,
    },
    daysWithoutBuilding: gap,
    guidance: guidance({
      todayApplyingMinutes: todayTotals.applyingMinutes,
      applyBudgetMinutes: profile.dailyApplyBudgetMinutes,
      weekLearningBuildingMinutes: weekToDate.learningMinutes + weekToDate.buildingMinutes,
      weeklyGoalMinutes: profile.weeklyLearningGoalMinutes,
      dayOfWeek: daysBetween(week, date) + 1,
      daysWithoutBuilding: gap,
      hasEntries,
    }),
    trends: { weeks, funnel },
    projects: { deployed },
    buildNext: next,
  };
}

/** How far a status is along the funnel: 0 applied (or closed), 1 screening, 2 interviewing, 3 offer. */
const rank = (column: string) =>
  sql.raw(`case ${column} when 'screening' then 1 when 'interviewing' then 2 when 'offer' then 3 when 'accepted' then 3 else 0 end`);

/**
 * Applications sent in [from, to) and how far each got: the furthest stage its current status
 * or any recorded status change reached (a rejection after an interview still counts there).
 */
export async function responseFunnel(db: Db, userId: string, from: Date, to: Date): Promise<FunnelStage[]> {
  const [row] = await queryRows<{ applied: number; screening: number; interviewing: number; offer: number }>(
    db,
    sql`select count(*)::int as applied,
          count(*) filter (where r >= 1)::int as screening,
          count(*) filter (where r >= 2)::int as interviewing,
          count(*) filter (where r >= 3)::int as offer
        from (
          select a.id, greatest(${rank('a.status::text')}, coalesce(max(${rank('e.to_status::text')}), 0)) as r
          from applications a
          left join application_events e on e.application_id = a.id and e.user_id = ${userId}
          where a.user_id = ${userId} and a.applied_at >= ${from.toISOString()}::timestamptz and a.applied_at < ${to.toISOString()}::timestamptz
          group by a.id, a.status
        ) t`,
  );
  return [
    { stage: 'applied', label: 'Applied', applications: Number(row?.applied ?? 0) },
    { stage: 'screening', label: 'Screening', applications: Number(row?.screening ?? 0) },
    { stage: 'interviewing', label: 'Interviewing', applications: Number(row?.interviewing ?? 0) },
    { stage: 'offer', label: 'Offer', applications: Number(row?.offer ?? 0) },
  ];
}

/** The market for the user's languages (backend roles) beside the time the user logged on each technology. */
export async function whatToBuildNext(db: Db, userId: string, profile: UserProfile): Promise<Dashboard['buildNext']> {
  const filters = jobFiltersSchema.parse({ language: profile.languages, role: ['backend'] });
  const [market, logged] = await Promise.all([
    loadUsdRates(db).then(async (rates) => countMarket(await snapshotView(db, filters, rates), 10)),
    queryRows<{ kind: LoggedTime['kind']; project_language: string | null; project_name: string | null; note: string | null; minutes: number }>(
      db,
      sql`select te.kind::text as kind, p.language as project_language, p.name as project_name, te.note, sum(te.minutes)::int as minutes
          from time_entries te
          left join projects p on p.id = te.project_id and p.user_id = ${userId}
          where te.user_id = ${userId} and te.kind in ('learning', 'building')
          group by te.kind, p.language, p.name, te.note`,
    ),
  ]);
  return {
    languages: profile.languages,
    listings: market.listings,
    items: buildNext(
      market,
      logged.map((row) => ({
        kind: row.kind,
        projectLanguage: row.project_language,
        projectName: row.project_name,
        note: row.note,
        minutes: Number(row.minutes),
      })),
    ),
  };
}
