import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  check,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { boards } from './boards';
import { remoteKind, role, salaryPeriod, seniority } from './enums';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const listings = pgTable(
  'listings',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    boardId: text()
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    externalId: text().notNull(),
    url: text().notNull(),
    canonicalUrl: text().notNull(),
    /** Normalised company + title: the same job on several boards shares it. */
    fingerprint: text().notNull(),
    /** Hash of everything stored from the board: equal hash means nothing to write. */
    contentHash: text().notNull(),
    title: text().notNull(),
    company: text(),
    location: text(),
    remote: remoteKind().notNull().default('unknown'),
    salaryText: text(),
    salaryMin: integer(),
    salaryMax: integer(),
    salaryCurrency: text(),
    salaryPeriod: salaryPeriod(),
    /** Yearly salary in USD, for filters and sorting across currencies and periods. */
    salaryUsdYearly: integer(),
    languages: text().array().notNull().default([]),
    skills: text().array().notNull().default([]),
    seniority: seniority().notNull().default('unknown'),
    role: role().notNull().default('other'),
    tags: text().array().notNull().default([]),
    yearsRequired: integer(),
    degreeRequired: boolean(),
    visaSponsorship: boolean(),
    descriptionHtml: text().notNull().default(''), // sanitized before insert
    descriptionText: text().notNull().default(''),
    /** When the board says it was posted; the first time we saw it when the board does not say. */
    postedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    firstSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp({ withTimezone: true }),
    /** Set when an earlier listing from another board is the same job. */
    duplicateOf: bigint({ mode: 'number' }).references((): AnyPgColumn => listings.id, { onDelete: 'set null' }),
    /** Loaded by `npm run ingest -- --sample`: shown as sample data in the UI. */
    isSample: boolean().notNull().default(false),
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          // Title and company weigh most; the description's first 4,000 characters say what the
          // job is. The whole text (20,000 characters before) made every insert and every broad
          // text search pay for tsvectors several times larger, for matches nobody ranks high.
          sql`setweight(to_tsvector('english', coalesce(${listings.title}, '')), 'A') || setweight(to_tsvector('english', coalesce(${listings.company}, '')), 'B') || setweight(to_tsvector('english', left(${listings.descriptionText}, 4000)), 'C')`,
      ),
  },
  (t) => [
    uniqueIndex().on(t.boardId, t.externalId),
    index().on(t.canonicalUrl),
    index().on(t.fingerprint),
    index().on(t.duplicateOf),
    // Open listings, newest first, carrying every column the filters and facets read, so the
    // common searches read this index instead of the wide rows (bench/reports/search.md).
    // The trailing keys never reorder it: (posted_at, id) is unique.
    index('listings_open_newest_idx')
      .on(t.postedAt.desc().nullsFirst(), t.id.desc().nullsFirst(), t.seniority, t.role, t.remote, t.boardId, t.salaryUsdYearly, t.degreeRequired, t.yearsRequired, t.visaSponsorship, t.languages)
      .where(sql`${t.removedAt} is null and ${t.duplicateOf} is null`),
    index('listings_open_salary_idx')
      .on(t.salaryUsdYearly.desc().nullsLast(), t.id.desc().nullsFirst())
      .where(sql`${t.removedAt} is null and ${t.duplicateOf} is null`),
    // The board filter's lookup of cross-board copies.
    index('listings_copies_board_idx').on(t.boardId, t.duplicateOf).where(sql`${t.duplicateOf} is not null`),
    index('listings_languages_idx').using('gin', t.languages),
    index('listings_skills_idx').using('gin', t.skills),
    index('listings_search_idx').using('gin', t.search),
  ],
);
export type Listing = typeof listings.$inferSelect;
export type NewListing = typeof listings.$inferInsert;

/**
 * One row whose version goes up in every transaction that changes what search counts over
 * (see migration 0006: a deferred trigger on listings, so every writer bumps it, the CLI and
 * pg-boss workers included). lib/search keeps its in-process snapshot while this is unchanged.
 */
export const listingsVersion = pgTable(
  'listings_version',
  {
    id: boolean().primaryKey().default(true),
    version: bigint({ mode: 'number' }).notNull().default(0),
  },
  (t) => [check('listings_version_one_row', sql`${t.id}`)],
);
