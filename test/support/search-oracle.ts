import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/types';
import { FACET_NAMES, POSTED_WITHIN, SELF_TAUGHT_MAX_YEARS, salaryFloorUsd, type FacetName, type JobFilters, type Sort } from '../../lib/search/filters';
import { openListing } from '../../lib/search/open';
import { decodeCursor, type CursorPosition } from '../../lib/search/cursor';
import { preferencesFor, type MatchPreferences, type RelevanceWindow } from '../../lib/search/page';
import { effectiveSort, SUMMARY_COLUMNS, type SearchContext } from '../../lib/search/search';
import { tsQuery } from '../../lib/search/text-plan';

// The search filters and sorts written once more in SQL, as the oracle lib/search's snapshot
// engine is tested against (and the bare-SQL baseline bench/search.ts times it beside). The
// app never runs this: which listings match is decided in lib/search/snapshot-filter.ts.

/**
 * A job is on a board when it or one of its copies came from there. The copies are a small
 * part of the table: looked up through the duplicate_of index, not by scanning every row.
 */
function onBoards(ids: readonly string[]): SQL {
  const param = sql.param([...ids]);
  return sql`(l.board_id = any(${param}::text[]) or l.id in (select d.duplicate_of from listings d where d.duplicate_of is not null and d.board_id = any(${param}::text[])))`;
}

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
      return filters.board.length ? onBoards(filters.board) : null;
  }
}

