import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { calendarTokens } from '../../db/schema';
import type { Db } from '../../db/types';

// The calendar feed's link carries its only credential (calendar apps cannot sign in): 256
// random bits, of which the database keeps only the SHA-256, so the link is shown once.

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export const hashCalendarToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new token for the user, replacing (and so breaking) any earlier one. */
export async function rotateCalendarToken(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashCalendarToken(token);
  await db
    .insert(calendarTokens)
    .values({ userId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: calendarTokens.userId, set: { tokenHash, createdAt: now } });
  return token;
}

/** The user a token belongs to, or null (malformed, rotated or never issued: all alike). */
export async function calendarTokenUser(db: Db, token: string): Promise<string | null> {
  if (!TOKEN_RE.test(token)) return null;
  const [row] = await db.select({ userId: calendarTokens.userId }).from(calendarTokens).where(eq(calendarTokens.tokenHash, hashCalendarToken(token)));
  return row?.userId ?? null;
}

/** When the user's current link was made, or null when they have none. */
export async function calendarTokenCreatedAt(db: Db, userId: string): Promise<Date | null> {
  const [row] = await db.select({ createdAt: calendarTokens.createdAt }).from(calendarTokens).where(eq(calendarTokens.userId, userId));
  return row?.createdAt ?? null;
}

/** The feed's absolute address on this site. */
export const calendarFeedUrl = (origin: string, token: string) => `${origin}/calendar/${token}.ics`;
