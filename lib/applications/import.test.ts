import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boards } from '../../db/schema';
import { insertApplicationEvent, insertUser } from '../../test/support/factories';
import { insertProfile } from '../../test/support/time-factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { BadInputError } from '../errors';
import { listInterviews } from '../interviews/interviews';
import { createManual, listApplications, timeline } from './applications';
import { exportCsv } from './csv';
import { chooseLocale, CsvInvalidError, importApplications, parseStatusMappingParam, previewImport, skippedRowsCsv } from './import';
import { localeDateOrder, parseSheetDate } from '../dates/sheet';
import { acceptLanguageLocale, guessStatus, readSource } from './sheet-values';
import { sheetFileFromBytes } from './sheet';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('reading sheet cells', () => {
  const at = (raw: string, order: 'month-first' | 'day-first' = 'month-first', timeZone = 'UTC') => {
    const d = parseSheetDate(raw, { order, timeZone });
    return d instanceof Date ? d.toISOString() : d;
  };

  it('reads the common date forms, the order deciding ambiguous ones, times in the user’s zone', () => {
    expect(at('2024-01-15')).toBe('2024-01-15T00:00:00.000Z');
    expect(at('1/15/2024')).toBe('2024-01-15T00:00:00.000Z');
    expect(at('15/1/2024')).toBe('2024-01-15T00:00:00.000Z'); // over 12: day first whatever the order
    expect(at('15.01.2024')).toBe('2024-01-15T00:00:00.000Z');
    expect(at('Jan 15, 2024')).toBe('2024-01-15T00:00:00.000Z');
    expect(at('Monday, January 15, 2024')).toBe('2024-01-15T00:00:00.000Z');
    expect(at('45306')).toBe('2024-01-15T00:00:00.000Z'); // spreadsheet serial number
    expect(at('45306.75')).toBe('2024-01-15T18:00:00.000Z');
    expect(at('3/4/2026')).toBe('2026-03-04T00:00:00.000Z');
    expect(at('3/4/2026', 'day-first')).toBe('2026-04-03T00:00:00.000Z');
    // Wall-clock times are the user's: 14:30 in Berlin in January is 13:30 UTC.
    expect(at('2024-01-15 14:30', 'month-first', 'Europe/Berlin')).toBe('2024-01-15T13:30:00.000Z');
    expect(at('1/15/2024 2:30 PM', 'month-first', 'America/New_York')).toBe('2024-01-15T19:30:00.000Z');
    // A day alone is a day, whatever the zone (stored at midnight UTC like every date in trackend).
    expect(at('Jan 15, 2024', 'month-first', 'Asia/Tokyo')).toBe('2024-01-15T00:00:00.000Z');
    expect(at('2024-01-15T14:30:00Z', 'month-first', 'Asia/Tokyo')).toBe('2024-01-15T14:30:00.000Z');
    for (const bad of ['next week', '13/13/2026', '2026-02-30', '1/1/1850', '99999', 'Jan 15, 2024 25:00']) expect(at(bad)).toBe('invalid');
  });

  it('takes the date order from a locale: the request field first, then Accept-Language', () => {
    expect(localeDateOrder('en-US')).toBe('month-first');
    expect(localeDateOrder('en-GB')).toBe('day-first');
    expect(localeDateOrder('de-DE')).toBe('day-first');
    expect(acceptLanguageLocale('de-DE,de;q=0.9,en;q=0.8')).toBe('de-DE');
    expect(acceptLanguageLocale('*')).toBeNull();
    expect(chooseLocale('en-GB', 'en-US')).toEqual({ locale: 'en-GB', from: 'request' });
    expect(chooseLocale(null, 'fr-FR,fr;q=0.9')).toEqual({ locale: 'fr-FR', from: 'accept-language' });
    expect(chooseLocale(null, null)).toBeNull();
    expect(() => chooseLocale('not a locale!', null)).toThrow(BadInputError);
  });

  it('guesses statuses from the words, emoji and decorations ignored', () => {
    const cases: Record<string, string> = {
      Interviewed: 'interviewing',
      'Technical Interview': 'interviewing',
      'Final Round': 'interviewing',
      'Phone screen': 'screening',
      'Screening Call': 'screening',
      'Email Sent': 'applied',
      Waiting: 'applied',
      'No response': 'ghosted',
      Declined: 'rejected',
      'Offer declined': 'withdrawn',
      'I withdrew': 'withdrawn',
      'Rejected after onsite': 'rejected',
      '🟡 Applied': 'applied',
      '[OFFER] 🎉': 'offer',
      'Offer accepted!': 'accepted',
      Wishlist: 'saved',
    };
    for (const [words, status] of Object.entries(cases)) expect([words, guessStatus(words)]).toEqual([words, { status, known: true }]);
    expect(guessStatus('⏳ In limbo')).toEqual({ status: 'applied', known: false });
  });

  it('reads where a job was found', () => {
    const known = [{ id: 'golang-cafe', name: 'Golang Cafe' }];
    expect(readSource('Golang Cafe', known)).toEqual({ source: 'board', board: 'golang-cafe' });
    expect(readSource('golang-cafe', known)).toEqual({ source: 'board', board: 'golang-cafe' });
    expect(readSource('Indeed')).toEqual({ source: 'board', board: 'Indeed' });
    expect(readSource('LinkedIn Easy Apply')).toEqual({ source: 'linkedin', board: null });
    expect(readSource('Referred by Sam')).toEqual({ source: 'referral', board: null });
    expect(readSource('Recruiter reached out')).toEqual({ source: 'recruiter', board: null });
    expect(readSource('cold email')).toEqual({ source: 'cold_email', board: null });
    expect(readSource('company_site')).toEqual({ source: 'company_site', board: null });
    expect(readSource('Careers page')).toEqual({ source: 'company_site', board: null });
    expect(readSource('A meetup')).toEqual({ source: 'other', board: null });
    expect(readSource('')).toBeNull();
  });

  it('parses a status mapping parameter', () => {
    expect(parseStatusMappingParam('{"Parked":"saved"}')).toEqual({ Parked: 'saved' });
    expect(parseStatusMappingParam(undefined)).toBeUndefined();
    expect(() => parseStatusMappingParam('{"Parked":"maybe"}')).toThrow(BadInputError);
    expect(() => parseStatusMappingParam('[1')).toThrow(/statusMapping/);
  });
});

