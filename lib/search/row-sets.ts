import { emptyBitset, setBit, type Bitset } from './bitset';
import type { ListingSnapshot } from './snapshot';

/** The snapshot columns a filter chooses values of. */
export type SetColumn = 'language' | 'seniority' | 'role' | 'remote' | 'board' | 'selfTaught' | 'visa';

// Kept with the snapshot, which never changes: a set is built once per generation.
const bySnapshot = new WeakMap<ListingSnapshot, Map<string, Bitset>>();
// Company boards can be many on a public instance: past this many sets, a set is built for the request and not kept.
const MAX_KEPT = 256;

/**
 * The rows holding one value of a column (a language's bit index, a vocabulary index, a board
 * index counting the job's copies on other boards, 1 for a flag), as a bitset. A filter on a
 * column is then the union of its chosen values' sets: a few thousand word operations rather
 * than a pass over every row. Built on first use by one pass over the column, kept only for
 * the values someone filtered on (25 KB a set for 200,000 listings).
 */
export function rowsWith(snapshot: ListingSnapshot, column: SetColumn, value: number): Bitset {
  let kept = bySnapshot.get(snapshot);
  if (!kept) bySnapshot.set(snapshot, (kept = new Map<string, Bitset>()));
  const key = `${column}:${value}`;
  const known = kept.get(key);
  if (known) return known;
  const set = buildSet(snapshot, column, value);
  if (kept.size < MAX_KEPT) kept.set(key, set);
  return set;
}

/** What a snapshot's kept row sets hold, in bytes. */
export function rowSetBytes(snapshot: ListingSnapshot): number {
  let bytes = 0;
  for (const set of bySnapshot.get(snapshot)?.values() ?? []) bytes += set.byteLength;
  return bytes;
}

function buildSet(snapshot: ListingSnapshot, column: SetColumn, value: number): Bitset {
  const set = emptyBitset(snapshot.size);
  const n = snapshot.size;
  if (column === 'language') {
    const { languages } = snapshot;
    const bit = 1 << value;
    for (let row = 0; row < n; row++) if ((languages[row]! & bit) !== 0) setBit(set, row);
    return set;
  }
  const values = snapshot[column];
  for (let row = 0; row < n; row++) if (values[row] === value) setBit(set, row);
  // A job is on every board it was found on, as the board filter and its facet count it.
  if (column === 'board') for (const [row, boards] of snapshot.copyBoards) if (boards.includes(value)) setBit(set, row);
  return set;
}
