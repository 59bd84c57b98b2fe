import { LANGUAGE_SLUGS, REMOTE_KINDS, ROLES, SENIORITIES } from '../vocabulary';
import { andInto, clearBit, countBits, emptyBitset, fullBitset, keepBefore, orInto, setBit, type Bitset } from './bitset';
import { rowsWith, type SetColumn } from './row-sets';
import { POSTED_WITHIN, type FacetName, type JobFilters } from './filters';
import type { ListingSnapshot } from './snapshot';

/** What the filters need besides the snapshot, worked out once per request. */
export interface SnapshotInputs {
  /** The salary floor in yearly USD (salaryFloorUsd): undefined when not asked, null when its currency is unknown. */
  floorUsd: number | null | undefined;
  /** Rows matching the text search, or null when the request has none. */
  text: Bitset | null;
  /** The database's clock, in microseconds since the epoch (for postedWithin, as the page query). */
  nowUs: number;
}

/** A set of vocabulary indexes as a lookup table, or null when the filter is not set. */
function chosen(values: readonly string[], vocabulary: readonly string[]): Uint8Array | null {
  if (!values.length) return null;
  const table = new Uint8Array(vocabulary.length);
  for (const value of values) {
    const index = vocabulary.indexOf(value);
    if (index >= 0) table[index] = 1;
  }
  return table;
}

/**
 * Which listings match: the one place search decides it (test/support/search-oracle.ts says the
 * same in SQL, for tests), in bitsets over the snapshot's rows. The filters no facet leaves out
 * (text, salary, posted within, self-taught, visa, company, followed, hidden companies and boards,
 * first seen after) make `base`; each facet filter that is set (language, seniority, role, remote,
 * board) is the union of its chosen values' row sets (row-sets.ts). A request is then word-wise
 * ANDs over a few thousand words, where asking every filter of every row took 5 ms at 200,000
 * listings; only the filters without a set (first seen after, hidden boards and companies) pass
 * over a column, and only when they are set.
 */
export function matchRows(snapshot: ListingSnapshot, filters: JobFilters, inputs: SnapshotInputs): MatchedRows {
  const base = baseRows(snapshot, filters, inputs);
  const facets = facetSets(snapshot, filters);
  const matches = Uint32Array.from(base);
  for (const [, set] of facets) andInto(matches, set);
  // A near miss of facet F passes every other filter and misses F's: it counts in F's options only.
  const nearMisses: Partial<Record<FacetName, Bitset>> = {};
  for (const [name, missed] of facets) {
    const others = facets.filter(([other]) => other !== name).map(([, set]) => set);
    const near = emptyBitset(snapshot.size);
    for (let word = 0; word < near.length; word++) {
      let bits = base[word]! & ~missed[word]!;
      for (let i = 0; i < others.length && bits !== 0; i++) bits &= others[i]![word]!;
      near[word] = bits;
    }
    nearMisses[name] = near;
  }
  return { matches, nearMisses, count: countBits(matches) };
}

