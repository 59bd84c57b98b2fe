import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { boards } from './boards';

// A followed company is a row in `boards` (lib/companies): one source shared by everyone who
// follows it, read on the schedule with the boards' health, backoff and lease. These rows say who
// follows which.
export const companyFollows = pgTable(
  'company_follows',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    boardId: text()
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.boardId] }), index().on(t.boardId)],
);
export type CompanyFollow = typeof companyFollows.$inferSelect;

/**
 * Company names a user hid from their own results (recruitment agencies, mostly). `companyKey`
 * is lib/dedupe's normaliseCompany of the name: the same key every listing's fingerprint starts with.
 */
export const hiddenCompanies = pgTable(
  'hidden_companies',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    companyKey: text().notNull(),
    /** The name as the user saw it, for the list on /settings. */
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.companyKey] })],
);
export type HiddenCompany = typeof hiddenCompanies.$inferSelect;
