import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { z } from 'zod';
import { applicationEvents, applications, boards, interviews, type NewApplication } from '../../db/schema';
import type { Db } from '../../db/types';
import { BadInputError, fieldErrors } from '../errors';
import { getProfile } from '../profile/profile';
import { EXPORT_HEADERS, neutralizeCell } from './csv';
import { APPLIED_OR_BEYOND, statusSchema, type ApplicationStatus } from './schemas';
import { localeDateOrder, parseSheetDate, slashDateParts, type DateOrder, type DateReading } from '../dates/sheet';
import { storedDayText } from '../dates/zone';
import { acceptLanguageLocale, guessStatus, parseSheetEmail, parseSheetUrl, readSource, type KnownBoard } from './sheet-values';
import { readSheet, type SheetFile, type SheetTable } from './sheet';
import { DATE_FIELDS, IMPORT_FIELD_LABEL, IMPORT_FIELDS, type ApplicationSource, type ColumnMapping, type ImportField } from './statuses';

/** The length an interview read from a sheet gets (sheets give its date, not how long it lasts). */
const IMPORTED_INTERVIEW_MINUTES = 60;

// Import from any spreadsheet: columns matched by their names and by what their cells hold,
// each status word of the sheet shown with trackend's guess (the user may change it), dates in
// the user's locale and time zone, every other column kept in the notes. All rows or none,
// unless the user chooses to skip the invalid ones; rows imported before are skipped.

export { CsvTooLargeError, SHEET_MAX_BYTES as CSV_MAX_BYTES, SHEET_MAX_ROWS as CSV_MAX_ROWS, type SheetFile } from './sheet';

/** Some rows (or the column mapping) are wrong: nothing was written. */
export class CsvInvalidError extends BadInputError {
  constructor(readonly preview: ImportPreview) {
    super(
      preview.invalid > 0 && Object.keys(preview.fileErrors).length === 0
        ? `${preview.invalid} row${preview.invalid === 1 ? ' has' : 's have'} problems; nothing was imported. Fix them, or import the ${preview.valid} valid row${preview.valid === 1 ? '' : 's'} and skip ${preview.invalid === 1 ? 'it' : 'them'}.`
        : 'Map the Company and Title columns; nothing was imported.',
      preview.fileErrors,
    );
    this.name = 'CsvInvalidError';
  }
}

// ---------------------------------------------------------------- columns

// Normalised header names (lowercase letters and digits only) seen in job-search sheets and
// the exports of trackers (Huntr, Teal, Notion and Airtable templates, Google Sheets).
const HEADER_NAMES: Record<ImportField, string[]> = {
  company: ['company', 'companyname', 'employer', 'organization', 'organisation', 'org', 'business', 'firm', 'hiringcompany'],
  title: ['title', 'jobtitle', 'jobposition', 'position', 'positiontitle', 'positionname', 'role', 'jobrole', 'roletitle', 'job', 'jobname', 'opening', 'vacancy'],
  url: ['url', 'link', 'joblink', 'joburl', 'posting', 'jobposting', 'postinglink', 'postingurl', 'jobpostingurl', 'listing', 'listingurl', 'joblisting', 'website', 'applicationlink', 'applicationurl'],
  status: ['status', 'stage', 'state', 'applicationstatus', 'jobstatus', 'progress', 'pipeline', 'outcome', 'result'],
  appliedAt: ['dateapplied', 'applied', 'applieddate', 'appliedon', 'appliedat', 'applicationdate', 'dateofapplication', 'date', 'datesubmitted', 'submitted', 'submittedon'],
  nextFollowUpAt: ['followup', 'followupdate', 'nextfollowup', 'nextfollowupdate', 'followupon', 'followupby', 'followupat', 'nextstep', 'nextstepdate', 'remind', 'reminder', 'reminderdate'],
  interviewAt: ['interviewdate', 'interview', 'interviewon', 'interviewat', 'interviewtime', 'interviewdatetime', 'interviewscheduled', 'nextinterview', 'dateofinterview'],
  notes: ['notes', 'note', 'comments', 'comment', 'details', 'remarks'],
  contact: ['contact', 'contactperson', 'contactname', 'recruiter', 'recruitername', 'hiringmanager', 'referral', 'referrer', 'pointofcontact', 'poc'],
  contactEmail: ['contactemail', 'email', 'emailaddress', 'recruiteremail', 'contactemailaddress', 'hiringmanageremail'],
  salaryDiscussed: ['salary', 'salarydiscussed', 'compensation', 'pay', 'salaryrange', 'expectedsalary', 'comp', 'payrange'],
  location: ['location', 'joblocation', 'city', 'place', 'where', 'remoteonsite', 'workplace', 'officelocation'],
  source: ['source', 'jobsource', 'foundon', 'foundvia', 'foundthrough', 'wherefound', 'howfound', 'howdidyoufindit', 'channel', 'via', 'platform', 'jobboard'],
  board: ['board'],
  resumeLink: ['resume', 'resumelink', 'resumeused', 'cv', 'cvlink', 'resumeversion', 'portfolio', 'portfoliolink'],
};

