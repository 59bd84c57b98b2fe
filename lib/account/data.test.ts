import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.AUTH_BCRYPT_ROUNDS = '4';
});

import { count, eq, getTableName, is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema';
import { accounts, boards, companyFollows, digestDeliveries, hiddenCompanies, interviews, listingDismissals, rateLimits, savedSearches, timers, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { insertApplication, insertApplicationEvent, insertBoard, insertListing } from '../../test/support/factories';
import { insertEntry, insertProfile, insertProject } from '../../test/support/time-factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { authenticate, signUp } from '../auth/accounts';
import { createServerSession, sessionUser } from '../auth/server-sessions';
import { rotateCalendarToken } from '../calendar/token';
import { BadInputError } from '../errors';
import { deleteAccount, exportAccount, PRIVATE_SECTIONS } from './data';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

let n = 0;
/** A user with a row in every private table. */
async function fullUser(db: Db) {
  const user = await signUp(db, { email: `owner${++n}@example.com`, password: 'a long password' });
  const board = await insertBoard(db);
  const listing = await insertListing(db, board.id);
  await insertProfile(db, user.id, { languages: ['go'] });
  const app = await insertApplication(db, user.id, { listingId: listing.id });
  await insertApplicationEvent(db, user.id, app.id, { toStatus: 'saved', at: new Date('2026-11-01T10:00:00Z') });
  await insertApplicationEvent(db, user.id, app.id, { fromStatus: 'saved', toStatus: 'applied', at: new Date('2026-11-02T10:00:00Z') });
  const project = await insertProject(db, user.id, { name: 'API in Go' });
  await insertEntry(db, user.id, { kind: 'building', projectId: project.id });
  await db.insert(timers).values({ userId: user.id, kind: 'learning', area: 'dsa' });
  await db.insert(listingDismissals).values({ userId: user.id, listingId: listing.id });
  // A followed company is a shared board row; the follow is the user's.
  await db.insert(boards).values({ id: `greenhouse-co${n}`, name: `Co ${n}`, kind: 'json', url: `https://co${n}.example/api`, atsSystem: 'greenhouse', atsToken: `co${n}` });
  await db.insert(companyFollows).values({ userId: user.id, boardId: `greenhouse-co${n}` });
  await db.insert(hiddenCompanies).values({ userId: user.id, companyKey: `agency ${n}`, name: `Agency ${n}` });
  await db.insert(accounts).values({ userId: user.id, type: 'oauth', provider: 'github', providerAccountId: `gh-${n}`, access_token: 'secret-token' });
  await db.insert(interviews).values({ userId: user.id, applicationId: app.id, startsAt: new Date('2026-12-03T13:00:00Z'), minutes: 45, kind: 'technical' });
  await rotateCalendarToken(db, user.id);
  const [search] = await db.insert(savedSearches).values({ userId: user.id, name: 'Go remote', filters: { language: ['go'] }, feedTokenHash: `feed-token-hash-${n}` }).returning();
  await db.insert(digestDeliveries).values({ savedSearchId: search!.id, userId: user.id, localDate: '2026-11-02', status: 'sent', unsubscribeTokenHash: `unsubscribe-hash-${n}` });
  const sessionId = await createServerSession(db, user.id);
  await db.insert(boards).values({ id: `proposal-${n}`, name: `Proposal ${n}`, kind: 'rss', url: `https://p${n}.example/rss`, custom: true, pending: true, proposedBy: user.id });
  return { user, app, project, sessionId };
}

/** Every table with a column that references users.id, read from the drizzle schema itself. */
function tablesReferencingUsers(): string[] {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  return tables
    .filter((table) => getTableConfig(table).foreignKeys.some((fk) => fk.reference().foreignTable === users))
    .map((table) => getTableName(table))
    .sort();
}

describe(`account data (${TEST_DRIVER})`, () => {
  it('every table that references users is exported and deleted (add new ones to PRIVATE_SECTIONS)', () => {
    const covered = Object.values(PRIVATE_SECTIONS).map((s) => getTableName(s.table)).sort();
    expect(tablesReferencingUsers().length).toBeGreaterThanOrEqual(9);
    expect(covered).toEqual(tablesReferencingUsers());
  });

  it('exports everything private of the user, timelines inside applications, no credentials, nothing of others', async () => {
    const owner = await fullUser(t.db);
    const other = await fullUser(t.db);
    const data = await exportAccount(t.db, owner.user.id);
    const text = JSON.stringify(data);
    expect(data.user).toMatchObject({ id: owner.user.id, email: owner.user.email });
    expect(data.profile).toMatchObject({ languages: ['go'] });
    expect(data.applications).toHaveLength(1);
    expect(data.applications[0]!.timeline.map((e) => e.toStatus)).toEqual(['saved', 'applied']);
    expect(data.projects).toEqual([expect.objectContaining({ name: 'API in Go' })]);
    expect(data.timeEntries).toHaveLength(1);
    expect(data.timers).toHaveLength(1);
    expect(data.listingDismissals).toHaveLength(1);
    expect(data.savedSearches).toEqual([expect.objectContaining({ name: 'Go remote', filters: { language: ['go'] } })]);
    expect(text).not.toContain('feed-token-hash');
    expect(data.linkedAccounts).toEqual([expect.objectContaining({ provider: 'github' })]);
    expect(data.sessions).toEqual([{ userId: owner.user.id, expires: expect.any(Date) }]);
    expect(data).not.toHaveProperty('applicationEvents');
    for (const secret of ['passwordHash', 'tokenHash', 'secret-token', owner.sessionId, 'unsubscribe-hash-']) expect(text).not.toContain(secret);
    expect(text).not.toContain(other.user.id);
    // Every section of PRIVATE_SECTIONS has the row we made.
    for (const key of Object.keys(PRIVATE_SECTIONS).filter((k) => k !== 'applicationEvents' && k !== 'profile')) {
      expect((data as unknown as Record<string, unknown[]>)[key], key).toHaveLength(1);
    }
  });

  it('takes the pending feeds a user proposed with the account, and leaves approved ones in the catalog', async () => {
    const { user } = await fullUser(t.db);
    await t.db.insert(boards).values({ id: `approved-${n}`, name: `Approved ${n}`, kind: 'rss', url: `https://a${n}.example/rss`, custom: true, proposedBy: user.id });
    await deleteAccount(t.db, user.id, { password: 'a long password', confirm: 'delete my account' }, null);
    expect(await t.db.select().from(boards).where(eq(boards.id, `proposal-${n}`))).toEqual([]);
    const [approved] = await t.db.select().from(boards).where(eq(boards.id, `approved-${n}`));
    expect(approved).toMatchObject({ pending: false, proposedBy: null });
  });

  it('deletes only with the typed confirmation and the password', async () => {
    const { user } = await fullUser(t.db);
    for (const input of [{ password: 'a long password' }, { password: 'a long password', confirm: 'yes' }, 'nope']) {
      const error = await deleteAccount(t.db, user.id, input, null).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadInputError);
      expect(Object.keys((error as BadInputError).fields)).toEqual([typeof input === 'string' ? 'form' : 'confirm']);
    }
    const wrong = await deleteAccount(t.db, user.id, { password: 'wrong', confirm: 'delete my account' }, null).catch((e: unknown) => e);
    expect((wrong as BadInputError).fields).toEqual({ password: 'That is not your current password.' });
    expect(await exportAccount(t.db, user.id)).toMatchObject({ user: { id: user.id } });
  });

  it('deletes every private row of the user and ends the sessions, leaving other users and shared listings', async () => {
    const owner = await fullUser(t.db);
    const other = await fullUser(t.db);
    await authenticate(t.db, { email: owner.user.email, password: 'typo', ip: '192.0.2.9' });
    await deleteAccount(t.db, owner.user.id, { password: 'a long password', confirm: 'Delete my account ' }, '192.0.2.9');

    for (const section of Object.values(PRIVATE_SECTIONS)) {
      const [mine] = await t.db.select({ n: count() }).from(section.table).where(eq(section.userId, owner.user.id));
      const [theirs] = await t.db.select({ n: count() }).from(section.table).where(eq(section.userId, other.user.id));
      expect(mine!.n, getTableName(section.table)).toBe(0);
      expect(theirs!.n, getTableName(section.table)).toBeGreaterThan(0);
    }
    await expect(t.db.select().from(users).where(eq(users.id, owner.user.id))).resolves.toEqual([]);
    await expect(sessionUser(t.db, owner.sessionId, owner.user.id)).resolves.toBeNull();
    await expect(sessionUser(t.db, other.sessionId, other.user.id)).resolves.not.toBeNull();
    const counters = await t.db.select().from(rateLimits).where(sql`${rateLimits.key} like ${`%${owner.user.email}%`}`);
    expect(counters).toEqual([]);
    // Listings are shared: the owner's saved and dismissed ones stay for everyone else.
    const [listings] = await t.db.select({ n: count() }).from(schema.listings);
    expect(listings!.n).toBeGreaterThanOrEqual(2);
  });

  it('rolls the whole deletion back when one statement fails', async () => {
    const { user } = await fullUser(t.db);
    const failing = new Proxy(t.db, {
      get(target, key, receiver) {
        if (key !== 'transaction') return Reflect.get(target, key, receiver) as unknown;
        return (run: (tx: Db) => Promise<void>) =>
          target.transaction(async (tx) => {
            await run(
              new Proxy(tx, {
                get(inner, k, r) {
                  if (k !== 'delete') return Reflect.get(inner, k, r) as unknown;
                  // The last statement (the user row) fails after every private table was emptied.
                  return (table: PgTable) => {
                    if (table === users) throw new Error('disk full');
                    return inner.delete(table);
                  };
                },
              }),
            );
          });
      },
    });
    await expect(deleteAccount(failing, user.id, { password: 'a long password', confirm: 'delete my account' }, null)).rejects.toThrow('disk full');
    const data = await exportAccount(t.db, user.id);
    expect(data.applications).toHaveLength(1);
    expect(data.timeEntries).toHaveLength(1);
  });
});
