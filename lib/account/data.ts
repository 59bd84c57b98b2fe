import 'server-only';
import { and, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import {
  accounts,
  applicationEvents,
  applications,
  boards,
  calendarTokens,
  interviews,
  digestDeliveries,
  listingDismissals,
  companyFollows,
  hiddenCompanies,
  profiles,
  projects,
  rateLimits,
  savedSearches,
  sessions,
  timeEntries,
  timers,
  users,
} from '../../db/schema';
import type { Db } from '../../db/types';
import { confirmOwnPassword } from '../auth/accounts';
import { BadInputError, fieldErrors, NotFoundError } from '../errors';

// "Your data is yours": every table that holds a user's rows is listed here once, and both the
// export and the deletion walk this list. lib/account/data.test.ts walks the drizzle schema for
// every table that references users and fails when one is missing here, so a table added
// later cannot be forgotten by either.

interface Section {
  table: PgTable;
  userId: PgColumn;
  /** Columns never written to the export (credentials). */
  omit?: string[];
  /**
   * Rows of a shared table that are the user's alone and go with the account; the user's other
   * rows there stay and lose the reference (the foreign key sets it null).
   */
  deleteOnly?: SQL;
}

export const PRIVATE_SECTIONS = {
  profile: { table: profiles, userId: profiles.userId },
  applications: { table: applications, userId: applications.userId },
  // Exported inside each application as its `timeline`.
  applicationEvents: { table: applicationEvents, userId: applicationEvents.userId },
  interviews: { table: interviews, userId: interviews.userId },
  // The calendar feed's link: when it was made, never the hash that checks it.
  calendarToken: { table: calendarTokens, userId: calendarTokens.userId, omit: ['tokenHash'] },
  timeEntries: { table: timeEntries, userId: timeEntries.userId },
  projects: { table: projects, userId: projects.userId },
  timers: { table: timers, userId: timers.userId },
  listingDismissals: { table: listingDismissals, userId: listingDismissals.userId },
  // The companies the user follows (the companies themselves are shared sources and stay).
  companyFollows: { table: companyFollows, userId: companyFollows.userId },
  hiddenCompanies: { table: hiddenCompanies, userId: hiddenCompanies.userId },
  // Saved searches: never the hash of the feed token that is their credential.
  savedSearches: { table: savedSearches, userId: savedSearches.userId, omit: ['feedTokenHash'] },
  // Digest emails sent or tried: never the hash of an unsubscribe token.
  digestDeliveries: { table: digestDeliveries, userId: digestDeliveries.userId, omit: ['unsubscribeTokenHash'] },
  // Feeds the user proposed: pending ones are theirs and go; approved ones belong to the catalog.
  proposedFeeds: { table: boards, userId: boards.proposedBy, omit: ['etag', 'lastModified', 'runningSince'], deleteOnly: eq(boards.pending, true) },
  // Linked sign-in providers: which ones, never their tokens.
  linkedAccounts: { table: accounts, userId: accounts.userId, omit: ['refresh_token', 'access_token', 'id_token', 'session_state'] },
  // Open sessions: when each expires, never the id that is the credential.
  sessions: { table: sessions, userId: sessions.userId, omit: ['sessionToken'] },
} satisfies Record<string, Section>;

type Row = Record<string, unknown>;

function without(row: Row, omit: string[] = []): Row {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !omit.includes(key)));
}

/** Everything private of one user, as one JSON-ready object (GET /api/account/export). */
export async function exportAccount(db: Db, userId: string, now = new Date()) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, image: users.image, emailVerified: users.emailVerified, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new NotFoundError('Your account no longer exists.');
  const rows = {} as Record<keyof typeof PRIVATE_SECTIONS, Row[]>;
  for (const [key, section] of Object.entries(PRIVATE_SECTIONS) as [keyof typeof PRIVATE_SECTIONS, Section][]) {
    const found = (await db.select().from(section.table).where(eq(section.userId, userId))) as Row[];
    rows[key] = found.map((row) => without(row, section.omit));
  }
  const { profile, applications: apps, applicationEvents: events, ...rest } = rows;
  const timelines = new Map<unknown, Row[]>();
  for (const event of events) timelines.set(event.applicationId, [...(timelines.get(event.applicationId) ?? []), event]);
  const byTime = (a: Row, b: Row) => (a.at as Date).getTime() - (b.at as Date).getTime();
  return {
    format: 'trackend-account-export',
    version: 1,
    exportedAt: now.toISOString(),
    user,
    profile: profile[0] ?? null,
    applications: apps.map((app) => ({ ...app, timeline: (timelines.get(app.id) ?? []).sort(byTime) })),
    ...rest,
  };
}

export const DELETE_CONFIRMATION = 'delete my account';

const deleteSchema = z.object({
  password: z.string().optional(),
  confirm: z.string({ error: `Type "${DELETE_CONFIRMATION}" to confirm.` }).refine((value) => value.trim().toLowerCase() === DELETE_CONFIRMATION, {
    error: `Type "${DELETE_CONFIRMATION}" to confirm.`,
  }),
});

/**
 * Delete an account and every private row, in one transaction, after the typed confirmation
 * and the password (accounts without one, GitHub's, need only the confirmation). Its sessions
 * are rows too, so every cookie of the account stops working at once.
 */
export async function deleteAccount(db: Db, userId: string, input: unknown, ip: string | null): Promise<void> {
  const parsed = deleteSchema.safeParse(input);
  if (!parsed.success) throw new BadInputError('Check the highlighted fields.', fieldErrors(parsed.error));
  await confirmOwnPassword(db, userId, parsed.data.password ?? '', 'password', ip);
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!user) throw new NotFoundError('Your account no longer exists.');
    for (const section of Object.values(PRIVATE_SECTIONS) as Section[]) {
      await tx.delete(section.table).where(section.deleteOnly ? and(eq(section.userId, userId), section.deleteOnly) : eq(section.userId, userId));
    }
    if (user.email) {
      // The sign-in counters name the email; they go too.
      const escaped = user.email.replace(/[\\%_]/g, (c) => `\\${c}`);
      await tx
        .delete(rateLimits)
        .where(or(eq(rateLimits.key, `signin:account:${user.email}`), eq(rateLimits.key, `signin:account-pace:${user.email}`), like(rateLimits.key, sql`${`signin:account-ip:${escaped}|%`}`)));
    }
    await tx.delete(users).where(eq(users.id, userId));
  });
}
