import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { savedSearches } from './saved-searches';

export const digestKind = pgEnum('digest_kind', ['daily', 'manual']);
export const digestStatus = pgEnum('digest_status', ['pending', 'sent', 'skipped', 'failed']);

/**
 * One digest email of one saved search (lib/digests). A daily digest is claimed by inserting its
 * (saved_search_id, local_date) row: the unique index lets exactly one worker, on any machine,
 * own each day. "Send now" digests are `manual` rows outside that index.
 */
export const digestDeliveries = pgTable(
  'digest_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    savedSearchId: uuid()
      .notNull()
      .references(() => savedSearches.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: digestKind().notNull().default('daily'),
    /** The user's local day this digest is for. */
    localDate: date({ mode: 'string' }).notNull(),
    status: digestStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    /** When a pending digest may next be tried; also the lease of the worker trying it now. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    /** The listings this digest carries, fixed when it is first prepared so every retry sends the same email. */
    listingIds: bigint({ mode: 'number' }).array(),
    /** New listings beyond those listed. */
    moreCount: integer().notNull().default(0),
    /** Send now found nothing new and carries the newest matches instead. */
    newestInstead: boolean().notNull().default(false),
    /** Daily digests: the newest first_seen_at carried; the next digest lists what came after it. */
    watermark: timestamp({ withTimezone: true }),
    /** SHA-256 (hex) of this email's unsubscribe token; the token is only in the email. */
    unsubscribeTokenHash: text().unique(),
    messageId: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('digest_deliveries_daily_uq').on(t.savedSearchId, t.localDate).where(sql`${t.kind} = 'daily'`),
    index().on(t.userId),
    index().on(t.savedSearchId),
    index('digest_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);
export type DigestDelivery = typeof digestDeliveries.$inferSelect;
