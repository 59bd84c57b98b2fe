import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/types';
import { LANGUAGE_SLUGS, REMOTE_KINDS, ROLES, SENIORITIES } from '../vocabulary';
import { SELF_TAUGHT_MAX_YEARS } from './filters';
import { openListing } from './open';

/**
 * The open listings (not removed, not a copy) as columns of numbers: what every filter but the
 * text search reads, and what decides which listings match, orders the page and counts the
 * facets and the market view (lib/search/snapshot-store.ts). Counting facets over 170,000
 * listings takes a few milliseconds here, where the same counts in SQL took 100-300 ms a request
 * even from a covering index (bench/reports/search.md). Typed arrays only, no object per row:
 * about 80 bytes a listing (`bytes`), 80 MB for a million.
 */
export interface ListingSnapshot {
  /** listings_version.version it was read at (same transaction). */
  version: number;
  size: number;
  /** Listing ids, newest first (posted_at desc, id desc). Row i of every column is listing ids[i]. */
  ids: Float64Array;
  /** Bit k set when the listing names LANGUAGE_SLUGS[k]. */
  languages: Uint32Array;
  /** Indexes into SENIORITIES, ROLES, REMOTE_KINDS. */
  seniority: Uint8Array;
  role: Uint8Array;
  remote: Uint8Array;
  /** Index into `boards` of the board the listing came from. */
  board: Uint16Array;
  boards: string[];
  /** Index into `companies` of the listing's company key (lib/dedupe normaliseCompany, the fingerprint's first part), for hidden companies. */
  company: Uint32Array;
  companies: string[];
  /** Other boards the same job was found on (its copies), by row: only the few rows that have copies. */
  copyBoards: Map<number, number[]>;
  /** 1 for the rows in copyBoards (a lookup per row in a Map costs more than the rest of a facet count). */
  hasCopies: Uint8Array;
  /** Skills by row: skillIds[skillStart[i] .. skillStart[i + 1]) index into `skills`. */
  skillStart: Uint32Array;
  skillIds: Uint16Array;
  skills: string[];
  /** Yearly USD salary; NaN when the listing states none. */
  salaryUsd: Float64Array;
  /** posted_at in microseconds since the epoch (exact, as cursors carry it). */
  postedUs: Float64Array;
  /** first_seen_at in microseconds since the epoch (a saved search's firstSeenAfter). */
  firstSeenUs: Float64Array;
  /** 1 when the listing is "open to self-taught" (see filters.ts), and when it offers visa sponsorship. */
  selfTaught: Uint8Array;
  visa: Uint8Array;
  /** Rows by salary: yearly USD desc, then id desc; the `salaried` rows that state one come first. */
  bySalary: Uint32Array;
  salaried: number;
  /** The row of a listing id, or -1 when the listing is not open. */
  rowOf(id: number): number;
  /** What the columns hold in memory (typed arrays' byteLength; the few strings and copy lists left out). */
  bytes: number;
}

/** Add one to the tally of each language of a snapshot row (tally indexed like LANGUAGE_SLUGS). */
export function tallyLanguages(snapshot: ListingSnapshot, row: number, tally: Float64Array): void {
  for (let mask = snapshot.languages[row]!; mask; mask &= mask - 1) tally[31 - Math.clz32(mask & -mask)]!++;
}

const LANGUAGE_BIT = new Map<string, number>(LANGUAGE_SLUGS.map((slug, bit) => [slug, bit]));
if (LANGUAGE_SLUGS.length > 32) throw new Error('lib/search/snapshot.ts: languages are a 32-bit mask; widen it for more languages');
const indexes = (values: readonly string[]) => new Map(values.map((value, index) => [value, index]));
const SENIORITY_INDEX = indexes(SENIORITIES);
const ROLE_INDEX = indexes(ROLES);
const REMOTE_INDEX = indexes(REMOTE_KINDS);

type SnapshotRow = {
  id: number | string;
  languages: string;
  skills: string;
  seniority: string;
  role: string;
  remote: string;
  board_id: string;
  company_key: string;
  salary_usd_yearly: number | null;
  posted_us: number | string;
  first_seen_us: number | string;
  self_taught: boolean;
  visa: boolean;
};