describe(`import from sheets in many shapes (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(boards).values({ id: 'golang-cafe', name: 'Golang Cafe', kind: 'rss', url: 'https://golang.cafe/rss' }).onConflictDoNothing();
  });
  afterAll(async () => {
    await database.close();
  });
  const now = new Date('2026-11-25T10:00:00Z');

  it('a hand-kept Google Sheet: emoji statuses, day-first dates, extra columns, one row without a company', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    await insertProfile(db, user, { timeZone: 'Europe/Berlin' });
    const sheet = fixture('hand-kept-sheet.csv');

    const preview = await previewImport(db, user, sheet);
    expect(preview.mapping).toMatchObject({
      company: 'Company',
      title: 'Role',
      url: 'Link',
      status: 'Status',
      appliedAt: 'Date Applied',
      source: 'Source',
      location: 'Location',
      salaryDiscussed: 'Salary',
      contactEmail: 'Contact Email',
      interviewAt: 'Interview Date',
      notes: 'Notes',
    });
    expect(preview.columns.find((c) => c.header === 'Excitement')).toEqual({ header: 'Excitement', field: null, inNotes: true, note: null });
    // 15/10/2026 can only be day first, so 03/11/2026 is 3 November.
    expect(preview.dateOrder).toMatchObject({ order: 'day-first', decidedBy: 'sheet' });
    expect(preview.statusValues.map((s) => [s.value, s.status, s.known])).toEqual([
      ['🟡 Applied', 'applied', true],
      ['🟢 Interview', 'interviewing', true],
      ['❌ Rejected', 'rejected', true],
      ['⏳ In limbo', 'applied', false],
      ['📞 Phone screen', 'screening', true],
      ['💤 No response', 'ghosted', true],
      ['Applied', 'applied', true],
    ]);
    expect(preview).toMatchObject({ valid: 6, invalid: 1, toCreate: 6 });
    expect(preview.rows[6]).toMatchObject({ line: 8, values: null, errors: { company: 'Company is empty.' } });

    // All or nothing by default; the user may choose to skip the wrong row.
    await expect(importApplications(db, user, sheet, { now })).rejects.toBeInstanceOf(CsvInvalidError);
    expect(await listApplications(db, user)).toHaveLength(0);
    const result = await importApplications(db, user, sheet, { now, skipInvalid: true, statusMapping: { '⏳ In limbo': 'screening' } });
    expect(result).toMatchObject({ created: 6, skipped: 0, invalid: 1 });
    const skipped = Papa.parse<string[]>(skippedRowsCsv(result.preview).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(skipped[0]).toEqual([...preview.headers, 'Reason']);
    expect(skipped[1]!.slice(0, 2)).toEqual(['', 'Missing company']);
    expect(skipped[1]!.at(-1)).toBe('Row 8: Company: Company is empty.');

    const rows = await listApplications(db, user, { status: [], sort: 'company' });
    const by = (company: string) => rows.find((r) => r.company === company)!;
    expect(by('Acme Cloud')).toMatchObject({
      title: 'Backend Engineer (Go)',
      status: 'applied',
      appliedAt: new Date('2026-11-03T00:00:00Z'), // 3 November
      source: 'board',
      board: 'golang-cafe',
      location: 'Remote (EU)',
      salaryDiscussed: '€55k',
      notes: 'Sent CV v2\nExcitement: 9',
    });
    expect(by('Beta Systems')).toMatchObject({
      status: 'interviewing',
      appliedAt: new Date('2026-10-15T12:30:00Z'), // 14:30 in Berlin (summer time)
      source: 'referral',
      contactEmail: 'jane@beta.example',
      location: 'Berlin, DE',
      url: 'https://beta.example/careers/go',
    });
    expect((await timeline(db, user, by('Beta Systems').id)).map((e) => [e.kind, e.toStatus, e.at.toISOString()])).toEqual([
      ['status', 'interviewing', '2026-10-15T12:30:00.000Z'],
      ['interview', 'interviewing', '2026-11-20T09:00:00.000Z'],
    ]);
    // The interview date is an interview too (an hour, until the user says otherwise), so it reaches the calendar feed.
    expect((await listInterviews(db, user, by('Beta Systems').id)).map((i) => [i.startsAt.toISOString(), i.minutes, i.notes])).toEqual([
      ['2026-11-20T09:00:00.000Z', 60, 'From the spreadsheet'],
    ]);
    expect(await listInterviews(db, user, by('Gamma Data').id)).toEqual([]);
    expect(by('Gamma Data')).toMatchObject({ status: 'rejected', source: 'linkedin', contactEmail: 'hr@gamma.example' });
    expect(by('Delta Pay')).toMatchObject({ status: 'screening', source: 'company_site', notes: 'Talked at meetup\nExcitement: 8' });
    expect(by('Epsilon')).toMatchObject({ status: 'screening', source: 'recruiter' });
    expect(by('Zeta')).toMatchObject({ status: 'ghosted', source: 'board', board: 'Meetup board' });

    // Re-importing adds nothing, even with the row fixed.
    const fixed = sheet.replace(',Missing company', 'Nobody Inc,Missing company');
    expect(await importApplications(db, user, fixed, { now, skipInvalid: true })).toMatchObject({ created: 1, skipped: 6, invalid: 0 });
    expect(await listApplications(db, user)).toHaveLength(7);
  });

  it('a tracker export (Huntr/Teal/Notion shape): Job Position, Employer, a free-text follow-up column, unknown status words', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    const sheet = fixture('tracker-export.csv');
    const preview = await previewImport(db, user, sheet);
    expect(preview.fileErrors).toEqual({});
    expect(preview.mapping).toMatchObject({ title: 'Job Position', company: 'Employer', url: 'Job URL', appliedAt: 'Date Applied', nextFollowUpAt: null, location: 'Location' });
    expect(preview.columns.find((c) => c.header === 'Follow Up')).toMatchObject({ field: null, inNotes: true, note: expect.stringMatching(/text, not dates: kept in the notes/) });
    expect(Object.fromEntries(preview.statusValues.map((s) => [s.value, s.guess]))).toEqual({
      Interviewed: 'interviewing',
      'Technical Interview': 'interviewing',
      'Final Round': 'interviewing',
      'Phone screen': 'screening',
      'Screening Call': 'screening',
      'Email Sent': 'applied',
      Waiting: 'applied',
      'No response': 'ghosted',
      Declined: 'rejected',
      'Offer declined': 'withdrawn',
      Parked: 'applied',
    });
    expect(preview.statusValues.find((s) => s.value === 'Parked')!.known).toBe(false);
    expect(preview).toMatchObject({ valid: 11, invalid: 0 });

    const result = await importApplications(db, user, sheet, { now, statusMapping: { Parked: 'saved' } });
    expect(result).toMatchObject({ created: 11, skipped: 0 });
    const rows = await listApplications(db, user);
    const northwind = rows.find((r) => r.company === 'Northwind')!;
    expect(northwind).toMatchObject({
      title: 'Backend Engineer',
      status: 'interviewing',
      appliedAt: new Date('2024-01-15T00:00:00Z'),
      nextFollowUpAt: null,
      salaryDiscussed: '$120k',
      notes: 'Great team\nFollow Up: Send thank-you note\nExcitement: 5 stars',
    });
    expect(rows.find((r) => r.company === 'Relecloud')).toMatchObject({ status: 'saved' });
    expect(rows.find((r) => r.company === 'Fourth Coffee')).toMatchObject({ status: 'withdrawn' });
  });

  it('an .xlsx workbook: the first sheet or the one picked, date cells, serial numbers, link cells', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('Read me');
    notes.addRow(['How I track my search']);
    const jobs = workbook.addWorksheet('Applications 2026');
    jobs.addRow(['Position', 'Organization', 'Posting', 'Applied On', 'Stage', 'Interview', 'Priority']);
    jobs.addRow(['Go Engineer', 'Initech', { text: 'Apply', hyperlink: 'https://initech.example/jobs/1' }, new Date(Date.UTC(2026, 10, 3)), 'Applied', null, 'High']);
    jobs.addRow([{ richText: [{ text: 'Backend ' }, { text: 'Dev' }] }, 'Hooli', 'https://hooli.example/j', 46329, '🔥 Onsite', new Date(Date.UTC(2026, 10, 20, 15, 0)), 'Low']);
    jobs.addRow(['SRE', 'Globex', null, { formula: 'DATE(2026,11,10)', result: new Date(Date.UTC(2026, 10, 10)) }, null, null, null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const first = await previewImport(db, user, sheetFileFromBytes(bytes));
    expect(first).toMatchObject({ sheets: ['Read me', 'Applications 2026'], sheet: 'Read me' });
    expect(Object.keys(first.fileErrors)).toContain('mapping.company');

    const picked = sheetFileFromBytes(bytes, 'Applications 2026');
    const preview = await previewImport(db, user, picked);
    expect(preview).toMatchObject({ sheet: 'Applications 2026', valid: 3, invalid: 0, fileErrors: {} });
    expect(preview.mapping).toMatchObject({ title: 'Position', company: 'Organization', url: 'Posting', appliedAt: 'Applied On', status: 'Stage', interviewAt: 'Interview' });
    expect(preview.rows.map((r) => [r.values!.title, r.values!.url, r.values!.appliedAt?.toISOString(), r.values!.status, r.values!.notes])).toEqual([
      ['Go Engineer', 'https://initech.example/jobs/1', '2026-11-03T00:00:00.000Z', 'applied', 'Priority: High'],
      ['Backend Dev', 'https://hooli.example/j', '2026-11-03T00:00:00.000Z', 'interviewing', 'Priority: Low'],
      ['SRE', null, '2026-11-10T00:00:00.000Z', 'applied', ''],
    ]);
    expect(preview.rows[1]!.values!.interviewAt).toEqual(new Date('2026-11-20T15:00:00Z'));
    expect(await importApplications(db, user, picked, { now })).toMatchObject({ created: 3 });
    expect(await importApplications(db, user, picked, { now })).toMatchObject({ created: 0, skipped: 3 });
    await expect(previewImport(db, user, sheetFileFromBytes(bytes, 'Nope'))).rejects.toThrow(/no sheet "Nope"/);
    await expect(previewImport(db, user, { kind: 'xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) })).rejects.toThrow(/Excel workbook/);
  });

  it("the project's own export, new fields included, re-imports as it was", async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    await insertProfile(db, user, { timeZone: 'America/New_York' });
    const original = await createManual(db, user, {
      company: 'Roundtrip',
      title: 'Go Dev',
      status: 'applied',
      appliedAt: '2026-11-02',
      source: 'cold_email',
      location: 'Remote (US)',
      contactEmail: 'cto@roundtrip.example',
      notes: 'Wrote to the CTO',
    });
    await insertApplicationEvent(db, user, original.id, { kind: 'interview', fromStatus: 'applied', toStatus: 'applied', at: new Date('2026-11-20T15:00:00Z') });
    const csv = await exportCsv(db, user);
    expect(csv).toContain(',2026-11-20 10:00\r\n'); // 10:00 in New York
    const other = (await insertUser(db)).id;
    await insertProfile(db, other, { timeZone: 'America/New_York' });
    const preview = await previewImport(db, other, csv);
    expect(preview.columns.filter((c) => c.header === 'Created' || c.header === 'Updated').map((c) => c.inNotes)).toEqual([false, false]);
    expect(await importApplications(db, other, csv, { now })).toMatchObject({ created: 1 });
    const [copy] = await listApplications(db, other);
    expect(copy).toMatchObject({
      company: 'Roundtrip',
      status: 'applied',
      appliedAt: new Date('2026-11-02T00:00:00Z'),
      source: 'cold_email',
      location: 'Remote (US)',
      contactEmail: 'cto@roundtrip.example',
      notes: 'Wrote to the CTO',
    });
    expect((await timeline(db, other, copy!.id)).find((e) => e.kind === 'interview')!.at).toEqual(new Date('2026-11-20T15:00:00Z'));
  });
});
