import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import {
  CSV_MAX_BYTES,
  CsvInvalidError,
  CsvTooLargeError,
  importApplications,
  parseMappingParam,
  previewImport,
  type ImportPreview,
} from '@/lib/applications/csv';
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

/** The rows of a preview as the API shows them (dates as days). */
function previewJson(preview: ImportPreview) {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return {
    headers: preview.headers,
    mapping: preview.mapping,
    fileErrors: preview.fileErrors,
    valid: preview.valid,
    invalid: preview.invalid,
    duplicates: preview.duplicates,
    toCreate: preview.toCreate,
    rows: preview.rows.map((r) => ({
      line: r.line,
      errors: r.errors,
      duplicate: r.duplicate,
      values: r.values && { ...r.values, appliedAt: day(r.values.appliedAt), nextFollowUpAt: day(r.values.nextFollowUpAt) },
    })),
  };
}

/**
 * POST /api/applications/import: a CSV as multipart (`file`, optional `mapping` JSON field) or
 * as a text/csv body (`?mapping=` JSON). `?dryRun=1` previews (200, nothing written). Otherwise
 * imports all rows or none: 200 { created, skipped }, 400 with per-row errors, 413 over 2 MB.
 */
export const POST = handle(async (request: NextRequest) => {
  const user = await requireUser();
  const dryRun = ['1', 'true'].includes(request.nextUrl.searchParams.get('dryRun') ?? '');
  const bytes = await readCapped(request);
  if (!bytes) return tooLarge();

  const type = request.headers.get('content-type') ?? '';
  let text: string;
  let mappingValue = request.nextUrl.searchParams.get('mapping');
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': type } }).formData();
    } catch {
      // A malformed multipart body is the client's mistake: say so instead of a 500.
      throw new BadInputError('The upload could not be read as a form.', { file: 'Send the CSV as the "file" field.' });
    }
    const file = form.get('file');
    if (!(file instanceof Blob)) throw new BadInputError('Attach the CSV as the "file" field.', { file: 'Attach a CSV file.' });
    if (file.size > CSV_MAX_BYTES) return tooLarge();
    text = await file.text();
    const formMapping = form.get('mapping');
    if (typeof formMapping === 'string' && formMapping.trim()) mappingValue = formMapping;
  } else if (type === '' || /^(text\/(csv|plain)|application\/(csv|octet-stream|vnd\.ms-excel))\b/.test(type)) {
    text = new TextDecoder().decode(bytes);
  } else {
    throw new BadInputError('Send the CSV as multipart/form-data (field "file") or as a text/csv body.', { file: `unsupported content type ${type.split(';')[0]}` });
  }
  if (Buffer.byteLength(text) > CSV_MAX_BYTES) return tooLarge();
  const mapping = parseMappingParam(mappingValue);
  const db = await getDb();
  try {
    if (dryRun) return json(previewJson(await previewImport(db, user.id, text, mapping)));
    const { created, skipped } = await importApplications(db, user.id, text, mapping);
    return json({ created, skipped });
  } catch (error) {
    if (error instanceof CsvTooLargeError) return tooLarge();
    if (error instanceof CsvInvalidError) {
      const preview = previewJson(error.preview);
      return json({ error: error.message, fields: error.fields, rows: preview.rows.filter((r) => Object.keys(r.errors).length > 0) }, 400);
    }
    throw error;
  }
});
