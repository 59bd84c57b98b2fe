import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/types';
import type { JobFilters } from './filters';
import { withTextSearchPlan } from './text-plan';
import { whereFor } from './where';

export interface MarketView {
  /** Matching listings the figures are over. */
  listings: number;
  /** Most asked-for technologies and skills, with their share of matching listings (0..1). */
  skills: { skill: string; listings: number; share: number }[];
  languages: { language: string; listings: number; share: number }[];
  /** Yearly USD salary spread over the matching listings that state one. */
  salary: { withSalary: number; p25: number | null; median: number | null; p75: number | null } | null;
}

/** What the jobs matching a filter ask for: tells a learner what to build next. */
export async function marketView(db: Db, filters: JobFilters, usdPerUnit: Record<string, number>, top = 12): Promise<MarketView> {
  return withTextSearchPlan(db, filters, (scoped) => countMarket(scoped, filters, usdPerUnit, top));
}

async function countMarket(db: Db, filters: JobFilters, usdPerUnit: Record<string, number>, top: number): Promise<MarketView> {
  const where = whereFor(filters, usdPerUnit);
  const [totals] = await queryRows<{ n: number; with_salary: number; p25: number | null; p50: number | null; p75: number | null }>(
    db,
    sql`select count(*)::int as n, count(l.salary_usd_yearly)::int as with_salary,
          percentile_disc(0.25) within group (order by l.salary_usd_yearly) as p25,
          percentile_disc(0.5) within group (order by l.salary_usd_yearly) as p50,
          percentile_disc(0.75) within group (order by l.salary_usd_yearly) as p75
        from listings l where ${where}`,
  );
  const n = Number(totals?.n ?? 0);
  if (n === 0) return { listings: 0, skills: [], languages: [], salary: null };
  const counted = (column: 'skills' | 'languages') =>
    queryRows<{ value: string; n: number }>(
      db,
      sql`select value, count(*)::int as n from listings l, unnest(l.${sql.raw(column)}) as value where ${where}
          group by value order by n desc, value limit ${top}`,
    );
  const [skills, languages] = await Promise.all([counted('skills'), counted('languages')]);
  const share = (count: number) => Math.round((count / n) * 1000) / 1000;
  const withSalary = Number(totals!.with_salary);
  return {
    listings: n,
    skills: skills.map((row) => ({ skill: row.value, listings: Number(row.n), share: share(Number(row.n)) })),
    languages: languages.map((row) => ({ language: row.value, listings: Number(row.n), share: share(Number(row.n)) })),
    salary: withSalary
      ? { withSalary, p25: Number(totals!.p25), median: Number(totals!.p50), p75: Number(totals!.p75) }
      : null,
  };
}
