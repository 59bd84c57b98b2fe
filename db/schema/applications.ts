import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './auth';
import { applicationEventKind, applicationSource, applicationStatus } from './enums';
import { listings } from './listings';

/** The posting as read from its page (lib/applications/from-page.ts), kept because pages disappear. */
export interface PostingSnapshot {
  salary: { min: number | null; max: number | null; currency: string | null; period: 'year' | 'month' | 'week' | 'day' | 'hour' | null } | null;
  salaryText: string | null;
  /** ISO timestamps. */
  postedAt: string | null;
  closesAt: string | null;
  employmentType: string[];
  remote: 'remote' | 'hybrid' | 'onsite' | 'unknown';
  languages: string[];
  seniority: string;
  role: string;
  /** Sanitized HTML. */
  descriptionHtml: string;
  readAt: string;
}

// An application outlives its listing: boards delete postings, we never delete a user's
// record of having applied. Hence the snapshot columns and ON DELETE SET NULL.
export const applications = pgTable(
  'applications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    listingId: bigint({ mode: 'number' }).references(() => listings.id, { onDelete: 'set null' }),
    title: text().notNull(),
    company: text().notNull(),
    url: text(),
    board: text(),
    status: applicationStatus().notNull().default('saved'),
    appliedAt: timestamp({ withTimezone: true }),
    nextFollowUpAt: timestamp({ withTimezone: true }),
    notes: text().notNull().default(''),
    contact: text(),
    salaryDiscussed: text(),
    resumeLink: text(),
    /** Where the job was found; listing-based applications are 'board' (the board is `board`). */
    source: applicationSource(),
    location: text(),
    contactEmail: text(),
    /** Content key of the CSV row this application came from: re-importing a file adds nothing. */
    importKey: text(),
    /** What the job's page said when it was saved from a link (classified and sanitized); null otherwise. */
    posting: jsonb().$type<PostingSnapshot>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.userId, t.status),
    index().on(t.listingId),
    // One application per user per listing.
    uniqueIndex('applications_user_listing_uq').on(t.userId, t.listingId).where(sql`${t.listingId} is not null`),
    uniqueIndex('applications_user_import_key_uq').on(t.userId, t.importKey).where(sql`${t.importKey} is not null`),
  ],
);
export type Application = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;

export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    // Kept beside the application id so every read can be scoped by user in SQL.
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 'interview': a dated interview (toStatus is the application's status then, unchanged). */
    kind: applicationEventKind().notNull().default('status'),
    fromStatus: applicationStatus(),
    toStatus: applicationStatus().notNull(),
    note: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.applicationId, t.at), index().on(t.userId)],
);
export type ApplicationEvent = typeof applicationEvents.$inferSelect;

/** Listings a user has hidden from their job results ("Dismiss"). */
export const listingDismissals = pgTable(
  'listing_dismissals',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    listingId: bigint({ mode: 'number' })
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.listingId] })],
);
