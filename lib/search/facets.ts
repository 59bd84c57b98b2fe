import { LANGUAGE_SLUGS, REMOTE_KINDS, ROLES, SENIORITIES } from '../vocabulary';
import { nextBit, type Bitset } from './bitset';
import type { FacetName } from './filters';
import { tallyLanguages } from './snapshot';
import type { SnapshotView } from './snapshot-store';

export type Facets = Record<FacetName, Record<string, number>>;

/**
 * Counts beside each filter option for the current result, from the snapshot. Each facet is
 * counted with every other filter applied but not its own, so choosing a second language shows
 * what it would add: a listing that misses exactly one facet's filter counts in that facet
 * only, one that misses none counts in all, one that misses two counts nowhere. A job counts
 * on every board it was found on, as the board filter matches it there.
 */
export function countFacets({ snapshot, matches, nearMisses }: SnapshotView): Facets {
  const counts = {
    language: new Float64Array(LANGUAGE_SLUGS.length),
    seniority: new Float64Array(SENIORITIES.length),
    role: new Float64Array(ROLES.length),
    remote: new Float64Array(REMOTE_KINDS.length),
    board: new Float64Array(snapshot.boards.length),
  };
  const tally: Record<FacetName, (row: number) => void> = {
    language: (row) => tallyLanguages(snapshot, row, counts.language),
    seniority: (row) => counts.seniority[snapshot.seniority[row]!]!++,
    role: (row) => counts.role[snapshot.role[row]!]!++,
    remote: (row) => counts.remote[snapshot.remote[row]!]!++,
    board: (row) => {
      counts.board[snapshot.board[row]!]!++;
      if (snapshot.hasCopies[row]) for (const copy of snapshot.copyBoards.get(row)!) counts.board[copy]!++;
    },
  };
  // A row in the result counts in every facet.
  for (let row = nextBit(matches, 0); row >= 0; row = nextBit(matches, row + 1)) {
    tally.language(row);
    tally.seniority(row);
    tally.role(row);
    tally.remote(row);
    tally.board(row);
  }
  // A near miss counts in the one facet whose filter it misses.
  for (const [name, rows] of Object.entries(nearMisses) as [FacetName, Bitset][]) {
    const count = tally[name];
    for (let row = nextBit(rows, 0); row >= 0; row = nextBit(rows, row + 1)) count(row);
  }

  const named = (values: readonly string[], counted: Float64Array) =>
    Object.fromEntries(values.flatMap((value, index) => (counted[index] ? [[value, counted[index]]] : [])));
  return {
    language: named(LANGUAGE_SLUGS, counts.language),
    seniority: named(SENIORITIES, counts.seniority),
    role: named(ROLES, counts.role),
    remote: named(REMOTE_KINDS, counts.remote),
    board: named(snapshot.boards, counts.board),
  };
}
