import { LANGUAGE_SLUGS, REMOTE_KINDS, ROLES, SENIORITIES } from '../vocabulary';
import { hasBit, type Bitset } from './bitset';
import { POSTED_WITHIN, type JobFilters } from './filters';
import type { ListingSnapshot } from './snapshot';
import type { FacetName } from './where';

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
 * The filters of lib/search/where.ts over snapshot rows. For a row: -1 when it fails a filter
 * that no facet leaves out (text, salary, posted within, self-taught, visa, hidden boards, first seen after), otherwise the
 * FACET_BITs of the facet filters it misses; 0 means the row is in the result.
 */
export function rowTester(snapshot: ListingSnapshot, filters: JobFilters, inputs: SnapshotInputs): (row: number) => number {
  const language = filters.language.reduce((mask, slug) => mask | (1 << LANGUAGE_SLUGS.indexOf(slug as never)), 0);
  const seniority = chosen(filters.seniority, SENIORITIES);
  const role = chosen(filters.role, ROLES);
  const remote = chosen(filters.remote, REMOTE_KINDS);
  const boards = filters.board.length ? new Set(filters.board.map((id) => snapshot.boards.indexOf(id)).filter((index) => index >= 0)) : null;
  const hidden = filters.hiddenBoards?.length ? new Set(filters.hiddenBoards.map((id) => snapshot.boards.indexOf(id)).filter((index) => index >= 0)) : null;
  const { floorUsd: floor, text } = inputs;
  const since = filters.postedWithin ? inputs.nowUs - POSTED_WITHIN[filters.postedWithin] * 3_600_000_000 : -Infinity;
  const { selfTaught, visa } = filters;
  // As where.ts: strictly after (a Date has milliseconds, first_seen_at microseconds).
  const seenAfterUs = filters.firstSeenAfter ? filters.firstSeenAfter.getTime() * 1000 : null;

  return (row) => {
    // An unknown currency cannot be compared: the salary floor matches nothing (as in where.ts).
    if (floor === null) return -1;
    if (text && !hasBit(text, row)) return -1;
    if (floor !== undefined && !(snapshot.salaryUsd[row]! >= floor)) return -1;
    if (snapshot.postedUs[row]! < since) return -1;
    if (selfTaught && !snapshot.selfTaught[row]) return -1;
    if (visa && !snapshot.visa[row]) return -1;
    if (seenAfterUs !== null && !(snapshot.firstSeenUs[row]! > seenAfterUs)) return -1;
    // As where.ts: a job only on boards the user hid is out, one also found elsewhere stays.
    if (hidden?.has(snapshot.board[row]!) && !(snapshot.hasCopies[row] && snapshot.copyBoards.get(row)!.some((board) => !hidden.has(board)))) return -1;
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

/**
 * The ids of the newest listings in the result, newest first: those posted at or after
 * `sinceUs`, or without it the first `limit` and any posted at the same time as the last of
 * them (so the window is the same when a cursor later asks for it by time). `cutoffUs` is the
 * window's oldest posting time when the window leaves matches out (null when it holds them
 * all), and `matches` counts the whole result.
 */
export function newestMatches(
  snapshot: ListingSnapshot,
  test: (row: number) => number,
  bound: { limit: number; sinceUs: number | null },
): { ids: number[]; cutoffUs: number | null; matches: number } {
  const ids: number[] = [];
  let cutoff = bound.sinceUs;
  let matches = 0;
  for (let row = 0; row < snapshot.size; row++) {
    if (test(row) !== 0) continue;
    matches++;
    const posted = snapshot.postedUs[row]!;
    if (cutoff === null) {
      ids.push(snapshot.ids[row]!);
      if (ids.length === bound.limit) cutoff = posted;
    } else if (posted >= cutoff) {
      ids.push(snapshot.ids[row]!);
    }
  }
  return { ids, cutoffUs: ids.length < matches ? cutoff : null, matches };
}

/** How many listings the filters match (a saved search's "N new"), from the snapshot. */
export function countMatches(snapshot: ListingSnapshot, filters: JobFilters, inputs: SnapshotInputs): number {
  const test = rowTester(snapshot, filters, inputs);
  let matches = 0;
  for (let row = 0; row < snapshot.size; row++) if (test(row) === 0) matches++;
  return matches;
}
