import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listApplications } from '@/lib/applications/applications';
import { XLSX_CONTENT_TYPE } from '@/lib/applications/sheet';
import { acting } from '@/test/support/acting-user';
import { insertUser } from '@/test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
const importer = await import('./route');
const one = await import('../[id]/route');

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../../../lib/applications/fixtures', name), 'utf8');
const req = (query: string, init: RequestInit) => new NextRequest(`http://localhost/api/applications/import${query}`, init as ConstructorParameters<typeof NextRequest>[1]);
const send = (form: FormData, query = '', headers: Record<string, string> = {}) => importer.POST(req(query, { method: 'POST', body: form, headers }));
const formOf = (file: Blob, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.set('file', file, 'sheet');
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
};

interface PreviewJson {
  mapping: Record<string, string | null>;
  columns: { header: string; field: string | null; inNotes: boolean; note: string | null }[];
  statusValues: { value: string; rows: number; guess: string; known: boolean; status: string }[];
  dateOrder: { order: string; decidedBy: string; locale: string | null; localeFrom: string | null; message: string };
  valid: number;
  invalid: number;
  rows: { line: number; values: { appliedAt: string | null; status: string; company: string } | null }[];
}

describe(`POST /api/applications/import, the JSON route (${TEST_DRIVER})`, () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    acting.db = t.db;
  });
  afterAll(async () => t?.close());

  it('previews a tracker export with statusValues, takes a statusMapping, and imports without editing the sheet', async () => {
    const user = (await insertUser(t.db)).id;
    acting.userId = user;
    const csv = new Blob([fixture('tracker-export.csv')], { type: 'text/csv' });
    const preview = await send(formOf(csv), '?dryRun=1');
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as PreviewJson;
    expect(body.mapping).toMatchObject({ title: 'Job Position', company: 'Employer', nextFollowUpAt: null });
    expect(body.columns.find((c) => c.header === 'Follow Up')!.note).toMatch(/not dates/);
    expect(body.statusValues).toContainEqual({ value: 'Parked', rows: 1, guess: 'applied', known: false, status: 'applied' });
    expect(body.statusValues).toContainEqual({ value: 'Declined', rows: 1, guess: 'rejected', known: true, status: 'rejected' });

    const chosen = (await (await send(formOf(csv, { statusMapping: JSON.stringify({ Parked: 'saved', Declined: 'withdrawn' }) }), '?dryRun=1')).json()) as PreviewJson;
    expect(chosen.statusValues.find((s) => s.value === 'Parked')).toMatchObject({ guess: 'applied', status: 'saved' });

    const bad = await send(formOf(csv, { statusMapping: JSON.stringify({ Parked: 'limbo' }) }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fields: object }).fields).toHaveProperty('statusMapping');

    const imported = await send(formOf(csv, { statusMapping: JSON.stringify({ Parked: 'saved' }) }));
    expect(await imported.json()).toEqual({ created: 11, skipped: 0 });
    const rows = await listApplications(t.db, user);
    expect(rows.find((r) => r.company === 'Relecloud')!.status).toBe('saved');
    expect(rows.find((r) => r.company === 'Woodgrove')!.status).toBe('rejected');
    expect(await (await send(formOf(csv))).json()).toEqual({ created: 0, skipped: 11 });
  });

  it('all or nothing by default; skipInvalid imports the valid rows and hands back the skipped ones as CSV', async () => {
    const user = (await insertUser(t.db)).id;
    acting.userId = user;
    const csv = new Blob([fixture('hand-kept-sheet.csv')], { type: 'text/csv' });
    const refused = await send(formOf(csv));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ valid: 6, invalid: 1, error: expect.stringMatching(/import the 6 valid rows and skip it/) });
    expect(await listApplications(t.db, user)).toHaveLength(0);

    const done = await send(formOf(csv, { skipInvalid: '1' }));
    expect(done.status).toBe(200);
    const body = (await done.json()) as { created: number; skipped: number; invalid: number; skippedRows: unknown[]; skippedCsv: string };
    expect(body).toMatchObject({ created: 6, skipped: 0, invalid: 1, skippedRows: [{ line: 8, errors: { company: 'Company is empty.' } }] });
    expect(body.skippedCsv.split('\r\n')[0]).toBe('\uFEFFCompany,Role,Link,Status,Date Applied,Excitement,Source,Location,Salary,Contact Email,Interview Date,Notes,Reason');
    expect(body.skippedCsv).toContain('Row 8: Company: Company is empty.');
    const beta = (await listApplications(t.db, user)).find((r) => r.company === 'Beta Systems')!;
    const got = (await (await one.GET(new NextRequest(`http://localhost/api/applications/${beta.id}`), { params: Promise.resolve({ id: beta.id }) })).json()) as Record<string, unknown> & { timeline: { kind: string }[] };
    expect(got).toMatchObject({ source: 'referral', location: 'Berlin, DE', contactEmail: 'jane@beta.example' });
    expect(got.timeline.map((e) => e.kind)).toEqual(['status', 'interview']);
  });

  it('reads ambiguous dates by the locale field, else Accept-Language, and says which', async () => {
    acting.userId = (await insertUser(t.db)).id;
    const csv = new Blob(['Company,Title,Date Applied\nAcme,Dev,3/4/2026\n'], { type: 'text/csv' });
    const us = (await (await send(formOf(csv), '?dryRun=1')).json()) as PreviewJson;
    expect(us.dateOrder).toMatchObject({ order: 'month-first', decidedBy: 'default' });
    expect(us.rows[0]!.values!.appliedAt).toBe('2026-03-04');
    const header = (await (await send(formOf(csv), '?dryRun=1', { 'accept-language': 'de-DE,de;q=0.9' })).json()) as PreviewJson;
    expect(header.dateOrder).toMatchObject({ order: 'day-first', decidedBy: 'locale', locale: 'de-DE', localeFrom: 'accept-language' });
    expect(header.dateOrder.message).toMatch(/browser/);
    expect(header.rows[0]!.values!.appliedAt).toBe('2026-04-03');
    const field = (await (await send(formOf(csv, { locale: 'en-US' }), '?dryRun=1', { 'accept-language': 'de-DE' })).json()) as PreviewJson;
    expect(field.dateOrder).toMatchObject({ order: 'month-first', decidedBy: 'locale', locale: 'en-US', localeFrom: 'request' });
    expect((await send(formOf(csv, { locale: '??' }), '?dryRun=1')).status).toBe(400);
  });

  it('takes an .xlsx workbook as multipart or as the body, the sheet picked by name', async () => {
    acting.userId = (await insertUser(t.db)).id;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['nothing here']);
    const sheet = workbook.addWorksheet('Jobs');
    sheet.addRow(['Job Title', 'Employer', 'Date Applied', 'Status']);
    sheet.addRow(['Go Dev', 'Initech', new Date(Date.UTC(2026, 10, 3)), '🟡 Applied']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const preview = (await (await send(formOf(new Blob([bytes]), { sheet: 'Jobs' }), '?dryRun=1')).json()) as PreviewJson & { sheets: string[]; sheet: string };
    expect(preview).toMatchObject({ sheets: ['Notes', 'Jobs'], sheet: 'Jobs', valid: 1 });
    const body = await importer.POST(req('?sheet=Jobs', { method: 'POST', body: bytes, headers: { 'content-type': XLSX_CONTENT_TYPE } }));
    expect(await body.json()).toEqual({ created: 1, skipped: 0 });
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect((await importer.POST(req('', { method: 'POST', body: big, headers: { 'content-type': XLSX_CONTENT_TYPE } }))).status).toBe(413);
  });
});
