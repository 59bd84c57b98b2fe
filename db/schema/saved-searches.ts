import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * A user's saved job searches (lib/saved-searches). `filters` holds /api/jobs's own parameter
 * names and values (every one but `cursor`), so one validator (lib/search/filters.ts) reads it.
 */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** e.g. { "language": ["go"], "remote": ["remote"], "salaryMin": "90000" }: canonical, as filtersToParams writes them. */
    filters: jsonb().$type<SavedFilterValues>().notNull().default({}),
    /** The user's specialization search, created once from the profile. */
    isDefault: boolean().notNull().default(false),
    /** "New since you last looked": listings first seen after this. Editing the filters keeps it. */
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** SHA-256 (hex) of the private feed token; the token itself is shown once and never stored. */
    feedTokenHash: text().notNull().unique(),
    digestEnabled: boolean().notNull().default(false),
    /** Hour of the day (0-23) in the user's profile time zone. */
    digestHour: integer().notNull().default(7),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.userId),
    // At most one specialization search per user, however many requests race to create it.
    uniqueIndex('saved_searches_one_default_uq').on(t.userId).where(sql`${t.isDefault}`),
    check('saved_searches_digest_hour', sql`${t.digestHour} between 0 and 23`),
  ],
);
export type SavedFilterValues = Record<string, string | string[]>;
export type SavedSearch = typeof savedSearches.$inferSelect;
export type NewSavedSearch = typeof savedSearches.$inferInsert;
