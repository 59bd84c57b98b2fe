import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import {
  chooseLocale,
  CSV_MAX_BYTES,
  CsvInvalidError,
  CsvTooLargeError,
  importApplications,
  parseMappingParam,
  parseStatusMappingParam,
  previewImport,
  skippedRowsCsv,
  type ImportPreview,
} from '@/lib/applications/import';
import { sheetFileFromBytes, XLSX_CONTENT_TYPE, type SheetFile } from '@/lib/applications/sheet';
import { formatSheetDate } from '@/lib/dates/sheet';
import { BadInputError, PayloadTooLargeError } from '@/lib/errors';
import { requireUser } from '@/lib/auth/session';
import { handle, json, readBodyBytes } from '../../http';

export const dynamic = 'force-dynamic';

// Multipart framing around the file may add a little; the file itself is checked against the cap.
const BODY_LIMIT = CSV_MAX_BYTES + 64 * 1024;

const tooLarge = () => json({ error: new CsvTooLargeError().message, fields: new CsvTooLargeError().fields }, 413);

/** The body through the shared capped reader; null past the limit. */
async function readCapped(request: Request): Promise<Uint8Array | null> {
  try {
    return await readBodyBytes(request, BODY_LIMIT);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return null;
    throw error;
  }
}

/** The preview as the API shows it (dates as the user's local day, with the time when the sheet gave one; raw cells left out). */
function previewJson(preview: ImportPreview) {
  const local = (d: Date | null) => (d ? formatSheetDate(d, preview.timeZone) : null);
  return {
    headers: preview.headers,
    mapping: preview.mapping,
    columns: preview.columns,
    statusValues: preview.statusValues,
    dateOrder: preview.dateOrder,
    timeZone: preview.timeZone,
    sheets: preview.sheets,
    sheet: preview.sheet,
    fileErrors: preview.fileErrors,
    valid: preview.valid,
    invalid: preview.invalid,
    duplicates: preview.duplicates,
    toCreate: preview.toCreate,
    rows: preview.rows.map((r) => ({
      line: r.line,
      errors: r.errors,
      duplicate: r.duplicate,
      raw: r.raw,
      values: r.values && {
        ...r.values,
        appliedAt: local(r.values.appliedAt),
        nextFollowUpAt: local(r.values.nextFollowUpAt),
        interviewAt: local(r.values.interviewAt),
      },
    })),
  };
}

const FLAG = (value: string | null | undefined) => ['1', 'true', 'on', 'yes'].includes((value ?? '').toLowerCase());
const CSV_TYPES = /^(text\/(csv|plain)|application\/(csv|octet-stream|vnd\.ms-excel))\b/;

/**
 * POST /api/applications/import: a CSV or .xlsx workbook as multipart (`file`, with optional
 * fields `mapping`, `statusMapping` (JSON), `sheet`, `locale`, `skipInvalid`) or as a text/csv
 * or xlsx body (the same as query parameters). `?dryRun=1` previews (200, nothing written).
 * Otherwise imports all rows or none: 200 { created, skipped }, 400 with per-row errors; with
 * skipInvalid the valid rows: 200 { created, skipped, invalid, skippedRows, skippedCsv }. 413 over 2 MB.
 */
export const POST = handle(async (request: NextRequest) => {
  const user = await requireUser();
  const query = request.nextUrl.searchParams;
  const bytes = await readCapped(request);
  if (!bytes) return tooLarge();

  const type = request.headers.get('content-type') ?? '';
  const params = new Map<string, string>();
  for (const key of ['mapping', 'statusMapping', 'sheet', 'locale', 'skipInvalid', 'dryRun']) {
    const value = query.get(key);
    if (value !== null) params.set(key, value);
  }
  let upload: Uint8Array;
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': type } }).formData();
    } catch {
      // A malformed multipart body is the client's mistake: say so instead of a 500.
      throw new BadInputError('The upload could not be read as a form.', { file: 'Send the file as the "file" field.' });
    }
    const file = form.get('file');
    if (!(file instanceof Blob)) throw new BadInputError('Attach the CSV or .xlsx file as the "file" field.', { file: 'Attach a CSV or .xlsx file.' });
    if (file.size > CSV_MAX_BYTES) return tooLarge();
    upload = new Uint8Array(await file.arrayBuffer());
    for (const key of ['mapping', 'statusMapping', 'sheet', 'locale', 'skipInvalid']) {
      const value = form.get(key);
      if (typeof value === 'string' && value.trim()) params.set(key, value);
    }
  } else if (type === '' || CSV_TYPES.test(type) || type.startsWith(XLSX_CONTENT_TYPE)) {
    upload = new Uint8Array(bytes);
  } else {
    throw new BadInputError('Send the file as multipart/form-data (field "file"), as a text/csv body or as an .xlsx body.', {
      file: `unsupported content type ${type.split(';')[0]}`,
    });
  }
  if (upload.byteLength > CSV_MAX_BYTES) return tooLarge();
  const file: SheetFile = sheetFileFromBytes(upload, params.get('sheet') || null);
  const options = {
    mapping: parseMappingParam(params.get('mapping')),
    statusMapping: parseStatusMappingParam(params.get('statusMapping')),
    locale: chooseLocale(params.get('locale'), request.headers.get('accept-language')),
    skipInvalid: FLAG(params.get('skipInvalid')),
  };
  const db = await getDb();
  try {
    if (FLAG(params.get('dryRun'))) return json(previewJson(await previewImport(db, user.id, file, options)));
    const { created, skipped, invalid, preview } = await importApplications(db, user.id, file, options);
    if (!options.skipInvalid) return json({ created, skipped });
    const skippedRows = preview.rows.filter((r) => !r.values).map((r) => ({ line: r.line, errors: r.errors }));
    return json({ created, skipped, invalid, skippedRows, skippedCsv: invalid > 0 ? skippedRowsCsv(preview) : null });
  } catch (error) {
    if (error instanceof CsvTooLargeError) return tooLarge();
    if (error instanceof CsvInvalidError) {
      const preview = previewJson(error.preview);
      return json(
        { error: error.message, fields: error.fields, valid: error.preview.valid, invalid: error.preview.invalid, rows: preview.rows.filter((r) => Object.keys(r.errors).length > 0) },
        400,
      );
    }
    throw error;
  }
});
