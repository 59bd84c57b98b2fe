import { describe, expect, it } from 'vitest';
import { andInto, clearBit, countBits, emptyBitset, fullBitset, hasBit, keepBefore, nextBit, orInto, setBit, wordBits } from './bitset';

const rows = (set: Uint32Array) => {
  const out: number[] = [];
  for (let row = nextBit(set, 0); row >= 0; row = nextBit(set, row + 1)) out.push(row);
  return out;
};

describe('bitsets of snapshot rows', () => {
  it('fills every row of a size that is not a multiple of 32, and none past it', () => {
    for (const size of [1, 31, 32, 33, 64, 100]) {
      const set = fullBitset(size);
      expect(countBits(set)).toBe(size);
      expect(rows(set).at(-1)).toBe(size - 1);
    }
  });

  it('keeps only the rows before an end, at and off word boundaries', () => {
    for (const end of [0, 1, 31, 32, 33, 70, 100, 500]) {
      const set = fullBitset(100);
      keepBefore(set, end);
      expect(rows(set)).toEqual(Array.from({ length: Math.min(end, 100) }, (_, i) => i));
    }
  });

  it('counts bits word by word, the high bit included', () => {
    expect(wordBits(0)).toBe(0);
    expect(wordBits(0xffffffff)).toBe(32);
    expect(wordBits(0x80000001)).toBe(2);
    const set = emptyBitset(200);
    for (const row of [0, 31, 32, 63, 199]) setBit(set, row);
    clearBit(set, 32);
    expect(countBits(set)).toBe(4);
    expect(hasBit(set, 32)).toBe(false);
  });

  it('intersects and unites in place', () => {
    const a = emptyBitset(64);
    const b = emptyBitset(64);
    [1, 2, 40].forEach((row) => setBit(a, row));
    [2, 40, 50].forEach((row) => setBit(b, row));
    const union = Uint32Array.from(a);
    orInto(union, b);
    andInto(a, b);
    expect(rows(a)).toEqual([2, 40]);
    expect(rows(union)).toEqual([1, 2, 40, 50]);
  });
});
