import { sql, type SQL } from 'drizzle-orm';
import { POSTED_WITHIN, SELF_TAUGHT_MAX_YEARS, type JobFilters } from './filters';

/** Filters that facets may leave out (each facet counts as if its own filter were not set). */
export type FacetName = 'language' | 'seniority' | 'role' | 'remote' | 'board';

/** The salary floor in yearly USD, or null when the currency is unknown to the rate table. */
export function salaryFloorUsd(filters: JobFilters, usdPerUnit: Record<string, number>): number | null {
  if (filters.salaryMin === undefined) return null;
  const rate = usdPerUnit[filters.currency];
  return rate === undefined ? null : Math.round(filters.salaryMin * rate);
}

export const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q})`;

/**
 * The WHERE clause for a set of filters, over `listings l`: open listings shown once (copies
 * from other boards hang off their primary), plus each filter the request names, and no other.
 */
export function whereFor(filters: JobFilters, usdPerUnit: Record<string, number>, except?: FacetName): SQL {
  const parts: SQL[] = [sql`l.removed_at is null`, sql`l.duplicate_of is null`];
  if (filters.language.length && except !== 'language') parts.push(sql`l.languages && ${sql.param(filters.language)}::text[]`);
  if (filters.seniority.length && except !== 'seniority') parts.push(sql`l.seniority = any(${sql.param(filters.seniority)}::text[]::seniority[])`);
  if (filters.role.length && except !== 'role') parts.push(sql`l.role = any(${sql.param(filters.role)}::text[]::role[])`);
  if (filters.remote.length && except !== 'remote') parts.push(sql`l.remote = any(${sql.param(filters.remote)}::text[]::remote_kind[])`);
  if (filters.board.length && except !== 'board') {
    parts.push(
      sql`(l.board_id = any(${sql.param(filters.board)}::text[]) or exists (select 1 from listings d where d.duplicate_of = l.id and d.board_id = any(${sql.param(filters.board)}::text[])))`,
    );
  }
  if (filters.salaryMin !== undefined) {
    const floor = salaryFloorUsd(filters, usdPerUnit);
    // An unknown currency cannot be compared: it matches nothing rather than everything.
    parts.push(floor === null ? sql`false` : sql`l.salary_usd_yearly >= ${floor}`);
  }
  if (filters.postedWithin) parts.push(sql`l.posted_at >= now() - make_interval(hours => ${POSTED_WITHIN[filters.postedWithin]})`);
  if (filters.q) parts.push(sql`l.search @@ ${tsQuery(filters.q)}`);
  if (filters.selfTaught) {
    parts.push(sql`l.degree_required is distinct from true and (l.years_required is null or l.years_required <= ${SELF_TAUGHT_MAX_YEARS})`);
  }
  if (filters.visa) parts.push(sql`l.visa_sponsorship`);
  return sql.join(parts, sql` and `);
}
