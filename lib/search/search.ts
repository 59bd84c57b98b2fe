import { sql } from 'drizzle-orm';
import type { listings } from '../../db/schema';
import { queryRows, type Db, type RawRow } from '../../db/types';
import type { Language, RemoteKind, Role, SalaryPeriod, Seniority } from '../vocabulary';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor';
import type { JobFilters, Sort } from './filters';
import { matchPage, newestPage, preferencesFor, relevanceWindow, salaryPage, type MatchPreferences, type PageRow, type RelevanceWindow } from './page';
import type { ListingSnapshot } from './snapshot';
import { snapshotView, type SnapshotView } from './snapshot-store';
import { tsQuery } from './text-plan';

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

export type { MatchPreferences, RelevanceWindow } from './page';

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

function cursorPosition(filters: JobFilters, sort: Sort, context: SearchContext): CursorPosition | null {
  if (!filters.cursor) return null;
  const position = decodeCursor(filters.cursor, sort, context.secret);
  if (!position) throw new BadCursorError();
  return position;
}

/** The summaries of listings by id: the wide rows, fetched by primary key once the snapshot has picked them. */
export async function summariesById(db: Db, ids: number[]): Promise<Map<number, JobSummary>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<SummaryRow>(db, sql`select ${SUMMARY_COLUMNS} from listings l where l.id = any(${sql.param(ids)}::bigint[])`);
  return new Map(rows.map((row) => [Number(row.id), toSummary(row)]));
}

/**
 * What a snapshot's generation has fetched already: listings' summaries and their text-search
 * ranks. Both stay fixed while listings_version does (any change to listings makes a new
 * snapshot), so the pages many requests share (a filter's first page, a popular search) are read
 * from PostgreSQL once per generation rather than once per request. Bounded: the oldest go first.
 */
interface Fetched {
  summaries: Map<number, JobSummary>;
  /** Ranks by query text, then listing id; `rankCount` counts every pair kept. */
  ranks: Map<string, Map<number, number>>;
  rankCount: number;
}
const fetchedBySnapshot = new WeakMap<ListingSnapshot, Fetched>();
const MAX_SUMMARIES = 20_000; // about 1 KB each
const MAX_RANKS = 200_000; // (query, listing) pairs, about 40 bytes each

function fetchedFor(snapshot: ListingSnapshot): Fetched {
  let fetched = fetchedBySnapshot.get(snapshot);
  if (!fetched) fetchedBySnapshot.set(snapshot, (fetched = { summaries: new Map(), ranks: new Map(), rankCount: 0 }));
  return fetched;
}

/** The summaries of listings of a snapshot, from those it has fetched and one query for the rest (frozen: requests share them). */
async function keptSummaries(db: Db, snapshot: ListingSnapshot, ids: number[]): Promise<Map<number, JobSummary>> {
  const { summaries } = fetchedFor(snapshot);
  const found = await summariesById(db, ids.filter((id) => !summaries.has(id)));
  for (const [id, summary] of found) {
    if (summaries.size >= MAX_SUMMARIES) summaries.delete(summaries.keys().next().value!);
    summaries.set(id, Object.freeze(summary));
  }
  return new Map(ids.flatMap((id) => (summaries.has(id) ? [[id, summaries.get(id)!]] : found.has(id) ? [[id, found.get(id)!]] : [])));
}

