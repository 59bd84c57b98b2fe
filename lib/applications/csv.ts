import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { z } from 'zod';
import { applicationEvents, applications, type NewApplication } from '../../db/schema';
import type { Db } from '../../db/types';
import { BadInputError } from '../errors';
import { APPLICATION_STATUSES, APPLIED_OR_BEYOND, type ApplicationStatus } from './schemas';
import { IMPORT_FIELDS, IMPORT_FIELD_LABEL, type ColumnMapping, type ImportField } from './statuses';

// CSV export and import. Spreadsheets are where most job seekers keep their applications, so
// import maps the usual column names by itself, previews every row with its problems, writes
// nothing while any row is wrong, and skips rows it imported before.

export const CSV_MAX_BYTES = 2 * 1024 * 1024;
export const CSV_MAX_ROWS = 5000;

/** The file is over the size cap (HTTP 413). */
export class CsvTooLargeError extends BadInputError {
  constructor() {
    super(`The file is too large: the limit is ${CSV_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files.`, {
      file: `At most ${CSV_MAX_BYTES / 1024 / 1024} MB.`,
    });
    this.name = 'CsvTooLargeError';
  }
}

/** Some rows (or the column mapping) are wrong: nothing was written. */
export class CsvInvalidError extends BadInputError {
  constructor(readonly preview: ImportPreview) {
    super(
      preview.invalid > 0
        ? `${preview.invalid} row${preview.invalid === 1 ? ' has' : 's have'} problems; nothing was imported. Fix them and try again.`
        : 'Map the Company and Title columns; nothing was imported.',
      preview.fileErrors,
    );
    this.name = 'CsvInvalidError';
  }
}

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
] as const;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

/** Every application of the user as CSV (UTF-8 with BOM, CRLF lines, formula-safe cells). */
export async function exportCsv(db: Db, userId: string): Promise<string> {
  const rows = await db
    .select()
    .from(applications)
    .where(eq(applications.userId, userId))
    .orderBy(asc(applications.createdAt), asc(applications.id));
  const data = rows.map((a) =>
    [
      a.company,
      a.title,
      a.url ?? '',
      a.status,
      day(a.appliedAt),
      day(a.nextFollowUpAt),
      a.notes,
      a.contact ?? '',
      a.salaryDiscussed ?? '',
      a.resumeLink ?? '',
      a.board ?? '',
      a.createdAt.toISOString(),
      a.updatedAt.toISOString(),
    ].map(neutralizeCell),
  );
  const body = Papa.unparse({ fields: [...EXPORT_HEADERS], data }, { newline: '\r\n', quotes: false });
  return `\uFEFF${body.replace(/(\r\n)?$/, '\r\n')}`;
}

// ---------------------------------------------------------------- import: columns

export { IMPORT_FIELDS, IMPORT_FIELD_LABEL, type ColumnMapping, type ImportField };

// Normalised header names (lowercase letters and digits only) seen in job-search spreadsheets.
const HEADER_NAMES: Record<ImportField, string[]> = {
  company: ['company', 'companyname', 'employer', 'organization', 'organisation', 'org', 'business'],
  title: ['title', 'jobtitle', 'position', 'positiontitle', 'role', 'jobrole', 'job', 'jobname', 'opening'],
  url: ['url', 'link', 'joblink', 'joburl', 'posting', 'jobposting', 'postinglink', 'postingurl', 'listing', 'listingurl', 'website', 'applicationlink'],
  status: ['status', 'stage', 'state', 'applicationstatus', 'progress'],
  appliedAt: ['dateapplied', 'applied', 'applieddate', 'appliedon', 'applicationdate', 'dateofapplication', 'date', 'datesubmitted', 'submitted'],
  nextFollowUpAt: ['followup', 'followupdate', 'nextfollowup', 'followupon', 'followupby', 'nextstep', 'nextstepdate', 'remind', 'reminder'],
  notes: ['notes', 'note', 'comments', 'comment', 'details', 'remarks'],
  contact: ['contact', 'contactperson', 'contactname', 'recruiter', 'hiringmanager', 'referral', 'contactemail'],
  salaryDiscussed: ['salary', 'salarydiscussed', 'compensation', 'pay', 'salaryrange', 'expectedsalary'],
  resumeLink: ['resume', 'resumelink', 'resumeused', 'cv', 'cvlink', 'resumeversion', 'portfolio', 'portfoliolink'],
};

