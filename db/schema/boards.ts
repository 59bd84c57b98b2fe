import { boolean, index, integer, pgTable, text, timestamp, bigint, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { boardKind, ingestStatus } from './enums';

export const boards = pgTable(
  'boards',
  {
  id: text().primaryKey(), // 'golang-cafe', 'custom-rust-weekly'
  name: text().notNull(),
  kind: boardKind().notNull(),
  url: text().notNull(),
  homepage: text(),
  /** Added by a user as an RSS/Atom feed rather than shipped as a module. */
  custom: boolean().notNull().default(false),
  enabled: boolean().notNull().default(true),
  /** Proposed by a user and not yet approved by an admin: never fetched, listed only to admins and its proposer. */
  pending: boolean().notNull().default(false),
  /** Who proposed the feed (kept after approval; the board stays if the account goes). */
  proposedBy: text().references(() => users.id, { onDelete: 'set null' }),
  /** The last refresh someone asked for: at most one per board per REFRESH_WINDOW (lib/boards/refresh.ts), shared by every process. */
  refreshRequestedAt: timestamp({ withTimezone: true }),
  /** A company followed through its hiring system (lib/companies): the system and the company's board token there. Null for boards. */
  atsSystem: text(),
  atsToken: text(),
  etag: text(),
  lastModified: text(),
  lastSuccessAt: timestamp({ withTimezone: true }),
  lastErrorAt: timestamp({ withTimezone: true }),
  lastError: text(),
  /** Failed runs in a row; drives the back-off below. */
  consecutiveFailures: integer().notNull().default(0),
  /** A failing board is not tried again before this time. */
  backoffUntil: timestamp({ withTimezone: true }),
  /** Lease: set while a process ingests this board, so no two runs of one board overlap. */
  runningSince: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.proposedBy), uniqueIndex().on(t.atsSystem, t.atsToken)],
);
export type Board = typeof boards.$inferSelect;
export type NewBoard = typeof boards.$inferInsert;

export const ingestRuns = pgTable(
  'ingest_runs',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    boardId: text()
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    status: ingestStatus().notNull().default('running'),
    httpStatus: integer(),
    fetched: integer().notNull().default(0),
    new: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    removed: integer().notNull().default(0),
    skipped: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    error: text(),
    /** Skipped or failed items with reasons, capped, for the /boards page. */
    problems: text().array().notNull().default([]),
  },
  (t) => [index().on(t.boardId, t.startedAt.desc())],
);
export type IngestRun = typeof ingestRuns.$inferSelect;
