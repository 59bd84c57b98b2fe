import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBoard, insertListing } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { loadSnapshot, type ListingSnapshot } from './snapshot';

/** Every column of a snapshot as plain arrays, to compare two loads. */
const columns = (snapshot: ListingSnapshot) => {
  const { copyBoards, ...rest } = snapshot;
  return {
  ...Object.fromEntries(Object.entries(rest).filter(([key]) => key !== 'rowOf').map(([key, value]) => [key, ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value])),
  copyBoards: [...copyBoards.entries()],
  };
};

describe(`the listings snapshot (${TEST_DRIVER})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await insertBoard(t.db, 'snap-a');
    await insertBoard(t.db, 'snap-b');
    const tied = new Date('2026-11-20T10:00:00.123456Z');
    // Ties on posted_at (the keyset's second key decides), a removed listing, a copy on another board.
    for (let i = 0; i < 7; i++) {
      await insertListing(t.db, 'snap-a', {
        postedAt: i < 4 ? tied : new Date(Date.UTC(2026, 10, 10 + i)),
        languages: i % 2 ? ['go'] : ['python', 'rust'],
        skills: i % 3 ? ['postgresql', 'kafka'] : [],
        salaryUsdYearly: i % 2 ? 100_000 + i : null,
      });
    }
    await insertListing(t.db, 'snap-a', { removedAt: new Date() });
    const primary = await insertListing(t.db, 'snap-a', { postedAt: tied, languages: ['go'] });
    await insertListing(t.db, 'snap-b', { duplicateOf: primary.id });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads the open listings newest first, the same in keyset batches of any size as in one', async () => {
    const whole = await loadSnapshot(t.db);
    expect(whole.size).toBe(8); // 7 + the primary; not the removed listing nor the copy
    const posted = Array.from(whole.postedUs);
    expect(posted).toEqual([...posted].sort((a, b) => b - a));
    for (let row = 1; row < whole.size; row++) {
      if (whole.postedUs[row] === whole.postedUs[row - 1]) expect(whole.ids[row]).toBeLessThan(whole.ids[row - 1]!);
    }
    for (const batch of [1, 2, 3, 7, 8]) expect(columns(await loadSnapshot(t.db, batch))).toEqual(columns(whole));
    const primaryRow = [...whole.copyBoards.keys()][0]!;
    expect(whole.boards[whole.copyBoards.get(primaryRow)![0]!]).toBe('snap-b');
  });
});
