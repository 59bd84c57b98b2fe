/** A set of snapshot rows, one bit each (row i is bit i % 32 of word i >> 5). */
export type Bitset = Uint32Array;

export const emptyBitset = (size: number): Bitset => new Uint32Array(Math.ceil(size / 32));

export const hasBit = (set: Bitset, row: number): boolean => (set[row >>> 5]! & (1 << (row & 31))) !== 0;

export function setBit(set: Bitset, row: number): void {
  set[row >>> 5]! |= 1 << (row & 31);
}

export function clearBit(set: Bitset, row: number): void {
  set[row >>> 5]! &= ~(1 << (row & 31));
}

export function and(a: Bitset, b: Bitset): Bitset {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

export function or(a: Bitset, b: Bitset): Bitset {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! | b[i]!;
  return out;
}

/** Every row of a snapshot of `size` rows that is not in the set. */
export function not(a: Bitset, size: number): Bitset {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = ~a[i]! >>> 0;
  const tail = size & 31;
  if (tail && out.length) out[out.length - 1]! &= (1 << tail) - 1;
  return out;
}

/** Every row of a snapshot of `size` rows. */
export function fullBitset(size: number): Bitset {
  const set = emptyBitset(size).fill(0xffffffff);
  const tail = size & 31;
  if (tail && set.length) set[set.length - 1] = (1 << tail) - 1;
  return set;
}

/** Leave in `target` only the rows also in `other`. */
export function andInto(target: Bitset, other: Bitset): void {
  for (let i = 0; i < target.length; i++) target[i]! &= other[i]!;
}

/** Add to `target` the rows of `other`. */
export function orInto(target: Bitset, other: Bitset): void {
  for (let i = 0; i < target.length; i++) target[i]! |= other[i]!;
}

/** Leave in the set only rows before `end`. */
export function keepBefore(set: Bitset, end: number): void {
  const word = end >>> 5;
  if (word >= set.length) return;
  set[word]! &= (1 << (end & 31)) - 1;
  set.fill(0, word + 1);
}

/** Bits set in one 32-bit word (SWAR: no loop per bit, so a full set counts as fast as a sparse one). */
export function wordBits(word: number): number {
  word -= (word >>> 1) & 0x55555555;
  word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
  return (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function countBits(set: Bitset): number {
  let n = 0;
  for (let i = 0; i < set.length; i++) n += wordBits(set[i]!);
  return n;
}

/** The first row at or after `from` that is in the set, or -1. Skips empty words whole. */
export function nextBit(set: Bitset, from: number): number {
  let word = from >>> 5;
  if (word >= set.length) return -1;
  let bits = set[word]! & (~0 << (from & 31));
  while (bits === 0) {
    if (++word >= set.length) return -1;
    bits = set[word]!;
  }
  return (word << 5) + 31 - Math.clz32(bits & -bits);
}
