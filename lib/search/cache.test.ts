import { describe, expect, it } from 'vitest';
import { TtlCache } from './cache';

describe('TtlCache', () => {
  it('computes once within the TTL, again after it', async () => {
    const cache = new TtlCache<number>(1000);
    let calls = 0;
    const compute = () => Promise.resolve(++calls);
    expect(await cache.get('k', compute, 0)).toBe(1);
    expect(await cache.get('k', compute, 999)).toBe(1);
    expect(await cache.get('k', compute, 1000)).toBe(2);
  });

  it('forgets failures and evicts the oldest entry past its size', async () => {
    const cache = new TtlCache<number>(1000, 2);
    await expect(cache.get('bad', () => Promise.reject(new Error('db down')), 0)).rejects.toThrow('db down');
    expect(await cache.get('bad', () => Promise.resolve(7), 1)).toBe(7);
    await cache.get('b', () => Promise.resolve(2), 2);
    await cache.get('c', () => Promise.resolve(3), 3);
    expect(await cache.get('bad', () => Promise.resolve(8), 4)).toBe(8);
  });
});
