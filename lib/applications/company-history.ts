import 'server-only';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { applications, listings } from '../../db/schema';
import type { Db } from '../../db/types';
import { normaliseCompany } from '../dedupe/keys';
import type { ApplicationStatus } from './statuses';

// What the job pages say beside a company the user has dealt with ("You applied to Acme 12
// days ago"), and which applications' postings have closed. Both read only the acting user's rows.

export interface CompanyHistory {
  applicationId: string;
  /** The company as the user's application names it. */
  company: string;
  status: ApplicationStatus;
  /** The last status change (the application's creation when it never moved). */
  at: Date;
}

/** Applications read per page at most: far past any real pipeline, so a page stays one bounded query. */
const HISTORY_LIMIT = 5000;

/**
 * The user's most recent application per company, keyed by the company as lib/dedupe normalises
 * it ("Acme GmbH" and "ACME" are one). One query for a whole page of listings.
 */
export async function companyHistory(db: Db, userId: string): Promise<Map<string, CompanyHistory>> {
  // Written out: inside a subquery drizzle would leave "id" unqualified, and it would mean the event's.
  const lastChange = sql<Date>`coalesce((select max(e.at) from application_events e where e.application_id = applications.id and e.user_id = ${userId} and e.kind = 'status'), applications.created_at)`.mapWith(
    (value: string | Date) => new Date(value),
  );

  const rows = await db
    .select({ applicationId: applications.id, company: applications.company, status: applications.status, at: lastChange })
    .from(applications)
    .where(eq(applications.userId, userId))
    .orderBy(sql`${applications.updatedAt} desc`)
    .limit(HISTORY_LIMIT);
  const byCompany = new Map<string, CompanyHistory>();
  for (const row of rows) {
    const key = normaliseCompany(row.company);
    if (!key) continue;
    const known = byCompany.get(key);
    if (!known || row.at > known.at) byCompany.set(key, row);
  }
  return byCompany;
}

/** The history for a listing's company, if the user has one. */
export function historyFor(histories: Map<string, CompanyHistory>, company: string | null): CompanyHistory | undefined {
  return company ? histories.get(normaliseCompany(company)) : undefined;
}

/** When each application's listing was removed from its board, for those whose posting has closed. */
export async function closedPostings(db: Db, userId: string, applicationIds?: string[]): Promise<Map<string, Date>> {
  if (applicationIds && applicationIds.length === 0) return new Map();
  const rows = await db
    .select({ id: applications.id, removedAt: listings.removedAt })
    .from(applications)
    .innerJoin(listings, eq(listings.id, applications.listingId))
    .where(and(eq(applications.userId, userId), isNotNull(listings.removedAt), applicationIds ? inArray(applications.id, applicationIds) : undefined));
  return new Map(rows.map((row) => [row.id, row.removedAt!]));
}