/** ts_rank_cd of each listing for a text search (ranking needs each tsvector, which only PostgreSQL holds), fetched once per generation. */
async function keptRanks(db: Db, snapshot: ListingSnapshot, q: string, ids: number[]): Promise<Map<number, number>> {
  const fetched = fetchedFor(snapshot);
  const ranks = fetched.ranks.get(q) ?? new Map<number, number>();
  // Most recently used last, so the bound drops the searches nobody repeats.
  fetched.ranks.delete(q);
  fetched.ranks.set(q, ranks);
  const missing = ids.filter((id) => !ranks.has(id));
  if (!missing.length) return ranks;
  const rows = await queryRows<{ id: number | string; rank: number | string }>(
    db,
    sql`select l.id, ts_rank_cd(l.search, ${tsQuery(q)})::float8 as rank from listings l where l.id = any(${sql.param(missing)}::bigint[])`,
  );
  for (const row of rows) ranks.set(Number(row.id), Number(row.rank));
  fetched.rankCount += rows.length;
  for (const [oldest, kept] of fetched.ranks) {
    if (fetched.rankCount <= MAX_RANKS || oldest === q) break;
    fetched.ranks.delete(oldest);
    fetched.rankCount -= kept.size;
  }
  return ranks;
}

/** The summaries of a page's rows, in its order (a row deleted since the snapshot was read drops out). */
async function withSummaries(db: Db, snapshot: ListingSnapshot, rows: PageRow[]): Promise<{ item: JobSummary; key: number | null; key2: number | null }[]> {
  const found = await keptSummaries(db, snapshot, rows.map((row) => row.id));
  return rows.flatMap(({ id, key, key2 }) => {
    const item = found.get(id);
    return item ? [{ item, key, key2 }] : [];
  });
}

/**
 * Relevance: the window's listings by rank (highest first, then newest id), after the cursor's
 * position, with their summaries. Ranking decides no match: the window's ids already are the matches.
 */
async function rankedPage(db: Db, snapshot: ListingSnapshot, q: string, window: RelevanceWindow, position: CursorPosition | null, take: number) {
  if (!window.ids.length) return [];
  const ranks = await keptRanks(db, snapshot, q, window.ids);
  const afterKey = position?.key ?? 0;
  const page = window.ids
    .flatMap((id) => {
      const rank = ranks.get(id);
      // As SQL's (rank, id) < (key, id): strictly after the cursor's row.
      if (rank === undefined || (position && !(rank < afterKey || (rank === afterKey && id < position.id)))) return [];
      return [{ id, key: rank, key2: window.cutoffUs }];
    })
    .sort((a, b) => b.key - a.key || b.id - a.id)
    .slice(0, take);
  return withSummaries(db, snapshot, page);
}

/** One page of matches in the sort's order, each with the keys its cursor carries. */
async function pageOf(db: Db, view: SnapshotView, sort: Sort, context: SearchContext, position: CursorPosition | null, take: number) {
  if (sort === 'relevance') {
    const sinceUs = position ? (position.key2 ?? -Infinity) : null;
    const window = relevanceWindow(view, { limit: context.relevanceWindow ?? RELEVANCE_WINDOW, sinceUs });
    return { rows: await rankedPage(db, view.snapshot, view.filters.q ?? '', window, position, take), window };
  }
  const rows =
    sort === 'newest'
      ? newestPage(view, position, take)
      : sort === 'salary'
        ? salaryPage(view, position, take)
        : matchPage(view, preferencesFor(view.filters, context.preferences), position, take);
  return { rows: await withSummaries(db, view.snapshot, rows), window: null };
}

/**
 * One page of listings for the filters, newest (or best) first, with a cursor for the next
 * page. Which listings match is the request's snapshot view: pass the one the caller counts
 * facets from, or it is worked out here.
 */
export async function searchJobs(
  db: Db,
  filters: JobFilters,
  context: SearchContext,
  view?: Promise<SnapshotView>,
): Promise<{ items: JobSummary[]; nextCursor: string | null; window: RelevanceWindow | null }> {
  const sort = effectiveSort(filters);
  const position = cursorPosition(filters, sort, context);
  const matched = await (view ?? snapshotView(db, filters, context.usdPerUnit));
  const { rows, window } = await pageOf(db, matched, sort, context, position, filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > filters.limit && last ? encodeCursor({ sort, key: last.key, key2: last.key2, id: last.item.id }, context.secret) : null;
  return { items: page.map((row) => row.item), nextCursor, window };
}