const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Guess which column holds each field from the header row (first match wins, each column used once). */
export function detectMapping(headers: string[]): ColumnMapping {
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ColumnMapping;
  const used = new Set<number>();
  const normalised = headers.map(normaliseHeader);
  for (const field of IMPORT_FIELDS) {
    for (const name of HEADER_NAMES[field]) {
      const index = normalised.findIndex((h, i) => h === name && !used.has(i));
      if (index >= 0) {
        mapping[field] = headers[index]!;
        used.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** A mapping sent by a client: field → header name; blank or null means "not in this file". */
export const mappingSchema = z
  .record(z.string(), z.string().max(200).nullable())
  .refine((m) => Object.keys(m).every((k) => (IMPORT_FIELDS as readonly string[]).includes(k)), {
    error: `Map only these fields: ${IMPORT_FIELDS.join(', ')}.`,
  });

/** Parse a `mapping` value (a JSON object) from a form field or query parameter. */
export function parseMappingParam(value: string | null | undefined): Partial<ColumnMapping> | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new BadInputError('The mapping must be a JSON object such as {"company":"Employer"}.', { mapping: 'must be a JSON object' });
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) throw new BadInputError(parsed.error.issues[0]!.message, { mapping: parsed.error.issues[0]!.message });
  return parsed.data as Partial<ColumnMapping>;
}

// ---------------------------------------------------------------- import: cells

/** The file as a header row and data rows. BadInputError for an empty or unreadable file. */
export function parseCsvText(text: string): { headers: string[]; rows: { line: number; cells: string[] }[] } {
  if (Buffer.byteLength(text) > CSV_MAX_BYTES) throw new CsvTooLargeError();
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.includes('\u0000')) throw new BadInputError('That is not a CSV text file.', { file: 'Upload a .csv file exported from a spreadsheet.' });
  const result = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy' });
  const quoteError = result.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    throw new BadInputError(`Row ${row}: a quoted cell is never closed.`, { file: `Row ${row}: a quoted cell is never closed.` });
  }
  const [header, ...data] = result.data;
  if (!header || header.every((h) => h.trim() === '')) {
    throw new BadInputError('The file is empty: it needs a header row and one row per application.', { file: 'The file is empty.' });
  }
  if (data.length > CSV_MAX_ROWS) {
    throw new BadInputError(`The file has ${data.length} rows; import at most ${CSV_MAX_ROWS} at a time.`, { file: `At most ${CSV_MAX_ROWS} rows.` });
  }
  // Line numbers as a spreadsheet shows them: the header is row 1 (blank lines are skipped,
  // so this is the row's position among the non-blank ones).
  return { headers: header.map((h) => h.trim()), rows: data.map((cells, i) => ({ line: i + 2, cells })) };
}

/** Undo our own export's formula guard: an apostrophe before = + - @ goes. */
const unguard = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function utcDate(year: number, month: number, dayOfMonth: number): Date | 'invalid' {
  if (year < 100) year += 2000;
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dayOfMonth) return 'invalid';
  if (year < 1990 || year > 2100) return 'invalid';
  return date;
}

/**
 * Dates as spreadsheets write them: 2026-11-05, 2026-11-05T10:00:00Z, 11/5/2026 (US, unless
 * the first number is over 12), 5.11.2026, Nov 5, 2026 and 5 November 2026.
 */
export function parseSheetDate(raw: string): Date | null | 'invalid' {
  const value = raw.trim();
  if (value === '') return null;
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (m) return utcDate(+m[1]!, +m[2]!, +m[3]!);
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1990 || date.getUTCFullYear() > 2100 ? 'invalid' : date;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value);
  if (m) {
    const [a, b] = [+m[1]!, +m[2]!];
    return a > 12 ? utcDate(+m[3]!, b, a) : utcDate(+m[3]!, a, b);
  }
  m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/.exec(value);
  if (m) return utcDate(+m[3]!, +m[2]!, +m[1]!);
  m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(value);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    return month < 0 ? 'invalid' : utcDate(+m[3]!, month + 1, +m[2]!);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i.exec(value);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    return month < 0 ? 'invalid' : utcDate(+m[3]!, month + 1, +m[1]!);
  }
  return 'invalid';
}

const STATUS_WORDS: Record<string, ApplicationStatus> = {
  saved: 'saved', save: 'saved', wishlist: 'saved', interested: 'saved', bookmarked: 'saved', toapply: 'saved', notapplied: 'saved', planned: 'saved', draft: 'saved',
  applied: 'applied', apply: 'applied', submitted: 'applied', sent: 'applied', pending: 'applied', waiting: 'applied', inreview: 'applied',
  screening: 'screening', screen: 'screening', phonescreen: 'screening', recruitercall: 'screening', phone: 'screening', hrcall: 'screening',
  interviewing: 'interviewing', interview: 'interviewing', interviews: 'interviewing', onsite: 'interviewing', technicalinterview: 'interviewing', takehome: 'interviewing',
  offer: 'offer', offered: 'offer', offerreceived: 'offer',
  accepted: 'accepted', hired: 'accepted', acceptedoffer: 'accepted',
  rejected: 'rejected', rejection: 'rejected', declined: 'rejected', denied: 'rejected', no: 'rejected', turneddown: 'rejected',
  withdrawn: 'withdrawn', withdrew: 'withdrawn', withdraw: 'withdrawn',
  ghosted: 'ghosted', noresponse: 'ghosted', noreply: 'ghosted', noanswer: 'ghosted',
};

