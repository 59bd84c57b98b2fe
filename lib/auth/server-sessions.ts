import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, gt, lte } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import type { Db } from '../../db/types';
import type { AccountUser } from './accounts';

// Session cookies are signed JWTs, which cannot be taken back once issued. Each one therefore
// names a row here (Auth.js's `sessions` table, unused by the JWT strategy otherwise), and a
// cookie counts only while its row exists: sign-out deletes one row, "sign out everywhere", a
// password change and account deletion delete them all.

export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/** Record a new session for a user who just signed in; returns its id for the token. */
export async function createServerSession(db: Db, userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({ sessionToken: id, userId, expires: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) });
  // Expired rows of this user go as new ones come, so the table does not grow forever.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expires, now)));
  return id;
}

/** The user a session id belongs to, while the session lives; null once it was ended or expired. */
export async function sessionUser(db: Db, sessionId: string, userId: string, now = new Date()): Promise<AccountUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, sessionId), eq(sessions.userId, userId), gt(sessions.expires, now)));
  return row ?? null;
}

/** End one session (sign-out). */
export async function endServerSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.sessionToken, sessionId));
}

/** End every session of a user; returns how many were live. */
export async function endAllServerSessions(db: Db, userId: string): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.sessionToken });
  return ended.length;
}
