import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '../../db/schema';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { insertUser } from '../../test/support/factories';
import { BadInputError } from '../errors';
import { createManual, listApplications, possiblyGhosted, timeline } from './applications';
import { exportCsv, neutralizeCell } from './csv';
import { CSV_MAX_BYTES, CsvInvalidError, CsvTooLargeError, detectMapping, importApplications, parseMappingParam, previewImport } from './import';
import { parseSheetDate } from '../dates/sheet';
import { guessStatus } from './sheet-values';

describe('csv helpers', () => {
  it('neutralises formula cells', () => {
    expect(neutralizeCell('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    for (const c of ['+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeCell(c)).toBe(`'${c}`);
    expect(neutralizeCell('Acme = good')).toBe('Acme = good');
  });

  it('detects the usual spreadsheet headers', () => {
    expect(detectMapping(['Company', 'Position', 'Link', 'Status', 'Date Applied', 'Notes', 'Follow up'])).toEqual({
      company: 'Company',
      title: 'Position',
      url: 'Link',
      status: 'Status',
      appliedAt: 'Date Applied',
      nextFollowUpAt: 'Follow up',
      interviewAt: null,
      notes: 'Notes',
      contact: null,
      contactEmail: null,
      salaryDiscussed: null,
      location: null,
      source: null,
      board: null,
      resumeLink: null,
    });
    expect(detectMapping(['Employer', 'Job Title', 'URL', 'applied_on'])).toMatchObject({
      company: 'Employer',
      title: 'Job Title',
      url: 'URL',
      appliedAt: 'applied_on',
    });
    expect(detectMapping(['Role', 'Organisation'])).toMatchObject({ company: 'Organisation', title: 'Role' });
  });

  it('reads dates as spreadsheets write them', () => {
    const iso = (v: string) => {
      const d = parseSheetDate(v);
      return d instanceof Date ? d.toISOString().slice(0, 10) : d;
    };
    expect(iso('2026-11-05')).toBe('2026-11-05');
    expect(iso('2026/11/05')).toBe('2026-11-05');
    expect(iso('11/5/2026')).toBe('2026-11-05');
    expect(iso('25/11/2026')).toBe('2026-11-25');
    expect(iso('5.11.2026')).toBe('2026-11-05');
    expect(iso('Nov 5, 2026')).toBe('2026-11-05');
    expect(iso('5 November 2026')).toBe('2026-11-05');
    expect(iso('2026-11-05T10:00:00Z')).toBe('2026-11-05');
    expect(iso('')).toBeNull();
    for (const bad of ['2026-02-30', 'yesterday', '13/13/2026', '1/1/1850', 'Foo 5, 2026']) expect(iso(bad)).toBe('invalid');
  });

  it('maps status words, guessing for unknown ones', () => {
    expect(guessStatus('Phone screen')).toEqual({ status: 'screening', known: true });
    expect(guessStatus('Interview')).toEqual({ status: 'interviewing', known: true });
    expect(guessStatus('No response')).toEqual({ status: 'ghosted', known: true });
    expect(guessStatus('')).toBeNull();
    expect(guessStatus('maybe?')).toEqual({ status: 'applied', known: false });
  });

  it('parses a mapping parameter', () => {
    expect(parseMappingParam('{"company":"Employer","url":null}')).toEqual({ company: 'Employer', url: null });
    expect(parseMappingParam('')).toBeUndefined();
    expect(() => parseMappingParam('{oops')).toThrow(BadInputError);
    expect(() => parseMappingParam('{"salary":"x"}')).toThrow(BadInputError);
  });
});

describe(`csv import/export (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  const SHEET = [
    'Company,Position,Link,Status,Date Applied,Notes,Follow up',
    'Acme,Backend Engineer,https://acme.example/jobs/1,Applied,11/3/2026,"Sent CV, v2",2026-11-20',
    'Beta,Go Developer,beta.example/careers/go,Interview,2026-11-01,,',
    'Gamma,API Engineer,,,,"line one\nline two",',
  ].join('\n');

  it('previews rows, imports all of them, and skips them on re-import', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    const preview = await previewImport(db, user, SHEET);
    expect(preview).toMatchObject({ valid: 3, invalid: 0, duplicates: 0, toCreate: 3, fileErrors: {} });
    expect(preview.rows[0]!.values).toMatchObject({
      company: 'Acme',
      title: 'Backend Engineer',
      url: 'https://acme.example/jobs/1',
      status: 'applied',
      appliedAt: new Date('2026-11-03T00:00:00Z'),
      notes: 'Sent CV, v2',
      nextFollowUpAt: new Date('2026-11-20T00:00:00Z'),
    });
    expect(preview.rows[1]!.values).toMatchObject({ url: 'https://beta.example/careers/go', status: 'interviewing' });
    expect(preview.rows[2]!.values).toMatchObject({ status: 'saved', appliedAt: null, notes: 'line one\nline two' });
    expect(await listApplications(db, user)).toHaveLength(0); // the preview wrote nothing

    const now = new Date('2026-11-25T10:00:00Z');
    const first = await importApplications(db, user, SHEET, { now });
    expect(first).toMatchObject({ created: 3, skipped: 0 });
    const rows = await listApplications(db, user, { status: [], sort: 'company' });
    expect(rows.map((r) => [r.company, r.status])).toEqual([
      ['Acme', 'applied'],
      ['Beta', 'interviewing'],
      ['Gamma', 'saved'],
    ]);
    expect(await timeline(db, user, rows[0]!.id)).toMatchObject([{ fromStatus: null, toStatus: 'applied', note: 'Imported from CSV', at: new Date('2026-11-03T00:00:00Z') }]);

    // An old application still waiting is offered as ghosted at once.
    expect((await possiblyGhosted(db, user, now)).map((a) => a.company)).toEqual(['Beta', 'Acme']);

    // Same file again (with an edited note and CRLF line ends): nothing new.
    const again = await importApplications(db, user, SHEET.replace('Sent CV, v2', 'Sent CV, v3').replace(/\n(?=[A-Z])/g, '\r\n'));
    expect(again).toMatchObject({ created: 0, skipped: 3 });
    expect((await previewImport(db, user, SHEET)).duplicates).toBe(3);
    expect(await listApplications(db, user)).toHaveLength(3);

    // Another user importing the same file gets their own copies.
    const other = (await insertUser(db)).id;
    expect((await importApplications(db, other, SHEET)).created).toBe(3);
  });

  it('skips a row repeated inside one file', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    const text = 'Company,Title\nAcme,Dev\nacme ,  dev\nBeta,Dev\n';
    const preview = await previewImport(db, user, text);
    expect(preview).toMatchObject({ valid: 3, duplicates: 1, toCreate: 2 });
    expect(await importApplications(db, user, text)).toMatchObject({ created: 2, skipped: 1 });
  });

  it('writes nothing when any row is wrong, naming each problem by row', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    const text = [
      'Company,Title,Status,Date Applied,URL',
      'Good,Row,applied,2026-11-01,https://ok.example',
      ',Missing company,applied,2026-11-01,',
      'Bad date,Row,applied,31/31/2026,',
      'Unknown status,Row,maybe,,',
      'Bad link,Row,,,javascript:alert(1)',
    ].join('\n');
    const preview = await previewImport(db, user, text);
    expect(preview.valid).toBe(2);
    expect(preview.invalid).toBe(3);
    expect(preview.rows.map((r) => [r.line, Object.keys(r.errors)])).toEqual([
      [2, []],
      [3, ['company']],
      [4, ['appliedAt']],
      [5, []],
      [6, ['url']],
    ]);
    // An unknown status word is a guess for the user to confirm, never a refusal.
    expect(preview.statusValues.find((v) => v.value === 'maybe')).toEqual({ value: 'maybe', rows: 1, guess: 'applied', known: false, status: 'applied' });
    const error = await importApplications(db, user, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvInvalidError);
    expect((error as CsvInvalidError).message).toMatch(/3 rows have problems; nothing was imported/);
    expect(await listApplications(db, user)).toHaveLength(0);
  });

  it('asks for a mapping when the columns are wrong, and uses one when given', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    const text = 'Outfit,Job Name Here,Applied When\nAcme,Dev,2026-11-02\n';
    const preview = await previewImport(db, user, text);
    expect(Object.keys(preview.fileErrors)).toEqual(['mapping.company', 'mapping.title']);
    expect(preview.fileErrors['mapping.company']).toMatch(/found: Outfit, Job Name Here, Applied When/);
    await expect(importApplications(db, user, text)).rejects.toBeInstanceOf(CsvInvalidError);
    const bad = await previewImport(db, user, text, { mapping: { company: 'Nope', title: 'Job Name Here' } });
    expect(bad.fileErrors).toEqual({ 'mapping.company': 'The file has no column "Nope".' });
    const mapped = await importApplications(db, user, text, { mapping: { company: 'Outfit', title: 'Job Name Here', appliedAt: 'Applied When' } });
    expect(mapped.created).toBe(1);
    expect((await listApplications(db, user))[0]).toMatchObject({ company: 'Acme', status: 'applied', appliedAt: new Date('2026-11-02T00:00:00Z') });
  });

  it('refuses an oversized file, an empty one, a binary one and an unclosed quote', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    const big = `Company,Title\n${'Acme,Backend Engineer with a long title\n'.repeat(Math.ceil((10 * 1024 * 1024) / 40))}`;
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    await expect(previewImport(db, user, big)).rejects.toBeInstanceOf(CsvTooLargeError);
    await expect(previewImport(db, user, 'x'.repeat(CSV_MAX_BYTES + 1))).rejects.toBeInstanceOf(CsvTooLargeError);
    await expect(previewImport(db, user, '')).rejects.toThrow(/empty/);
    await expect(previewImport(db, user, 'Company,Title\u0000\n')).rejects.toThrow(/not a CSV/);
    await expect(previewImport(db, user, 'Company,Title\n"Acme,Dev\n')).rejects.toThrow(/never closed/);
    const headerOnly = await previewImport(db, user, 'Company,Title\n');
    expect(headerOnly.fileErrors.file).toMatch(/no applications/);
    await expect(importApplications(db, user, 'Company,Title\n')).rejects.toBeInstanceOf(CsvInvalidError);
  });

  it('round-trips through export, neutralising formulas and restoring them on import', async () => {
    const { db } = database;
    const user = (await insertUser(db)).id;
    await createManual(db, user, {
      company: '=HYPERLINK("http://evil.example","click")',
      title: 'Backend, "Go"',
      url: 'https://jobs.example/1',
      status: 'interviewing',
      appliedAt: '2026-11-02',
      nextFollowUpAt: '2026-11-30',
      notes: 'multi\nline, with "quotes"',
      contact: '@recruiter',
      salaryDiscussed: '-10% vs ask',
      resumeLink: 'https://cv.example/v1',
    });
    await createManual(db, user, { company: 'Plain', title: 'Dev' });
    const csv = await exportCsv(db, user);
    expect(csv.startsWith('\uFEFFCompany,Title,URL,Status,Date Applied,Follow up,Notes')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(3);
    const row = parsed[1]!;
    // No cell of the export starts with a formula character.
    for (const cell of parsed.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(row.slice(0, 10)).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      'Backend, "Go"',
      'https://jobs.example/1',
      'interviewing',
      '2026-11-02',
      '2026-11-30',
      'multi\nline, with "quotes"',
      "'@recruiter",
      "'-10% vs ask",
      'https://cv.example/v1',
    ]);

    const other = (await insertUser(db)).id;
    expect(await importApplications(db, other, csv)).toMatchObject({ created: 2, skipped: 0 });
    const [imported] = await db.select().from(applications).where(eq(applications.company, '=HYPERLINK("http://evil.example","click")'));
    expect(imported).toBeDefined();
    const copy = (await listApplications(db, other, { status: [], sort: 'company' })).find((a) => a.title === 'Backend, "Go"')!;
    expect(copy).toMatchObject({
      company: '=HYPERLINK("http://evil.example","click")',
      status: 'interviewing',
      appliedAt: new Date('2026-11-02T00:00:00Z'),
      nextFollowUpAt: new Date('2026-11-30T00:00:00Z'),
      notes: 'multi\nline, with "quotes"',
      contact: '@recruiter',
      salaryDiscussed: '-10% vs ask',
    });
    // The second export equals the first in every column but the timestamps.
    const strip = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.map((r) => r.slice(0, 10));
    expect(strip(await exportCsv(db, other)).sort()).toEqual(strip(csv).sort());
    // Exporting touches only the user's own rows.
    expect(await exportCsv(db, (await insertUser(db)).id)).toBe(
      '\uFEFFCompany,Title,URL,Status,Date Applied,Follow up,Notes,Contact,Salary discussed,Resume link,Board,Created,Updated,Source,Location,Contact email,Interview\r\n',
    );
  });
});
