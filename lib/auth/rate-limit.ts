import { eq, sql } from 'drizzle-orm';
import { rateLimits } from '../../db/schema';
import type { Db } from '../../db/types';

export interface RateLimit {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitState {
  allowed: boolean;
  /** When the current window ends (the earliest moment a refused caller may try again). */
  retryAt: Date;
}

/** Is `key` under its limit right now? Reads only; failures are counted by `recordHit`. */
export async function checkRateLimit(db: Db, key: string, rule: RateLimit, now = new Date()): Promise<RateLimitState> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  if (!row || now.getTime() - row.windowStartedAt.getTime() >= rule.windowMs) {
    return { allowed: true, retryAt: now };
  }
  return { allowed: row.count < rule.limit, retryAt: new Date(row.windowStartedAt.getTime() + rule.windowMs) };
}

/**
 * Count one hit in a fixed window, atomically: the upsert starts a new window when the old one
 * has ended, so concurrent failures from several processes all count.
 */
export async function recordHit(db: Db, key: string, rule: RateLimit, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - rule.windowMs).toISOString();
  await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStartedAt} <= ${windowStart}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${rateLimits.windowStartedAt} <= ${windowStart}::timestamptz then excluded.window_started_at else ${rateLimits.windowStartedAt} end`,
      },
    });
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
