import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema';
import { insertUser } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { createServerSession, endAllServerSessions, endServerSession, SESSION_MAX_AGE_S, sessionUser } from './server-sessions';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

describe(`server-side sessions (${TEST_DRIVER})`, () => {
  it('a session counts while its row lives, for its own user only', async () => {
    const [alice, bob] = [await insertUser(t.db), await insertUser(t.db)];
    const sid = await createServerSession(t.db, alice.id);
    expect(sid).toMatch(/^[\w-]{43}$/);
    await expect(sessionUser(t.db, sid, alice.id)).resolves.toEqual({ id: alice.id, email: alice.email, name: alice.name });
    // A token naming another user with this id finds nothing.
    await expect(sessionUser(t.db, sid, bob.id)).resolves.toBeNull();
    await expect(sessionUser(t.db, 'made-up', alice.id)).resolves.toBeNull();
  });

  it('sign-out ends one session; ending all ends every one of that user and no other', async () => {
    const [alice, bob] = [await insertUser(t.db), await insertUser(t.db)];
    const [a1, a2, a3] = [await createServerSession(t.db, alice.id), await createServerSession(t.db, alice.id), await createServerSession(t.db, alice.id)];
    const b1 = await createServerSession(t.db, bob.id);
    await endServerSession(t.db, a1);
    await expect(sessionUser(t.db, a1, alice.id)).resolves.toBeNull();
    await expect(sessionUser(t.db, a2, alice.id)).resolves.not.toBeNull();
    await expect(endAllServerSessions(t.db, alice.id)).resolves.toBe(2);
    await expect(sessionUser(t.db, a3, alice.id)).resolves.toBeNull();
    await expect(sessionUser(t.db, b1, bob.id)).resolves.not.toBeNull();
  });

  it('expires with the cookie, and expired rows are swept when the user signs in again', async () => {
    const alice = await insertUser(t.db);
    const start = new Date('2026-01-01T00:00:00Z');
    const old = await createServerSession(t.db, alice.id, start);
    const afterExpiry = new Date(start.getTime() + SESSION_MAX_AGE_S * 1000 + 1);
    await expect(sessionUser(t.db, old, alice.id, afterExpiry)).resolves.toBeNull();
    await createServerSession(t.db, alice.id, afterExpiry);
    const rows = await t.db.select().from(sessions);
    expect(rows.filter((r) => r.userId === alice.id)).toHaveLength(1);
  });
});