/** The rows passing every filter that no facet leaves out. */
function baseRows(snapshot: ListingSnapshot, filters: JobFilters, inputs: SnapshotInputs): Bitset {
  const { floorUsd: floor, text } = inputs;
  // An unknown currency cannot be compared: the salary floor matches nothing (as in SQL).
  if (floor === null) return emptyBitset(snapshot.size);
  const base = text ? Uint32Array.from(text) : fullBitset(snapshot.size);
  if (floor !== undefined) {
    // bySalary holds the salaried rows first, highest first.
    const { bySalary, salaryUsd, salaried } = snapshot;
    const paid = emptyBitset(snapshot.size);
    for (let at = 0; at < salaried && salaryUsd[bySalary[at]!]! >= floor; at++) setBit(paid, bySalary[at]!);
    andInto(base, paid);
  }
  if (filters.postedWithin) {
    // Rows are newest first: the window is the rows before the first one posted before it.
    const since = inputs.nowUs - POSTED_WITHIN[filters.postedWithin] * 3_600_000_000;
    keepBefore(base, firstRowBefore(snapshot.postedUs, since));
  }
  if (filters.selfTaught) andInto(base, rowsWith(snapshot, 'selfTaught', 1));
  if (filters.visa) andInto(base, rowsWith(snapshot, 'visa', 1));
  if (filters.firstSeenAfter) {
    // As in SQL: strictly after (a Date has milliseconds, first_seen_at microseconds).
    const afterUs = filters.firstSeenAfter.getTime() * 1000;
    const { firstSeenUs } = snapshot;
    for (let row = 0; row < snapshot.size; row++) if (!(firstSeenUs[row]! > afterUs)) clearBit(base, row);
  }
  if (filters.hiddenBoards?.length) {
    // As in SQL: a job only on boards the user hid is out, one also found elsewhere stays.
    const hidden = chosen(filters.hiddenBoards, snapshot.boards)!;
    const { board, hasCopies, copyBoards } = snapshot;
    for (let row = 0; row < snapshot.size; row++) {
      if (hidden[board[row]!] === 1 && !(hasCopies[row] === 1 && copyBoards.get(row)!.some((copy) => hidden[copy] !== 1))) clearBit(base, row);
    }
  }
  if (filters.company.length) andInto(base, boardRows(snapshot, filters.company));
  // Followed with no follows (or nobody signed in) matches nothing, as in SQL.
  if (filters.followed) andInto(base, boardRows(snapshot, filters.followedBoards ?? []));
  if (filters.hiddenCompanies?.length) {
    const hidden = chosen(filters.hiddenCompanies, snapshot.companies)!;
    const { company } = snapshot;
    for (let row = 0; row < snapshot.size; row++) if (hidden[company[row]!] === 1) clearBit(base, row);
  }
  return base;
}

/** The rows of each facet filter that is set: the union of its chosen values' rows. */
function facetSets(snapshot: ListingSnapshot, filters: JobFilters): [FacetName, Bitset][] {
  const union = (column: SetColumn, values: number[]) => {
    const set = emptyBitset(snapshot.size);
    for (const value of values) if (value >= 0) orInto(set, rowsWith(snapshot, column, value));
    return set;
  };
  const indexes = (values: readonly string[], vocabulary: readonly string[]) => values.map((value) => vocabulary.indexOf(value));
  const sets: [FacetName, Bitset][] = [];
  if (filters.language.length) sets.push(['language', union('language', indexes(filters.language, LANGUAGE_SLUGS))]);
  if (filters.seniority.length) sets.push(['seniority', union('seniority', indexes(filters.seniority, SENIORITIES))]);
  if (filters.role.length) sets.push(['role', union('role', indexes(filters.role, ROLES))]);
  if (filters.remote.length) sets.push(['remote', union('remote', indexes(filters.remote, REMOTE_KINDS))]);
  if (filters.board.length) sets.push(['board', boardRows(snapshot, filters.board)]);
  return sets;
}

/** The rows found on any of the boards (a job's copies count on theirs). */
function boardRows(snapshot: ListingSnapshot, ids: readonly string[]): Bitset {
  const set = emptyBitset(snapshot.size);
  for (const id of ids) {
    const index = snapshot.boards.indexOf(id);
    if (index >= 0) orInto(set, rowsWith(snapshot, 'board', index));
  }
  return set;
}

/** The first row posted before `sinceUs` (rows are newest first), or the row count. */
function firstRowBefore(postedUs: Float64Array, sinceUs: number): number {
  let low = 0;
  let high = postedUs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (postedUs[mid]! >= sinceUs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Which rows a request's filters match, worked out once per request. */
export interface MatchedRows {
  /** The rows in the result. */
  matches: Bitset;
  /** For each facet filter that is set, the rows that pass every other filter and miss its own (counted in that facet only). */
  nearMisses: Partial<Record<FacetName, Bitset>>;
  /** How many rows are in `matches`. */
  count: number;
}
