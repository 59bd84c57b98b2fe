import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { remoteKind, seniority } from './enums';

export const profiles = pgTable('profiles', {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Specialization: one to three language slugs from lib/vocabulary. */
  languages: text().array().notNull().default([]),
  targetSeniority: seniority(),
  remotePreference: remoteKind(),
  dailyApplyBudgetMinutes: integer().notNull().default(60),
  weeklyLearningGoalMinutes: integer().notNull().default(600),
  timeZone: text().notNull().default('UTC'),
  currency: text().notNull().default('USD'),
  /** Board ids whose listings this user does not want in /jobs and /api/jobs (lib/search filters). */
  hiddenBoards: text().array().notNull().default([]),
  /** The latest /jobs page view, and where the visit before the current one ended: "new" is newer than that. */
  lastJobsVisitAt: timestamp({ withTimezone: true }),
  previousJobsVisitAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type Profile = typeof profiles.$inferSelect;
