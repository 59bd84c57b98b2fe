import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { INTERVIEW_KINDS } from '../../lib/vocabulary';
import { applications } from './applications';
import { users } from './auth';

export const interviewKind = pgEnum('interview_kind', INTERVIEW_KINDS);

/** Interview slots of an application: its timeline, the dashboard and the calendar feed show them. */
export const interviews = pgTable(
  'interviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    // Beside the application id so every read is scoped by user in SQL.
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    minutes: integer().notNull(),
    kind: interviewKind().notNull().default('other'),
    notes: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.applicationId, t.startsAt),
    index().on(t.userId, t.startsAt),
    check('interviews_minutes_range', sql`${t.minutes} >= 5 and ${t.minutes} <= 600`),
    check('interviews_notes_length', sql`char_length(${t.notes}) <= 4000`),
  ],
);
export type Interview = typeof interviews.$inferSelect;

/**
 * The private calendar feed's credential, one per user: only its SHA-256 is kept, so a leaked
 * database does not leak working feed links. Rotating replaces the row's hash.
 */
export const calendarTokens = pgTable('calendar_tokens', {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