const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');
const emptyMapping = () => Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ColumnMapping;

/** Guess which column holds each field from the header row alone (each column used once). */
export function detectMapping(headers: string[]): ColumnMapping {
  const mapping = emptyMapping();
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

/** What the import does with one column of the sheet. */
export interface ColumnUse {
  header: string;
  field: ImportField | null;
  /** Kept in each row's notes as "Header: value". */
  inNotes: boolean;
  /** Why the column was read the way it was, when its name alone would say otherwise. */
  note: string | null;
}

// Columns of trackend's own export that are not the user's data.
const OWN_EXPORT_TIMESTAMPS = ['Created', 'Updated'];

/** How many of the column's filled cells `accept` takes, of how many filled cells. */
function share(rows: SheetTable['rows'], index: number, accept: (value: string) => boolean): { filled: number; ratio: number } {
  let filled = 0;
  let accepted = 0;
  for (const { cells } of rows) {
    const value = (cells[index] ?? '').trim();
    if (!value) continue;
    filled++;
    if (accept(value)) accepted++;
  }
  return { filled, ratio: filled === 0 ? 1 : accepted / filled };
}

const anyOrderDate = (value: string) =>
  parseSheetDate(value, { order: 'month-first', timeZone: 'UTC' }) !== 'invalid' || parseSheetDate(value, { order: 'day-first', timeZone: 'UTC' }) !== 'invalid';

/**
 * The mapping from the header names, checked against the cells: a date column of free text,
 * a link column without links or an email column without addresses goes to the notes instead
 * (and says so); an unnamed column of links or addresses is used for the link or email.
 */
export function matchColumns(sheet: SheetTable): { mapping: ColumnMapping; notes: Partial<Record<string, string>> } {
  const { headers, rows } = sheet;
  const mapping = detectMapping(headers);
  const notes: Partial<Record<string, string>> = {};
  const indexOf = (header: string) => headers.indexOf(header);
  for (const field of DATE_FIELDS) {
    const header = mapping[field];
    if (header === null) continue;
    const { filled, ratio } = share(rows, indexOf(header), anyOrderDate);
    if (filled > 0 && ratio < 0.5) {
      mapping[field] = null;
      notes[header] = `Holds text, not dates: kept in the notes instead of the ${IMPORT_FIELD_LABEL[field].toLowerCase()}.`;
    }
  }
  if (mapping.url !== null) {
    const { filled, ratio } = share(rows, indexOf(mapping.url), (v) => parseSheetUrl(v) !== 'invalid');
    if (filled > 0 && ratio < 0.5) {
      notes[mapping.url] = 'Holds text, not links: kept in the notes.';
      mapping.url = null;
    }
  }
  const isEmail = (v: string) => parseSheetEmail(v) !== 'invalid';
  if (mapping.contactEmail !== null && share(rows, indexOf(mapping.contactEmail), isEmail).ratio < 0.5) {
    if (mapping.contact === null) {
      mapping.contact = mapping.contactEmail;
      notes[mapping.contactEmail] = 'Holds names, not email addresses: read as the contact.';
    } else notes[mapping.contactEmail] = 'Holds text, not email addresses: kept in the notes.';
    mapping.contactEmail = null;
  }
  if (mapping.contact !== null && mapping.contactEmail === null) {
    const { filled, ratio } = share(rows, indexOf(mapping.contact), isEmail);
    if (filled > 0 && ratio === 1) {
      mapping.contactEmail = mapping.contact;
      notes[mapping.contact] = 'Holds email addresses: read as the contact email.';
      mapping.contact = null;
    }
  }
  const used = new Set(Object.values(mapping).filter((h): h is string => h !== null));
  for (const [field, accept, what] of [
    ['url', (v: string) => /^https?:\/\//i.test(v), 'links'],
    ['contactEmail', isEmail, 'email addresses'],
  ] as const) {
    if (mapping[field] !== null) continue;
    const header = headers.find((h, i) => h && !used.has(h) && !notes[h] && share(rows, i, accept).filled > 0 && share(rows, i, accept).ratio >= 0.8);
    if (header) {
      mapping[field] = header;
      used.add(header);
      notes[header] = `Holds ${what}: read as the ${IMPORT_FIELD_LABEL[field].toLowerCase()}.`;
    }
  }
  return { mapping, notes };
}

/** A mapping sent by a client: field → header name; blank or null means "not in this file". */
export const mappingSchema = z
  .record(z.string(), z.string().max(200).nullable())
  .refine((m) => Object.keys(m).every((k) => (IMPORT_FIELDS as readonly string[]).includes(k)), {
    error: `Map only these fields: ${IMPORT_FIELDS.join(', ')}.`,
  });

/** A status mapping sent by a client: the sheet's status value → a trackend status. */
export const statusMappingSchema = z.record(z.string().max(200), statusSchema).refine((m) => Object.keys(m).length <= 500, { error: 'At most 500 status values.' });

function parseJsonParam<T>(value: string | null | undefined, schema: z.ZodType<T>, name: string, example: string): T | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new BadInputError(`The ${name} must be a JSON object such as ${example}.`, { [name]: 'must be a JSON object' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error, name);
    throw new BadInputError(`${name}: ${fields[name]!}`, fields);
  }
  return parsed.data;
}

/** Parse a `mapping` value (a JSON object) from a form field or query parameter. */
export function parseMappingParam(value: string | null | undefined): Partial<ColumnMapping> | undefined {
  return parseJsonParam(value, mappingSchema, 'mapping', '{"company":"Employer"}');
}

/** Parse a `statusMapping` value (a JSON object) from a form field or query parameter. */
export function parseStatusMappingParam(value: string | null | undefined): Record<string, ApplicationStatus> | undefined {
  return parseJsonParam(value, statusMappingSchema, 'statusMapping', '{"🟡 Waiting":"applied"}');
}

// ---------------------------------------------------------------- dates: which order

export interface LocaleChoice {
  locale: string;
  /** A `locale` field of the request, or the browser's Accept-Language header. */
  from: 'request' | 'accept-language';
}

/** The locale that decides ambiguous dates: the request's own field first, then Accept-Language. */
export function chooseLocale(field: string | null | undefined, acceptLanguage: string | null | undefined): LocaleChoice | null {
  if (field && field.trim()) {
    const locale = acceptLanguageLocale(field.trim());
    if (!locale || !localeDateOrder(locale)) throw new BadInputError(`"${field.slice(0, 40)}" is not a locale such as en-US or de-DE.`, { locale: 'Send a locale such as en-US or de-DE.' });
    return { locale, from: 'request' };
  }
  const header = acceptLanguageLocale(acceptLanguage);
  return header && localeDateOrder(header) ? { locale: header, from: 'accept-language' } : null;
}

export interface DateOrderDecision {
  order: DateOrder;
  decidedBy: 'sheet' | 'locale' | 'default';
  locale: string | null;
  localeFrom: LocaleChoice['from'] | null;
  /** One sentence for the preview. */
  message: string;
}

function decideDateOrder(sheet: SheetTable, dateColumns: number[], locale: LocaleChoice | null): DateOrderDecision {
  let dayFirst = false;
  let monthFirst = false;
  let ambiguous = false;
  for (const { cells } of sheet.rows) {
    for (const i of dateColumns) {
      const parts = slashDateParts(cells[i] ?? '');
      if (!parts) continue;
      if (parts[0] > 12 && parts[1] <= 12) dayFirst = true;
      else if (parts[1] > 12 && parts[0] <= 12) monthFirst = true;
      else if (parts[0] <= 12 && parts[1] <= 12 && parts[0] !== parts[1]) ambiguous = true;
    }
  }
  const base = { locale: locale?.locale ?? null, localeFrom: locale?.from ?? null };
  if (dayFirst !== monthFirst) {
    const order: DateOrder = dayFirst ? 'day-first' : 'month-first';
    return { ...base, order, decidedBy: 'sheet', message: `Dates like 3/4/2026 read ${order === 'day-first' ? 'day first (3 April)' : 'month first (March 4)'}: other dates in this sheet are written that way.` };
  }
  const fromLocale = locale ? localeDateOrder(locale.locale) : null;
  const order: DateOrder = fromLocale ?? 'month-first';
  const reading = order === 'day-first' ? 'day first (3 April)' : 'month first (March 4)';
  if (fromLocale && locale) {
    const where = locale.from === 'request' ? 'the locale you chose' : "your browser's language";
    return { ...base, order, decidedBy: 'locale', message: `${ambiguous ? 'Dates like 3/4/2026 read' : 'Any date like 3/4/2026 would read'} ${reading}, as ${locale.locale} writes them (${where}).` };
  }
  return { ...base, order, decidedBy: 'default', message: `${ambiguous ? 'Dates like 3/4/2026 read' : 'Any date like 3/4/2026 would read'} ${reading}; send a locale to read them the other way.` };
}

// ---------------------------------------------------------------- rows

export interface ImportRowValues {
  company: string;
  title: string;
  url: string | null;
  status: ApplicationStatus;
  appliedAt: Date | null;
  nextFollowUpAt: Date | null;
  interviewAt: Date | null;
  notes: string;
  contact: string | null;
  contactEmail: string | null;
  salaryDiscussed: string | null;
  location: string | null;
  source: ApplicationSource | null;
  board: string | null;
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
  /** The row's cells as the sheet has them (for the skipped-rows CSV). */
  cells: string[];
  /** Company and title as the sheet writes them, to name a row that has problems. */
  raw: { company: string; title: string };
}

export interface StatusValue {
  /** The value as the sheet writes it. */
  value: string;
  rows: number;
  /** trackend's guess from the words. */
  guess: ApplicationStatus;
  /** False when no rule knew the words: "applied" is a placeholder for the user to confirm. */
  known: boolean;
  /** What the import will use: the user's choice, else the guess. */
  status: ApplicationStatus;
}

export interface ImportPreview {
  headers: string[];
  mapping: ColumnMapping;
  columns: ColumnUse[];
  statusValues: StatusValue[];
  dateOrder: DateOrderDecision;
  timeZone: string;
  /** Workbooks: the sheet names and the one read. */
  sheets: string[];
  sheet: string | null;
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

const LIMITS: Partial<Record<ImportField, number>> = { company: 300, title: 300, notes: 20_000, contact: 500, salaryDiscussed: 200, location: 300, resumeLink: 2000 };

/** Undo our own export's formula guard: an apostrophe before = + - @ goes. */
const unguard = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

interface RowContext {
  index: Partial<Record<ImportField, number>>;
  extras: { header: string; index: number }[];
  reading: DateReading;
  statusOf: (raw: string) => ApplicationStatus | null;
  boards: readonly KnownBoard[];
}

function readRow(cells: string[], ctx: RowContext): { values: ImportRowValues | null; errors: PreviewRow['errors'] } {
  const cell = (field: ImportField) => {
    const i = ctx.index[field];
    return i === undefined ? '' : unguard((cells[i] ?? '').trim());
  };
  const errors: PreviewRow['errors'] = {};
  const kept: string[] = [];
  const company = cell('company');
  const title = cell('title');
  if (!company) errors.company = 'Company is empty.';
  if (!title) errors.title = 'Title is empty.';
  for (const [field, max] of Object.entries(LIMITS) as [ImportField, number][]) {
    if (cell(field).length > max) errors[field] = `At most ${max} characters.`;
  }
  const url = parseSheetUrl(cell('url'));
  if (url === 'invalid') errors.url = `"${cell('url').slice(0, 60)}" is not a web link.`;
  const dates = {} as Record<(typeof DATE_FIELDS)[number], Date | null>;
  for (const field of DATE_FIELDS) {
    const value = parseSheetDate(cell(field), ctx.reading);
    if (value === 'invalid') errors[field] = `"${cell(field).slice(0, 40)}" is not a date (use 2026-11-25).`;
    else dates[field] = value;
  }
  const email = parseSheetEmail(cell('contactEmail'));
  if (email === 'invalid') kept.push(`${IMPORT_FIELD_LABEL.contactEmail}: ${cell('contactEmail')}`);
  const source = readSource(cell('source'), ctx.boards);
  if (source?.source === 'other' && cell('source').toLowerCase() !== 'other') kept.push(`Source: ${cell('source')}`);
  if (Object.keys(errors).length > 0) return { values: null, errors };

  for (const { header, index } of ctx.extras) {
    const value = unguard((cells[index] ?? '').trim());
    if (value) kept.push(`${header || `Column ${index + 1}`}: ${value}`);
  }
  const notes = [cell('notes'), ...kept].filter(Boolean).join('\n');
  if (notes.length > 20_000) return { values: null, errors: { notes: 'The notes and the extra columns come to more than 20,000 characters.' } };
  const board = cell('board') || source?.board || null;
  const status = ctx.statusOf(cell('status')) ?? (dates.appliedAt ? 'applied' : 'saved');
  return {
    values: {
      company,
      title,
      url,
      status,
      appliedAt: dates.appliedAt,
      nextFollowUpAt: dates.nextFollowUpAt,
      interviewAt: dates.interviewAt,
      notes,
      contact: cell('contact') || null,
      contactEmail: email === 'invalid' ? null : email,
      salaryDiscussed: cell('salaryDiscussed') || null,
      location: cell('location') || null,
      source: source?.source ?? (board ? 'board' : null),
      board,
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
    .update(JSON.stringify([norm(values.company), norm(values.title), url, storedDayText(values.appliedAt)]))
    .digest('hex')
    .slice(0, 40);
}

export interface ImportOptions {
  /** Field → header; overrides the columns trackend matched. */
  mapping?: Partial<ColumnMapping>;
  /** The sheet's status value → status; values left out use the guess. */
  statusMapping?: Record<string, ApplicationStatus>;
  /** Import the valid rows and skip the invalid ones (else: all rows or none). */
  skipInvalid?: boolean;
  /** Decides dates like 3/4/2026 when the sheet itself does not. */
  locale?: LocaleChoice | null;
  /** Wall-clock dates are read in this zone; the user's profile zone by default. */
  timeZone?: string;
  now?: Date;
}

const asFile = (file: SheetFile | string): SheetFile => (typeof file === 'string' ? { kind: 'csv', text: file } : file);

/** Check every row without writing anything. */
export async function previewImport(db: Db, userId: string, file: SheetFile | string, options: ImportOptions = {}): Promise<ImportPreview> {
  const sheet = await readSheet(asFile(file));
  const { headers, rows } = sheet;
  const timeZone = options.timeZone ?? (await getProfile(db, userId)).timeZone;
  const matched = matchColumns(sheet);
  const mapping = { ...matched.mapping, ...(options.mapping ?? {}) };
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

  const ownExport = EXPORT_HEADERS.every((h) => headers.includes(h));
  const mappedIndexes = new Set(Object.values(index));
  const columns: ColumnUse[] = headers.map((header, i) => {
    const field = (Object.entries(index).find(([, at]) => at === i)?.[0] as ImportField | undefined) ?? null;
    const ignored = (ownExport && OWN_EXPORT_TIMESTAMPS.includes(header)) || (!header && share(rows, i, () => true).filled === 0);
    const userChose = options.mapping !== undefined && Object.values(options.mapping).includes(header);
    return {
      header,
      field,
      inNotes: field === null && !ignored,
      note: ignored && header ? "trackend's own timestamp: not imported." : userChose ? null : (matched.notes[header] ?? null),
    };
  });
  const extras = columns.flatMap((c, i) => (c.inNotes && !mappedIndexes.has(i) ? [{ header: c.header, index: i }] : []));

  const dateOrder = decideDateOrder(sheet, DATE_FIELDS.flatMap((f) => (index[f] === undefined ? [] : [index[f]])), options.locale ?? null);
  const statusValues = collectStatusValues(rows, index.status, options.statusMapping ?? {});
  const statusByValue = new Map(statusValues.map((s) => [s.value, s.status]));
  const base = { headers, mapping, columns, statusValues, dateOrder, timeZone, sheets: sheet.sheets, sheet: sheet.sheet };
  if (Object.keys(fileErrors).length > 0) {
    return { ...base, fileErrors, rows: [], valid: 0, invalid: 0, duplicates: 0, toCreate: 0 };
  }

  const known = await db.select({ id: boards.id, name: boards.name }).from(boards);
  const ctx: RowContext = {
    index,
    extras,
    reading: { order: dateOrder.order, timeZone },
    statusOf: (raw) => statusByValue.get(unguard(raw.trim())) ?? null,
    boards: known,
  };
  const preview: PreviewRow[] = rows.map(({ line, cells }) => {
    const { values, errors } = readRow(cells, ctx);
    const rawCell = (field: ImportField) => (index[field] === undefined ? '' : (cells[index[field]] ?? '').trim().slice(0, 300));
    return { line, values, errors, duplicate: false, importKey: values ? importKey(values) : null, cells, raw: { company: rawCell('company'), title: rawCell('title') } };
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
  return { ...base, fileErrors, rows: preview, valid, invalid: preview.length - valid, duplicates, toCreate: valid - duplicates };
}

function collectStatusValues(rows: SheetTable['rows'], column: number | undefined, chosen: Record<string, ApplicationStatus>): StatusValue[] {
  if (column === undefined) return [];
  const counts = new Map<string, number>();
  for (const { cells } of rows) {
    const value = unguard((cells[column] ?? '').trim());
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  // The user's choices are matched exactly, then without case and spacing differences.
  const loose = new Map(Object.entries(chosen).map(([k, v]) => [k.trim().toLowerCase().replace(/\s+/g, ' '), v]));
  return [...counts].map(([value, count]) => {
    const { status: guess, known } = guessStatus(value)!;
    const status = chosen[value] ?? loose.get(value.toLowerCase().replace(/\s+/g, ' ')) ?? guess;
    return { value, rows: count, guess, known, status };
  });
}

/** The rows that were not imported, as they were in the sheet, with a Reason column (formula-safe). */
export function skippedRowsCsv(preview: ImportPreview): string {
  const invalid = preview.rows.filter((r) => !r.values);
  const reasonHeader = preview.headers.includes('Reason') ? 'Reason (trackend)' : 'Reason';
  const data = invalid.map((r) => {
    const reason = Object.entries(r.errors)
      .map(([field, message]) => `${IMPORT_FIELD_LABEL[field as ImportField]}: ${message}`)
      .join(' ');
    return [...preview.headers.map((_, i) => r.cells[i] ?? ''), `Row ${r.line}: ${reason}`].map(neutralizeCell);
  });
  const body = Papa.unparse({ fields: [...preview.headers, reasonHeader], data }, { newline: '\r\n' });
  return `\uFEFF${body.replace(/(\r\n)?$/, '\r\n')}`;
}

export interface ImportResult {
  created: number;
  /** Valid rows not created: imported before (or repeated in the file). */
  skipped: number;
  /** Rows left out as invalid (only with `skipInvalid`). */
  invalid: number;
  preview: ImportPreview;
}

/**
 * Import the file: all rows or none (CsvInvalidError with the preview when any row or the
 * mapping is wrong), or with `skipInvalid` the valid rows only. Rows imported before are
 * skipped (ON CONFLICT DO NOTHING on the import key). An interview date becomes an interview (an hour
 * long, in the calendar feed and on the dashboard) and a dated event on the application's timeline.
 */
export async function importApplications(db: Db, userId: string, file: SheetFile | string, options: ImportOptions = {}): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const sheetFile = asFile(file);
  const note = sheetFile.kind === 'xlsx' ? 'Imported from Excel' : 'Imported from CSV';
  const preview = await previewImport(db, userId, sheetFile, options);
  if (Object.keys(preview.fileErrors).length > 0 || (preview.invalid > 0 && !options.skipInvalid)) throw new CsvInvalidError(preview);
  const valid = preview.rows.filter((r) => r.values);
  const rows: NewApplication[] = valid.map((r) => {
    const { interviewAt: _interview, ...values } = r.values!;
    return {
      ...values,
      userId,
      importKey: r.importKey!,
      createdAt: now,
      // The spreadsheet's applied date is the last news we have: an old application still
      // waiting is offered as "ghosted" right away instead of 14 days after the import.
      updatedAt: values.appliedAt && values.appliedAt < now ? values.appliedAt : now,
      appliedAt: values.appliedAt ?? (APPLIED_OR_BEYOND.includes(values.status) ? now : null),
    };
  });
  const interviewAt = new Map(valid.map((r) => [r.importKey!, r.values!.interviewAt]));
  const created = await db.transaction(async (tx) => {
    let count = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await tx
        .insert(applications)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing({ target: [applications.userId, applications.importKey], where: sql`import_key is not null` })
        .returning({ id: applications.id, status: applications.status, appliedAt: applications.appliedAt, importKey: applications.importKey });
      if (inserted.length > 0) {
        const events: (typeof applicationEvents.$inferInsert)[] = inserted.map((a) => ({
          applicationId: a.id,
          userId,
          fromStatus: null,
          toStatus: a.status,
          note,
          at: a.status !== 'saved' && a.appliedAt ? a.appliedAt : now,
        }));
        const slots: (typeof interviews.$inferInsert)[] = [];
        for (const a of inserted) {
          const at = a.importKey ? interviewAt.get(a.importKey) : null;
          if (!at) continue;
          events.push({ applicationId: a.id, userId, kind: 'interview', fromStatus: a.status, toStatus: a.status, note: 'Interview (from the spreadsheet)', at });
          // A sheet gives the date (and maybe the time), never the length: an hour, editable after.
          slots.push({ applicationId: a.id, userId, startsAt: at, minutes: IMPORTED_INTERVIEW_MINUTES, notes: 'From the spreadsheet' });
        }
        await tx.insert(applicationEvents).values(events);
        if (slots.length) await tx.insert(interviews).values(slots);
      }
      count += inserted.length;
    }
    return count;
  });
  return { created, skipped: rows.length - created, invalid: preview.invalid, preview };
}
