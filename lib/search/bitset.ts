/** A set of snapshot rows, one bit each (row i is bit i % 32 of word i >> 5). */
export type Bitset = Uint32Array;

export const emptyBitset = (size: number): Bitset => new Uint32Array(Math.ceil(size / 32));

export const hasBit = (set: Bitset, row: number): boolean => (set[row >>> 5]! & (1 << (row & 31))) !== 0;

export function setBit(set: Bitset, row: number): void {
  set[row >>> 5]! |= 1 << (row & 31);
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

export function countBits(set: Bitset): number {
  let n = 0;
  for (let word of set) {
    while (word) {
      word &= word - 1;
      n++;
    }
  }
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
