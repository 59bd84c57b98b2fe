import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boards } from '../../db/schema';
import { BOARDS } from '../../scrapers/registry';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { ensureBuiltInBoardRows } from './catalog';

describe(`built-in board rows for listing pages (${TEST_DRIVER})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());

  const builtIns = async () => (await t.db.select({ id: boards.id }).from(boards)).map((row) => row.id).sort();

  it('creates every missing built-in row, and on later views writes nothing', async () => {
    await ensureBuiltInBoardRows(t.db);
    expect(await builtIns()).toEqual(BOARDS.map((board) => board.id).sort());

    // A view never rewrites a row it finds (only a run refreshes a board's name and URL).
    const first = BOARDS[0]!.id;
    await t.db.update(boards).set({ name: 'Renamed by hand', enabled: false }).where(eq(boards.id, first));
    await ensureBuiltInBoardRows(t.db);
    const [row] = await t.db.select().from(boards).where(eq(boards.id, first));
    expect(row).toMatchObject({ name: 'Renamed by hand', enabled: false });
  });

  it('puts back a row that went missing, leaving the others as they are', async () => {
    const last = BOARDS.at(-1)!.id;
    await t.db.delete(boards).where(eq(boards.id, last));
    await ensureBuiltInBoardRows(t.db);
    expect(await builtIns()).toEqual(BOARDS.map((board) => board.id).sort());
    const [row] = await t.db.select().from(boards).where(eq(boards.id, BOARDS[0]!.id));
    expect(row?.name).toBe('Renamed by hand');
  });
});
