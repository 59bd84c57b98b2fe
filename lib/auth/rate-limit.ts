import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { rateLimits } from '../../db/schema';
import type { Db } from '../../db/types';

export interface RateLimit {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitState {
  allowed: boolean;
  /** Hits counted in the current window, this one included (0 for a read-only check of a fresh key). */
  count: number;
  /** When the current window ends (the earliest moment a refused caller may try again). */
  retryAt: Date;
}

/** Is `key` under its limit right now? Reads only: it cannot stop concurrent callers, `recordHit` can. */
export async function checkRateLimit(db: Db, key: string, rule: RateLimit, now = new Date()): Promise<RateLimitState> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  if (!row || now.getTime() - row.windowStartedAt.getTime() >= rule.windowMs) {
    return { allowed: true, count: 0, retryAt: now };
  }
  return { allowed: row.count < rule.limit, count: row.count, retryAt: new Date(row.windowStartedAt.getTime() + rule.windowMs) };
}

/**
 * Count one hit in a fixed window and say whether it is within the limit, in one statement:
 * the upsert increments (or starts a new window when the old one has ended) and returns the
 * new count, so N concurrent callers from any number of processes get counts 1..N and exactly
 * `limit` of them are allowed. Count first, then do the expensive or guarded work.
 */
export async function recordHit(db: Db, key: string, rule: RateLimit, now = new Date()): Promise<RateLimitState> {
  const windowStart = new Date(now.getTime() - rule.windowMs).toISOString();
  const expired = sql`${rateLimits.windowStartedAt} <= ${windowStart}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then excluded.window_started_at else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStartedAt: rateLimits.windowStartedAt });
  return { allowed: row!.count <= rule.limit, count: row!.count, retryAt: new Date(row!.windowStartedAt.getTime() + rule.windowMs) };
}

/** Give back one hit (an attempt that turned out to be a success should not count as a failure). */
export async function releaseHit(db: Db, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(and(eq(rateLimits.key, key), gt(rateLimits.count, 0)));
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