/** The conditions that are not facets: open listings shown once, and the other filters named. */
function baseConditions(filters: JobFilters, usdPerUnit: Record<string, number>): SQL[] {
  const parts: SQL[] = [openListing('l')];
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
  // A company is a board (lib/companies): its job is there when it or one of its copies came from it.
  if (filters.company.length) parts.push(onBoards(filters.company));
  // Followed with no follows (or nobody signed in) matches nothing rather than everything.
  if (filters.followed) parts.push(filters.followedBoards?.length ? onBoards(filters.followedBoards) : sql`false`);
  if (filters.hiddenCompanies?.length) {
    // The fingerprint starts with lib/dedupe's normaliseCompany of the company (lib/companies/hide.ts).
    parts.push(sql`split_part(l.fingerprint, '|', 1) <> all(${sql.param(filters.hiddenCompanies)}::text[])`);
  }
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

// Microseconds since the epoch: exact for timestamptz, and a safe integer in JSON.
const POSTED_US = sql`(extract(epoch from l.posted_at) * 1000000)::bigint`;
const fromUs = (us: number) => sql`(timestamptz 'epoch' + ${us} * interval '1 microsecond')`;

function matchScore(preferences: MatchPreferences): SQL {
  const terms: SQL[] = [sql`0::int`];
  if (preferences.languages.length) terms.push(sql`(case when l.languages && ${sql.param(preferences.languages)}::text[] then 4 else 0 end)`);
  if (preferences.seniority) terms.push(sql`(case when l.seniority = ${preferences.seniority} then 2 else 0 end)`);
  if (preferences.remote) terms.push(sql`(case when l.remote = ${preferences.remote} then 1 else 0 end)`);
  return sql.join(terms, sql` + `);
}

interface SortPlan {
  key: SQL;
  key2: SQL;
  order: SQL;
  after: (position: CursorPosition) => SQL;
}

function sortPlan(sort: Sort, filters: JobFilters, preferences: MatchPreferences): SortPlan {
  switch (sort) {
    case 'newest':
      return {
        key: POSTED_US,
        key2: sql`null::bigint`,
        order: sql`l.posted_at desc, l.id desc`,
        after: (p) => sql`(l.posted_at, l.id) < (${fromUs(p.key ?? 0)}, ${p.id})`,
      };
    case 'salary':
      return {
        key: sql`l.salary_usd_yearly`,
        key2: sql`null::bigint`,
        order: sql`l.salary_usd_yearly desc nulls last, l.id desc`,
        after: (p) =>
          p.key === null
            ? sql`(l.salary_usd_yearly is null and l.id < ${p.id})`
            : sql`((l.salary_usd_yearly, l.id) < (${p.key}, ${p.id}) or l.salary_usd_yearly is null)`,
      };
    case 'relevance': {
      const rank = sql`ts_rank_cd(l.search, ${tsQuery(filters.q ?? '')})`;
      return {
        key: sql`${rank}::float8`,
        key2: sql`null::bigint`,
        order: sql`${rank} desc, l.id desc`,
        after: (p) => sql`(${rank}::float8, l.id) < (${p.key ?? 0}::float8, ${p.id})`,
      };
    }
    case 'match': {
      const score = matchScore(preferences);
      return {
        key: score,
        key2: POSTED_US,
        order: sql`${score} desc, l.posted_at desc, l.id desc`,
        after: (p) => sql`(${score}, l.posted_at, l.id) < (${p.key ?? 0}, ${fromUs(p.key2 ?? 0)}, ${p.id})`,
      };
    }
  }
}

/**
 * One page in SQL: its ids after the cursor's position, in the sort's order, and one more when
 * a next page exists. Relevance ranks only the ids of its window, as lib/search does.
 */
export function oraclePageQuery(filters: JobFilters, context: SearchContext, window?: RelevanceWindow): SQL {
  const sort = effectiveSort(filters);
  const plan = sortPlan(sort, filters, preferencesFor(filters, context.preferences));
  let where = whereFor(filters, context.usdPerUnit);
  if (sort === 'relevance') {
    if (!window) throw new Error('oraclePageQuery: relevance needs its window');
    where = sql`${where} and l.id = any(${sql.param(window.ids)}::bigint[])`;
  }
  if (filters.cursor) {
    const position = decodeCursor(filters.cursor, sort, context.secret);
    if (!position) throw new Error('oraclePageQuery: not a cursor for this sort');
    where = sql`${where} and ${plan.after(position)}`;
  }
  return sql`select l.id, ${plan.key} as sort_key, ${plan.key2} as sort_key2 from listings l where ${where} order by ${plan.order} limit ${filters.limit + 1}`;
}

/**
 * The same page with its wide rows, as the app's page query read it when SQL decided the
 * matches: the bare-SQL baseline of bench/search.ts. The ids come from the columns the covering
 * index carries (an index-only scan), then the wide rows of those ids.
 */
export function oracleWidePageQuery(filters: JobFilters, context: SearchContext, window?: RelevanceWindow): SQL {
  const order = sortPlan(effectiveSort(filters), filters, preferencesFor(filters, context.preferences)).order;
  return sql`select ${SUMMARY_COLUMNS}, page.sort_key, page.sort_key2
    from (${oraclePageQuery(filters, context, window)}) page
    join listings l on l.id = page.id
    order by ${order}`;
}

/** The ids of one page in SQL (see oraclePageQuery), without the look-ahead row. */
export async function oraclePageIds(db: Db, filters: JobFilters, context: SearchContext, window?: RelevanceWindow): Promise<number[]> {
  const rows = await queryRows<{ id: number | string }>(db, oraclePageQuery(filters, context, window));
  return rows.slice(0, filters.limit).map((row) => Number(row.id));
}

/** Open listings most like one, in SQL: same role, a shared language, most shared skills, newest. */
export async function oracleSimilarIds(db: Db, listing: { id: number; role: string; languages: string[]; skills: string[] }, limit = 5): Promise<number[]> {
  if (listing.languages.length === 0) return [];
  const rows = await queryRows<{ id: number | string }>(
    db,
    sql`select l.id from listings l
        where ${openListing('l')} and l.id <> ${listing.id}
          and l.role = ${listing.role} and l.languages && ${sql.param(listing.languages)}::text[]
        order by cardinality(array(select unnest(l.skills) intersect select unnest(${sql.param(listing.skills)}::text[]))) desc,
          l.posted_at desc, l.id desc
        limit ${limit}`,
  );
  return rows.map((row) => Number(row.id));
}
