import { LANGUAGE_SLUGS, REMOTE_KINDS, ROLES, SENIORITIES } from '../vocabulary';
import { emptyBitset, hasBit, setBit, type Bitset } from './bitset';
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

/** One bit per facet filter, in the masks rowTester returns. */
export const FACET_BIT = { language: 1, seniority: 2, role: 4, remote: 8, board: 16 } as const satisfies Record<FacetName, number>;

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
 * Which listings match: the one place search decides it (test/support/search-oracle.ts says the same in SQL, for tests). For a row: -1 when it fails a filter
 * that no facet leaves out (text, salary, posted within, self-taught, visa, company, followed, hidden companies and boards, first seen after), otherwise the
 * FACET_BITs of the facet filters it misses; 0 means the row is in the result.
 */
export function rowTester(snapshot: ListingSnapshot, filters: JobFilters, inputs: SnapshotInputs): (row: number) => number {
  const language = filters.language.reduce((mask, slug) => mask | (1 << LANGUAGE_SLUGS.indexOf(slug as never)), 0);
  const seniority = chosen(filters.seniority, SENIORITIES);
  const role = chosen(filters.role, ROLES);
  const remote = chosen(filters.remote, REMOTE_KINDS);
  const boards = filters.board.length ? new Set(filters.board.map((id) => snapshot.boards.indexOf(id)).filter((index) => index >= 0)) : null;
  const onBoards = (ids: readonly string[]) => new Set(ids.map((id) => snapshot.boards.indexOf(id)).filter((index) => index >= 0));
  const companies = filters.company.length ? onBoards(filters.company) : null;
  // Followed with no follows (or nobody signed in) matches nothing, as in SQL.
  const followed = filters.followed ? onBoards(filters.followedBoards ?? []) : null;
  const hiddenCompanies = filters.hiddenCompanies?.length
    ? new Set(filters.hiddenCompanies.map((key) => snapshot.companies.indexOf(key)).filter((index) => index >= 0))
    : null;
  const hidden = filters.hiddenBoards?.length ? new Set(filters.hiddenBoards.map((id) => snapshot.boards.indexOf(id)).filter((index) => index >= 0)) : null;
  const { floorUsd: floor, text } = inputs;
  const since = filters.postedWithin ? inputs.nowUs - POSTED_WITHIN[filters.postedWithin] * 3_600_000_000 : -Infinity;
  const { selfTaught, visa } = filters;
  // As in SQL: strictly after (a Date has milliseconds, first_seen_at microseconds).
  const seenAfterUs = filters.firstSeenAfter ? filters.firstSeenAfter.getTime() * 1000 : null;

  const isOn = (set: Set<number>, row: number) =>
    set.has(snapshot.board[row]!) || (snapshot.hasCopies[row] === 1 && snapshot.copyBoards.get(row)!.some((board) => set.has(board)));

  return (row) => {
    // An unknown currency cannot be compared: the salary floor matches nothing (as in SQL).
    if (floor === null) return -1;
    if (text && !hasBit(text, row)) return -1;
    if (floor !== undefined && !(snapshot.salaryUsd[row]! >= floor)) return -1;
    if (snapshot.postedUs[row]! < since) return -1;
    if (selfTaught && !snapshot.selfTaught[row]) return -1;
    if (visa && !snapshot.visa[row]) return -1;
    if (seenAfterUs !== null && !(snapshot.firstSeenUs[row]! > seenAfterUs)) return -1;
    // As in SQL: a job only on boards the user hid is out, one also found elsewhere stays.
    if (hidden?.has(snapshot.board[row]!) && !(snapshot.hasCopies[row] && snapshot.copyBoards.get(row)!.some((board) => !hidden.has(board)))) return -1;
    if (companies && !isOn(companies, row)) return -1;
    if (followed && !isOn(followed, row)) return -1;
    if (hiddenCompanies?.has(snapshot.company[row]!)) return -1;
    let missed = 0;
    if (language && !(snapshot.languages[row]! & language)) missed |= FACET_BIT.language;
    if (seniority && !seniority[snapshot.seniority[row]!]) missed |= FACET_BIT.seniority;
    if (role && !role[snapshot.role[row]!]) missed |= FACET_BIT.role;
    if (remote && !remote[snapshot.remote[row]!]) missed |= FACET_BIT.remote;
    if (boards && !boards.has(snapshot.board[row]!) && !(snapshot.hasCopies[row] && snapshot.copyBoards.get(row)!.some((board) => boards.has(board)))) {
      missed |= FACET_BIT.board;
    }
    return missed;
  };
}

/** Which rows a request's filters match, worked out in one pass over the snapshot. */
export interface MatchedRows {
  /** rowTester of the filters: facets ask it which facet a near miss missed. */
  test: (row: number) => number;
  /** The rows in the result (test 0). */
  matches: Bitset;
  /** The rows that pass every other filter and miss exactly one facet's (counted in that facet only). */
  nearMisses: Bitset;
  /** How many rows are in `matches`. */
  count: number;
}

export function matchRows(snapshot: ListingSnapshot, filters: JobFilters, inputs: SnapshotInputs): MatchedRows {
  const test = rowTester(snapshot, filters, inputs);
  const matches = emptyBitset(snapshot.size);
  const nearMisses = emptyBitset(snapshot.size);
  let count = 0;
  for (let row = 0; row < snapshot.size; row++) {
    const missed = test(row);
    if (missed === 0) {
      setBit(matches, row);
      count++;
    } else if (missed > 0 && (missed & (missed - 1)) === 0) {
      setBit(nearMisses, row);
    }
  }
  return { test, matches, nearMisses, count };
}