/** Rows read per query while loading: the serving thread builds one batch at a time and is free between them. */
export const SNAPSHOT_BATCH_ROWS = 20_000;

const fromUs = (us: number) => sql`(timestamptz 'epoch' + ${us} * interval '1 microsecond')`;

/**
 * Read the snapshot in one repeatable-read transaction, so the version and the rows agree:
 * a writer that commits meanwhile bumps the version past the one recorded here. The rows come
 * in keyset batches (newest first, from the open-newest index) written straight into the
 * columns, so a million listings never stand in memory as a million row objects, and requests
 * served meanwhile wait for one batch at most.
 */
export async function loadSnapshot(db: Db, batchRows = SNAPSHOT_BATCH_ROWS): Promise<ListingSnapshot> {
  return db.transaction(
    async (tx) => {
      const [head] = await queryRows<{ version: number | string; open: number | string }>(
        tx,
        sql`select (select version from listings_version) as version, (select count(*) from listings l where ${openListing('l')}) as open`,
      );
      const builder = snapshotBuilder(Number(head?.version ?? 0), Number(head?.open ?? 0));
      let after: { postedUs: number; id: number } | null = null;
      for (;;) {
        const rows: SnapshotRow[] = await queryRows<SnapshotRow>(
          tx,
          sql`select l.id, array_to_string(l.languages, ',') as languages,
                array_to_string(l.skills, ',') as skills, l.seniority::text as seniority, l.role::text as role,
                l.remote::text as remote, l.board_id, split_part(l.fingerprint, '|', 1) as company_key, l.salary_usd_yearly,
                (extract(epoch from l.posted_at) * 1000000)::bigint as posted_us,
                (extract(epoch from l.first_seen_at) * 1000000)::bigint as first_seen_us,
                (l.degree_required is distinct from true and (l.years_required is null or l.years_required <= ${SELF_TAUGHT_MAX_YEARS})) as self_taught,
                coalesce(l.visa_sponsorship, false) as visa
              from listings l where ${openListing('l')}
                ${after ? sql`and (l.posted_at, l.id) < (${fromUs(after.postedUs)}, ${after.id})` : sql``}
              order by l.posted_at desc, l.id desc
              limit ${batchRows}`,
        );
        builder.add(rows);
        const last = rows.at(-1);
        if (!last || rows.length < batchRows) break;
        after = { postedUs: Number(last.posted_us), id: Number(last.id) };
      }
      // Every copy counts, as the board filter does (snapshot-filter.ts).
      const copies = await queryRows<{ duplicate_of: number | string; board_id: string }>(
        tx,
        sql`select distinct d.duplicate_of, d.board_id from listings d where d.duplicate_of is not null`,
      );
      return builder.finish(copies);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Columns for `size` rows, filled batch by batch in snapshot order. */
function snapshotBuilder(version: number, size: number) {
  const snapshot = {
    version,
    size,
    ids: new Float64Array(size),
    languages: new Uint32Array(size),
    seniority: new Uint8Array(size),
    role: new Uint8Array(size),
    remote: new Uint8Array(size),
    board: new Uint16Array(size),
    boards: [] as string[],
    company: new Uint32Array(size),
    companies: [] as string[],
    skillStart: new Uint32Array(size + 1),
    skillIds: new Uint16Array(0),
    skills: [] as string[],
    copyBoards: new Map<number, number[]>(),
    hasCopies: new Uint8Array(size),
    salaryUsd: new Float64Array(size),
    postedUs: new Float64Array(size),
    firstSeenUs: new Float64Array(size),
    selfTaught: new Uint8Array(size),
    visa: new Uint8Array(size),
  };
  const skillIndex = new Map<string, number>();
  const skillIds: number[] = [];
  const boardIndex = new Map<string, number>();
  const companyIndex = new Map<string, number>();
  const boardOf = (id: string) => {
    let index = boardIndex.get(id);
    if (index === undefined) boardIndex.set(id, (index = snapshot.boards.push(id) - 1));
    return index;
  };
  let filled = 0;

  const add = (rows: SnapshotRow[]) => {
    // The count and the rows come from one repeatable-read snapshot, so they agree.
    if (filled + rows.length > size) throw new Error(`loadSnapshot: more open listings than the ${size} counted`);
    for (const row of rows) {
      const i = filled++;
      snapshot.ids[i] = Number(row.id);
      let mask = 0;
      for (const slug of row.languages.split(',')) {
        const bit = LANGUAGE_BIT.get(slug);
        if (bit !== undefined) mask |= 1 << bit;
      }
      snapshot.languages[i] = mask;
      for (const skill of row.skills ? row.skills.split(',') : []) {
        let index = skillIndex.get(skill);
        if (index === undefined) skillIndex.set(skill, (index = snapshot.skills.push(skill) - 1));
        skillIds.push(index);
      }
      snapshot.skillStart[i + 1] = skillIds.length;
      snapshot.seniority[i] = SENIORITY_INDEX.get(row.seniority) ?? 0;
      snapshot.role[i] = ROLE_INDEX.get(row.role) ?? 0;
      snapshot.remote[i] = REMOTE_INDEX.get(row.remote) ?? 0;
      snapshot.board[i] = boardOf(row.board_id);
      let company = companyIndex.get(row.company_key);
      if (company === undefined) companyIndex.set(row.company_key, (company = snapshot.companies.push(row.company_key) - 1));
      snapshot.company[i] = company;
      snapshot.salaryUsd[i] = row.salary_usd_yearly === null ? NaN : Number(row.salary_usd_yearly);
      snapshot.postedUs[i] = Number(row.posted_us);
      snapshot.firstSeenUs[i] = Number(row.first_seen_us);
      snapshot.selfTaught[i] = row.self_taught ? 1 : 0;
      snapshot.visa[i] = row.visa ? 1 : 0;
    }
  };

  const finish = (copies: { duplicate_of: number | string; board_id: string }[]): ListingSnapshot => {
    if (filled !== size) throw new Error(`loadSnapshot: read ${filled} of the ${size} open listings counted`);
    snapshot.skillIds = Uint16Array.from(skillIds);
    const { rowOf, sortedIds, sortedRows } = rowLookup(snapshot.ids);
    for (const copy of copies) {
      const row = rowOf(Number(copy.duplicate_of));
      if (row < 0) continue;
      const board = boardOf(copy.board_id);
      if (board === snapshot.board[row]) continue;
      const boards = snapshot.copyBoards.get(row) ?? [];
      if (!boards.includes(board)) boards.push(board);
      snapshot.copyBoards.set(row, boards);
      snapshot.hasCopies[row] = 1;
    }
    const bySalary = Uint32Array.from(snapshot.ids.keys()).sort((a, b) => {
      const [x, y] = [snapshot.salaryUsd[a]!, snapshot.salaryUsd[b]!];
      if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
      return (Number.isNaN(x) ? 0 : y - x) || snapshot.ids[b]! - snapshot.ids[a]!;
    });
    let salaried = 0;
    while (salaried < size && !Number.isNaN(snapshot.salaryUsd[bySalary[salaried]!]!)) salaried++;
    const columns: unknown[] = [...Object.values(snapshot), sortedIds, sortedRows, bySalary];
    const bytes = columns.reduce<number>((sum, column) => sum + (ArrayBuffer.isView(column) ? column.byteLength : 0), 0);
    return { ...snapshot, bySalary, salaried, rowOf, bytes };
  };

  return { add, finish };
}

/**
 * The lookup for rows by id (text matches come back as ids): ids sorted, with their rows. Built
 * apart from buildSnapshot so the closure holds these two arrays only, not the rows it was
 * built from (a closure keeps every variable of its scope that any closure there reads).
 */
function rowLookup(ids: Float64Array): { rowOf: (id: number) => number; sortedIds: Float64Array; sortedRows: Uint32Array } {
  const sortedRows = Uint32Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]!);
  const sortedIds = Float64Array.from(sortedRows, (row) => ids[row]!);
  const rowOf = (id: number): number => {
    let low = 0;
    let high = sortedIds.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = sortedIds[middle]!;
      if (value === id) return sortedRows[middle]!;
      if (value < id) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  };
  return { rowOf, sortedIds, sortedRows };
}
