import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { applicationEvents, applications } from '../../db/schema';
import type { Db } from '../../db/types';
import { getProfile } from '../profile/profile';
import { formatSheetDate } from '../dates/sheet';
import { storedDayText } from '../dates/zone';

// CSV export: every application as a spreadsheet reads it.
// The import (lib/applications/import.ts) reads this shape back.

// ---------------------------------------------------------------- export

const DANGEROUS_START = /^[=+\-@\t\r]/;

/** Spreadsheets run cells starting with = + - @ (or tab/CR) as formulas: prefix an apostrophe. */
export function neutralizeCell(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}

export const EXPORT_HEADERS = [
  'Company',
  'Title',
  'URL',
  'Status',
  'Date Applied',
  'Follow up',
  'Notes',
  'Contact',
  'Salary discussed',
  'Resume link',
  'Board',
  'Created',
  'Updated',
  'Source',
  'Location',
  'Contact email',
  'Interview',
] as const;

/** Every application of the user as CSV (UTF-8 with BOM, CRLF lines, formula-safe cells). */
export async function exportCsv(db: Db, userId: string): Promise<string> {
  const { timeZone } = await getProfile(db, userId);
  // Interviews have a time of day: written on the user's wall clock (the import reads it back there).
  const interview = (d: Date | null) => formatSheetDate(d, timeZone);
  const rows = await db
    .select({
      application: applications,
      // The latest interview on the timeline.
      // Qualified by hand: inside the subquery a bare "id" would be the event's.
      interviewAt: sql<string | null>`(select max(e.at) from ${applicationEvents} e
        where e.application_id = applications.id and e.user_id = ${userId} and e.kind = 'interview')`,
    })
    .from(applications)
    .where(eq(applications.userId, userId))
    .orderBy(asc(applications.createdAt), asc(applications.id));
  const data = rows.map(({ application: a, interviewAt }) =>
    [
      a.company,
      a.title,
      a.url ?? '',
      a.status,
      storedDayText(a.appliedAt),
      storedDayText(a.nextFollowUpAt),
      a.notes,
      a.contact ?? '',
      a.salaryDiscussed ?? '',
      a.resumeLink ?? '',
      a.board ?? '',
      a.createdAt.toISOString(),
      a.updatedAt.toISOString(),
      a.source ?? '',
      a.location ?? '',
      a.contactEmail ?? '',
      interview(interviewAt ? new Date(interviewAt) : null),
    ].map(neutralizeCell),
  );
  const body = Papa.unparse({ fields: [...EXPORT_HEADERS], data }, { newline: '\r\n', quotes: false });
  return `\uFEFF${body.replace(/(\r\n)?$/, '\r\n')}`;
}

