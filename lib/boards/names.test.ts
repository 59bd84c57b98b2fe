import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boards } from '../../db/schema';
import { insertBoard } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { filterBoardNames } from './names';

describe(`the names the /jobs filters show (${TEST_DRIVER})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    const names = { zeta: 'Zeta Jobs', alpha: 'Alpha Jobs', proposed: 'Proposed', acme: 'Acme' };
    for (const [id, name] of Object.entries(names)) {
      await insertBoard(t.db, id);
      await t.db.update(boards).set({ name }).where(eq(boards.id, id));
    }
    await t.db.update(boards).set({ pending: true }).where(eq(boards.id, 'proposed'));
    await t.db.update(boards).set({ atsSystem: 'greenhouse', atsToken: 'acme' }).where(eq(boards.id, 'acme'));
  });
  afterAll(async () => t?.close());

  it('lists approved boards by name, never a proposal or a followed company, and names only the companies asked for', async () => {
    expect(await filterBoardNames(t.db, [])).toEqual({
      boards: [
        { id: 'alpha', name: 'Alpha Jobs' },
        { id: 'zeta', name: 'Zeta Jobs' },
      ],
      companies: [],
    });
    expect((await filterBoardNames(t.db, ['acme', 'gone'])).companies).toEqual([{ id: 'acme', name: 'Acme' }]);
  });
});
