import { sql, type SQL } from 'drizzle-orm';
import type { listings } from '../../db/schema';
import { queryRows, type Db, type RawRow } from '../../db/types';
import type { Language, RemoteKind, Role, SalaryPeriod, Seniority } from '../vocabulary';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor';
import type { JobFilters, Sort } from './filters';
import { newestMatches, rowTester } from './snapshot-filter';
import { snapshotView, type SnapshotView } from './snapshot-store';
import { tsQuery, whereFor } from './where';

export interface JobSummary {
  id: number;
  title: string;
  company: string | null;
  url: string;
  /** Every board the job appeared on, its own first. */
  boards: string[];
  location: string | null;
  remote: RemoteKind;
  salary: { min: number | null; max: number | null; currency: string; period: SalaryPeriod } | null;
  languages: Language[];
  skills: string[];
  seniority: Seniority;
  role: Role;
  yearsRequired: number | null;
  degreeRequired: boolean | null;
  visaSponsorship: boolean | null;
  postedAt: string;
  isSample: boolean;
}

/** What "best match" scores against: the signed-in user's profile, or the request's own filters. */
export interface MatchPreferences {
  languages: string[];
  seniority: Seniority | null;
  remote: RemoteKind | null;
}

export interface SearchContext {
  /** Signs cursors. */
  secret: string;
  usdPerUnit: Record<string, number>;
  preferences?: MatchPreferences;
  /** How many of the newest matches relevance ranks (RELEVANCE_WINDOW; smaller in tests). */
  relevanceWindow?: number;
}

/**
 * Relevance ranks the newest 1,000 listings that match, not every match. Ranking reads each
 * match's tsvector (2.5 KB, mostly out of line in TOAST): 0.2-0.8 s for a common word over
 * 200,000 listings, against 10 ms for 1,000. A search that broad is better narrowed than read
 * past its 1,000th result, and on a job board the newest matches are the ones worth ranking.
 * /jobs says when the window leaves matches out; sort by newest lists them all.
 */
export const RELEVANCE_WINDOW = 1_000;

export class BadCursorError extends Error {
  constructor() {
    super('cursor: not a cursor this API issued for this sort (start again without cursor)');
    this.name = 'BadCursorError';
  }
}

export function effectiveSort(filters: JobFilters): Sort {
  if (filters.sort === 'relevance' && !filters.q) return 'newest';
  return filters.sort ?? (filters.q ? 'relevance' : 'newest');
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
  key: SQL; // selected as sort_key
  key2: SQL; // selected as sort_key2
  order: SQL;
  after: (position: CursorPosition) => SQL;
}

