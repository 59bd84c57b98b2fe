import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { applications } from './applications';
import { learningArea, projectStatus, timeKind } from './enums';

/** The learner's portfolio projects: deployed ones are what employers look at. */
export const projects = pgTable(
  'projects',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    language: text(),
    repoUrl: text(),
    liveUrl: text(),
    status: projectStatus().notNull().default('building'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);
export type Project = typeof projects.$inferSelect;

export const timeEntries = pgTable(
  'time_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: timeKind().notNull(),
    area: learningArea(),
    projectId: uuid().references(() => projects.id, { onDelete: 'set null' }),
    applicationId: uuid().references(() => applications.id, { onDelete: 'set null' }),
    minutes: integer().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    note: text(),
    /** Saved from a timer left running past the cap: counted as the cap, shown flagged. */
    capped: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.userId, t.startedAt),
    index().on(t.projectId),
    index().on(t.applicationId),
    // A day holds 1440 minutes; longer entries are forgotten timers, not work.
    check('time_entries_minutes_range', sql`${t.minutes} > 0 and ${t.minutes} <= 1440`),
  ],
);
export type TimeEntry = typeof timeEntries.$inferSelect;

/** The running timer: at most one per user (the primary key), so it survives reloads and closed tabs. */
export const timers = pgTable('timers', {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  kind: timeKind().notNull(),
  area: learningArea(),
  projectId: uuid().references(() => projects.id, { onDelete: 'set null' }),
  applicationId: uuid().references(() => applications.id, { onDelete: 'set null' }),
  note: text(),
  startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type Timer = typeof timers.$inferSelect;
