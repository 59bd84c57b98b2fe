import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { insertUser } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { ForbiddenError, UnauthorizedError } from '../errors';
import { actorFor, assertCan, can, roleOf, type Action } from './roles';

describe(`roles (${TEST_DRIVER})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());

  it('lets visitors use the empty-state actions only while the instance has no account', async () => {
    const visitor = await actorFor(t.db, null, []);
    expect(visitor).toEqual({ userId: null, role: 'visitor', emptyInstance: true });
    expect([can(visitor, 'boards.refresh'), can(visitor, 'boards.loadSamples')]).toEqual([true, true]);
    expect([can(visitor, 'boards.toggle'), can(visitor, 'boards.forceRefresh'), can(visitor, 'boards.seeErrors'), can(visitor, 'boards.proposeFeed')]).toEqual([
      false,
      false,
      false,
      false,
    ]);

    const first = await insertUser(t.db, 'first@example.com');
    const later = await actorFor(t.db, null, []);
    expect(later.emptyInstance).toBe(false);
    expect(can(later, 'boards.refresh')).toBe(false);
    expect(() => assertCan(later, 'boards.refresh')).toThrow(UnauthorizedError);
    expect(await roleOf(t.db, first, [])).toBe('admin');
  });

  it('makes the oldest account the admin, later ones users, and ADMIN_EMAILS admins too', async () => {
    const second = await insertUser(t.db, 'second@example.com');
    const third = await insertUser(t.db, 'Third@Example.com');
    expect(await roleOf(t.db, second, [])).toBe('user');
    expect(await roleOf(t.db, third, ['someone@example.com', 'third@example.com'])).toBe('admin');
    expect(await roleOf(t.db, third, [])).toBe('user');

    const user = await actorFor(t.db, second, []);
    expect(user).toEqual({ userId: second.id, role: 'user', emptyInstance: false });
    expect(() => assertCan(user, 'boards.toggle')).toThrow(ForbiddenError);
    expect(() => assertCan(user, 'boards.refresh')).not.toThrow();
  });

  it('hands the admin role on to the next oldest account when the first one goes', async () => {
    const [oldest] = await t.db.select().from(users).where(eq(users.email, 'first@example.com'));
    const [next] = await t.db.select().from(users).where(eq(users.email, 'second@example.com'));
    await t.db.delete(users).where(eq(users.id, oldest!.id));
    expect(await roleOf(t.db, oldest!, [])).toBe('visitor'); // a deleted account's cookie is nobody's
    expect(await roleOf(t.db, next!, [])).toBe('admin');
  });

  it('breaks a tie of creation times by id', async () => {
    // Older than every account above, created in the same instant.
    const at = new Date('2000-01-01T00:00:00Z');
    await t.db.insert(users).values([
      { id: 'b-user', email: 'b@example.com', createdAt: at },
      { id: 'a-user', email: 'a@example.com', createdAt: at },
    ]);
    expect(await roleOf(t.db, { id: 'a-user' }, [])).toBe('admin');
    expect(await roleOf(t.db, { id: 'b-user' }, [])).toBe('user');
  });

  it('gives admins every board action, users only the personal ones', () => {
    const actions: Action[] = [
      'boards.refresh',
      'boards.forceRefresh',
      'boards.loadSamples',
      'boards.toggle',
      'boards.addFeed',
      'boards.removeFeed',
      'boards.review',
      'boards.proposeFeed',
      'boards.seeErrors',
      'boards.hide',
    ];
    const table = (role: 'admin' | 'user') => actions.filter((action) => can({ role, emptyInstance: false }, action));
    expect(table('admin')).toEqual(actions.filter((action) => action !== 'boards.proposeFeed'));
    expect(table('user')).toEqual(['boards.refresh', 'boards.proposeFeed', 'boards.hide']);
  });
});
