import { LANGUAGE_SLUGS, REMOTE_KINDS, ROLES, SENIORITIES } from '../vocabulary';
import type { JobFilters } from './filters';
import { tallyLanguages } from './snapshot';
import { FACET_BIT, rowTester } from './snapshot-filter';
import type { SnapshotView } from './snapshot-store';
import type { FacetName } from './where';

export type Facets = Record<FacetName, Record<string, number>>;

/**
 * Counts beside each filter option for the current result, from the snapshot. Each facet is
 * counted with every other filter applied but not its own, so choosing a second language shows
 * what it would add: a listing that misses exactly one facet's filter counts in that facet
 * only, one that misses none counts in all, one that misses two counts nowhere. A job counts
 * on every board it was found on, as the board filter matches it there.
 */
export function countFacets({ snapshot, inputs }: SnapshotView, filters: JobFilters): Facets {
  const test = rowTester(snapshot, filters, inputs);
  const counts = {
    language: new Float64Array(LANGUAGE_SLUGS.length),
    seniority: new Float64Array(SENIORITIES.length),
    role: new Float64Array(ROLES.length),
    remote: new Float64Array(REMOTE_KINDS.length),
    board: new Float64Array(snapshot.boards.length),
  };
  // A facet counts a row that misses no facet filter, or only its own (FACET_BIT).
  for (let row = 0; row < snapshot.size; row++) {
    const missed = test(row);
    if (missed < 0 || (missed & (missed - 1)) !== 0) continue; // failed a base filter, or missed two facets
    if (missed === 0 || missed === FACET_BIT.language) tallyLanguages(snapshot, row, counts.language);
    if (missed === 0 || missed === FACET_BIT.seniority) counts.seniority[snapshot.seniority[row]!]!++;
    if (missed === 0 || missed === FACET_BIT.role) counts.role[snapshot.role[row]!]!++;
    if (missed === 0 || missed === FACET_BIT.remote) counts.remote[snapshot.remote[row]!]!++;
    if (missed === 0 || missed === FACET_BIT.board) {
      counts.board[snapshot.board[row]!]!++;
      if (snapshot.hasCopies[row]) for (const copy of snapshot.copyBoards.get(row)!) counts.board[copy]!++;
    }
  }

  const named = (values: readonly string[], tally: Float64Array) =>
    Object.fromEntries(values.flatMap((value, index) => (tally[index] ? [[value, tally[index]!]] : [])));
  return {
    language: named(LANGUAGE_SLUGS, counts.language),
    seniority: named(SENIORITIES, counts.seniority),
    role: named(ROLES, counts.role),
    remote: named(REMOTE_KINDS, counts.remote),
    board: named(snapshot.boards, counts.board),
  };
}