function sortPlan(sort: Sort, filters: JobFilters, context: SearchContext): SortPlan {
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
      const preferences = context.preferences ?? {
        languages: filters.language,
        seniority: filters.seniority.length === 1 ? filters.seniority[0]! : null,
        remote: filters.remote.length === 1 ? filters.remote[0]! : null,
      };
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

/** The listing columns SUMMARY_COLUMNS selects, and the copies' boards. */
export type SummaryRow = RawRow<
  typeof listings,
  | 'id'
  | 'title'
  | 'company'
  | 'url'
  | 'boardId'
  | 'location'
  | 'remote'
  | 'salaryMin'
  | 'salaryMax'
  | 'salaryCurrency'
  | 'salaryPeriod'
  | 'languages'
  | 'skills'
  | 'seniority'
  | 'role'
  | 'yearsRequired'
  | 'degreeRequired'
  | 'visaSponsorship'
  | 'postedAt'
  | 'isSample'
> & { copies: string[] | null };

type Row = SummaryRow & { sort_key: number | string | null; sort_key2: number | string | null };

export const SUMMARY_COLUMNS = sql`l.id, l.title, l.company, l.url, l.board_id, l.location, l.remote, l.salary_min, l.salary_max,
  l.salary_currency, l.salary_period, l.languages, l.skills, l.seniority, l.role, l.years_required, l.degree_required,
  l.visa_sponsorship, l.posted_at, l.is_sample,
  (select array_agg(distinct d.board_id) from listings d where d.duplicate_of = l.id and d.removed_at is null) as copies`;

export function toSummary(row: SummaryRow): JobSummary {
  const copies = (row.copies ?? []).filter((board) => board !== row.board_id);
  return {
    id: Number(row.id),
    title: row.title,
    company: row.company,
    url: row.url,
    boards: [row.board_id, ...copies],
    location: row.location,
    remote: row.remote,
    salary:
      row.salary_currency && row.salary_period && (row.salary_min !== null || row.salary_max !== null)
        ? { min: row.salary_min, max: row.salary_max, currency: row.salary_currency, period: row.salary_period }
        : null,
    languages: row.languages as Language[], // the classifier's slugs (lib/vocabulary)
    skills: row.skills,
    seniority: row.seniority,
    role: row.role,
    yearsRequired: row.years_required,
    degreeRequired: row.degree_required,
    visaSponsorship: row.visa_sponsorship,
    postedAt: new Date(row.posted_at).toISOString(),
    isSample: row.is_sample,
  };
}

const numberOrNull = (value: number | string | null) => (value === null ? null : Number(value));

function cursorPosition(filters: JobFilters, sort: Sort, context: SearchContext): CursorPosition | null {
  if (!filters.cursor) return null;
  const position = decodeCursor(filters.cursor, sort, context.secret);
  if (!position) throw new BadCursorError();
  return position;
}

/** The listings relevance ranks (see RELEVANCE_WINDOW), and the window's oldest posting time when it leaves matches out. */
export interface RelevanceWindow {
  ids: number[];
  cutoffUs: number | null;
  /** Every listing the search matches. */
  matches: number;
}

/**
 * The newest matches relevance ranks, from the snapshot of open listings. A cursor carries the
 * window's cutoff time, so later pages rank the same listings (and any posted since).
 */
export function relevanceWindow({ snapshot, inputs }: SnapshotView, filters: JobFilters, context: SearchContext): RelevanceWindow {
  const position = cursorPosition(filters, 'relevance', context);
  const limit = context.relevanceWindow ?? RELEVANCE_WINDOW;
  const sinceUs = position ? (position.key2 ?? -Infinity) : null;
  return newestMatches(snapshot, rowTester(snapshot, filters, inputs), { limit, sinceUs });
}

/**
 * The SQL of one page of results (also run bare by the search benchmark). Relevance ranks only
 * the listings of its window (relevanceWindow); every filter still applies to them.
 */
export function searchQuery(filters: JobFilters, context: SearchContext, window?: RelevanceWindow): { query: SQL; sort: Sort } {
  const sort = effectiveSort(filters);
  const plan = sortPlan(sort, filters, context);
  let where = whereFor(filters, context.usdPerUnit);
  if (sort === 'relevance') {
    if (!window) throw new Error('searchQuery: relevance needs its window (relevanceWindow)');
    where = sql`${where} and l.id = any(${sql.param(window.ids)}::bigint[])`;
  }
  const position = cursorPosition(filters, sort, context);
  if (position) where = sql`${where} and ${plan.after(position)}`;
  // Two steps: the page's ids first, from columns the covering index carries (an index-only
  // scan that filters index entries, 15 ms where filtering heap rows took 130 ms for a rare
  // language + seniority + remote mix over 200,000 listings), then the wide rows of those ids.
  const query = sql`select ${SUMMARY_COLUMNS}, ${plan.key} as sort_key, ${plan.key2} as sort_key2
    from (select l.id from listings l where ${where} order by ${plan.order} limit ${filters.limit + 1}) page
    join listings l on l.id = page.id
    order by ${plan.order}`;
  return { query, sort };
}

/**
 * One page of listings for the filters, newest (or best) first, with a cursor for the next
 * page. Relevance reads the request's snapshot view: pass the one the caller counts facets
 * from, or it is worked out here.
 */
export async function searchJobs(
  db: Db,
  filters: JobFilters,
  context: SearchContext,
  view?: Promise<SnapshotView>,
): Promise<{ items: JobSummary[]; nextCursor: string | null; window: RelevanceWindow | null }> {
  const window =
    effectiveSort(filters) === 'relevance' ? relevanceWindow(await (view ?? snapshotView(db, filters, context.usdPerUnit)), filters, context) : null;
  const { query, sort } = searchQuery(filters, context, window ?? undefined);
  const rows = await queryRows<Row>(db, query);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  // A relevance cursor carries its window's cutoff (null: the window holds every match).
  const key2 = (row: Row) => (window ? window.cutoffUs : numberOrNull(row.sort_key2));
  const nextCursor =
    rows.length > filters.limit && last
      ? encodeCursor({ sort, key: numberOrNull(last.sort_key), key2: key2(last), id: Number(last.id) }, context.secret)
      : null;
  return { items: page.map(toSummary), nextCursor, window };
}