export function parseSheetStatus(raw: string): ApplicationStatus | null | 'invalid' {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (key === '') return null;
  return STATUS_WORDS[key] ?? 'invalid';
}

function parseSheetUrl(raw: string): string | null | 'invalid' {
  const value = raw.trim();
  if (value === '') return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : /^[\w-]+(\.[\w-]+)+([/?#]\S*)?$/.test(value) ? `https://${value}` : value;
  try {
    const url = new URL(candidate);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && candidate.length <= 2000) return url.toString();
  } catch {
    // fall through
  }
  return 'invalid';
}

export interface ImportRowValues {
  company: string;
  title: string;
  url: string | null;
  status: ApplicationStatus;
  appliedAt: Date | null;
  nextFollowUpAt: Date | null;
  notes: string;
  contact: string | null;
  salaryDiscussed: string | null;
  resumeLink: string | null;
}

export interface PreviewRow {
  /** The row number as the spreadsheet shows it (header = 1). */
  line: number;
  values: ImportRowValues | null;
  /** Field → message; empty when the row is fine. */
  errors: Partial<Record<ImportField, string>>;
  /** Imported before, or a repeat of an earlier row in this file: it will be skipped. */
  duplicate: boolean;
  importKey: string | null;
}

export interface ImportPreview {
  headers: string[];
  mapping: ColumnMapping;
  /** Problems with the file or mapping as a whole (a missing Company column). */
  fileErrors: Record<string, string>;
  rows: PreviewRow[];
  valid: number;
  invalid: number;
  /** Valid rows that will be skipped as already imported. */
  duplicates: number;
  /** Valid rows that will be created. */
  toCreate: number;
}

const LIMITS: Partial<Record<ImportField, number>> = { company: 300, title: 300, notes: 20_000, contact: 500, salaryDiscussed: 200, resumeLink: 2000 };

function readRow(cells: string[], index: Partial<Record<ImportField, number>>): { values: ImportRowValues | null; errors: PreviewRow['errors'] } {
  const cell = (field: ImportField) => {
    const i = index[field];
    return i === undefined ? '' : unguard((cells[i] ?? '').trim());
  };
  const errors: PreviewRow['errors'] = {};
  const company = cell('company');
  const title = cell('title');
  if (!company) errors.company = 'Company is empty.';
  if (!title) errors.title = 'Title is empty.';
  for (const [field, max] of Object.entries(LIMITS) as [ImportField, number][]) {
    if (cell(field).length > max) errors[field] = `At most ${max} characters.`;
  }
  const url = parseSheetUrl(cell('url'));
  if (url === 'invalid') errors.url = `"${cell('url').slice(0, 60)}" is not a web link.`;
  const appliedAt = parseSheetDate(cell('appliedAt'));
  if (appliedAt === 'invalid') errors.appliedAt = `"${cell('appliedAt').slice(0, 40)}" is not a date (use 2026-11-25).`;
  const nextFollowUpAt = parseSheetDate(cell('nextFollowUpAt'));
  if (nextFollowUpAt === 'invalid') errors.nextFollowUpAt = `"${cell('nextFollowUpAt').slice(0, 40)}" is not a date (use 2026-11-25).`;
  const rawStatus = parseSheetStatus(cell('status'));
  if (rawStatus === 'invalid') errors.status = `Unknown status "${cell('status').slice(0, 40)}": use one of ${APPLICATION_STATUSES.join(', ')}.`;
  if (Object.keys(errors).length > 0) return { values: null, errors };
  const applied = appliedAt as Date | null;
  const status = (rawStatus as ApplicationStatus | null) ?? (applied ? 'applied' : 'saved');
  return {
    values: {
      company,
      title,
      url: url as string | null,
      status,
      appliedAt: applied,
      nextFollowUpAt: nextFollowUpAt as Date | null,
      notes: cell('notes'),
      contact: cell('contact') || null,
      salaryDiscussed: cell('salaryDiscussed') || null,
      resumeLink: cell('resumeLink') || null,
    },
    errors,
  };
}

/**
 * What identifies a row across imports: company, title, link and applied date, normalised.
 * Editing notes or status in the spreadsheet and importing again adds no second copy.
 */
export function importKey(values: Pick<ImportRowValues, 'company' | 'title' | 'url' | 'appliedAt'>): string {
  const norm = (s: string | null) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  const url = norm(values.url).replace(/\/+$/, '');
  return createHash('sha256')
    .update(JSON.stringify([norm(values.company), norm(values.title), url, day(values.appliedAt)]))
    .digest('hex')
    .slice(0, 40);
}

/** Check every row without writing anything. */
export async function previewImport(db: Db, userId: string, text: string, override?: Partial<ColumnMapping>): Promise<ImportPreview> {
  const { headers, rows } = parseCsvText(text);
  const mapping = { ...detectMapping(headers), ...(override ?? {}) } as ColumnMapping;
  const fileErrors: Record<string, string> = {};
  const index: Partial<Record<ImportField, number>> = {};
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field];
    if (header === null || header === undefined || header === '') {
      mapping[field] = null;
      continue;
    }
    const i = headers.indexOf(header);
    if (i < 0) fileErrors[`mapping.${field}`] = `The file has no column "${header}".`;
    else index[field] = i;
  }
  for (const field of ['company', 'title'] as const) {
    if (mapping[field] === null) {
      fileErrors[`mapping.${field}`] = `Pick the column that holds the ${field === 'company' ? 'company' : 'job title'} (found: ${headers.filter(Boolean).join(', ') || 'no headers'}).`;
    }
  }
  if (Object.keys(fileErrors).length > 0) {
    return { headers, mapping, fileErrors, rows: [], valid: 0, invalid: 0, duplicates: 0, toCreate: 0 };
  }

  const preview: PreviewRow[] = rows.map(({ line, cells }) => {
    const { values, errors } = readRow(cells, index);
    return { line, values, errors, duplicate: false, importKey: values ? importKey(values) : null };
  });
  const keys = [...new Set(preview.flatMap((r) => (r.importKey ? [r.importKey] : [])))];
  const existing = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const found = await db
      .select({ key: applications.importKey })
      .from(applications)
      .where(and(eq(applications.userId, userId), inArray(applications.importKey, keys.slice(i, i + 1000))));
    for (const f of found) if (f.key) existing.add(f.key);
  }
  const seen = new Set<string>();
  for (const row of preview) {
    if (!row.importKey) continue;
    row.duplicate = existing.has(row.importKey) || seen.has(row.importKey);
    seen.add(row.importKey);
  }
  const valid = preview.filter((r) => r.values).length;
  const duplicates = preview.filter((r) => r.values && r.duplicate).length;
  if (rows.length === 0) fileErrors.file = 'The file has a header row but no applications under it.';
  return { headers, mapping, fileErrors, rows: preview, valid, invalid: preview.length - valid, duplicates, toCreate: valid - duplicates };
}

