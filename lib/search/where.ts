import { sql, type SQL } from 'drizzle-orm';
import { POSTED_WITHIN, SELF_TAUGHT_MAX_YEARS, type JobFilters } from './filters';

/** Filters that facets count the options of (each leaving out its own filter: lib/search/facets.ts). */
export type FacetName = 'language' | 'seniority' | 'role' | 'remote' | 'board';

/** The salary floor in yearly USD, or null when the currency is unknown to the rate table. */
export function salaryFloorUsd(filters: JobFilters, usdPerUnit: Record<string, number>): number | null {
  if (filters.salaryMin === undefined) return null;
  const rate = usdPerUnit[filters.currency];
  return rate === undefined ? null : Math.round(filters.salaryMin * rate);
}

export const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q})`;

export const FACET_NAMES: readonly FacetName[] = ['language', 'seniority', 'role', 'remote', 'board'];

/** The condition of one facet's filter over `listings l`, or null when the request does not name it. */
function facetCondition(filters: JobFilters, name: FacetName): SQL | null {
  switch (name) {
    case 'language':
      return filters.language.length ? sql`l.languages && ${sql.param(filters.language)}::text[]` : null;
    case 'seniority':
      return filters.seniority.length ? sql`l.seniority = any(${sql.param(filters.seniority)}::text[]::seniority[])` : null;
    case 'role':
      return filters.role.length ? sql`l.role = any(${sql.param(filters.role)}::text[]::role[])` : null;
    case 'remote':
      return filters.remote.length ? sql`l.remote = any(${sql.param(filters.remote)}::text[]::remote_kind[])` : null;
    case 'board':
      // A job is on a board when it or one of its copies came from there. The copies are a small
      // part of the table: looked up through the duplicate_of index, not by scanning every row.
      return filters.board.length
        ? sql`(l.board_id = any(${sql.param(filters.board)}::text[]) or l.id in (select d.duplicate_of from listings d where d.duplicate_of is not null and d.board_id = any(${sql.param(filters.board)}::text[])))`
        : null;
  }
}

/** The conditions that are not facets: open listings shown once, and the other filters named. */
function baseConditions(filters: JobFilters, usdPerUnit: Record<string, number>): SQL[] {
  const parts: SQL[] = [sql`l.removed_at is null`, sql`l.duplicate_of is null`];
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
  if (filters.hiddenBoards?.length) {
    // Shown while the job is on at least one board the user did not hide (its own or a copy's).
    const hidden = sql.param(filters.hiddenBoards);
    parts.push(
      sql`(l.board_id <> all(${hidden}::text[]) or exists (select 1 from listings d where d.duplicate_of = l.id and d.board_id <> all(${hidden}::text[])))`,
    );
  }
  if (filters.firstSeenAfter) parts.push(sql`l.first_seen_at > ${filters.firstSeenAfter.toISOString()}::timestamptz`);
  return parts;
}

/**
 * The WHERE clause for a set of filters, over `listings l`: open listings shown once (copies
 * from other boards hang off their primary), plus each filter the request names, and no other.
 */
export function whereFor(filters: JobFilters, usdPerUnit: Record<string, number>): SQL {
  const parts = baseConditions(filters, usdPerUnit);
  for (const name of FACET_NAMES) {
    const condition = facetCondition(filters, name);
    if (condition) parts.push(condition);
  }
  return sql.join(parts, sql` and `);
}