export interface ImportResult {
  created: number;
  skipped: number;
  preview: ImportPreview;
}

/**
 * Import the file: all rows or none. CsvInvalidError (with the preview) when any row or the
 * mapping is wrong; rows imported before are skipped (ON CONFLICT DO NOTHING on the import key).
 */
export async function importApplications(
  db: Db,
  userId: string,
  text: string,
  override?: Partial<ColumnMapping>,
  now = new Date(),
): Promise<ImportResult> {
  const preview = await previewImport(db, userId, text, override);
  if (preview.invalid > 0 || Object.keys(preview.fileErrors).length > 0) throw new CsvInvalidError(preview);
  const rows: NewApplication[] = preview.rows.map((r) => ({
    ...r.values!,
    userId,
    importKey: r.importKey!,
    createdAt: now,
    // The spreadsheet's applied date is the last news we have: an old application still
    // waiting is offered as "ghosted" right away instead of 14 days after the import.
    updatedAt: r.values!.appliedAt && r.values!.appliedAt < now ? r.values!.appliedAt : now,
    appliedAt: r.values!.appliedAt ?? (APPLIED_OR_BEYOND.includes(r.values!.status) ? now : null),
  }));
  const created = await db.transaction(async (tx) => {
    let count = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await tx
        .insert(applications)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing({ target: [applications.userId, applications.importKey], where: sql`import_key is not null` })
        .returning({ id: applications.id, status: applications.status, appliedAt: applications.appliedAt });
      if (inserted.length > 0) {
        await tx.insert(applicationEvents).values(
          inserted.map((a) => ({
            applicationId: a.id,
            userId,
            fromStatus: null,
            toStatus: a.status,
            note: 'Imported from CSV',
            at: a.status !== 'saved' && a.appliedAt ? a.appliedAt : now,
          })),
        );
      }
      count += inserted.length;
    }
    return count;
  });
  return { created, skipped: rows.length - created, preview };
}
