'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import {
  APPLICATION_STATUSES,
  IMPORT_FIELD_LABEL,
  IMPORT_FIELDS,
  SOURCE_LABEL,
  STATUS_LABEL,
  type ApplicationSource,
  type ApplicationStatus,
  type ColumnMapping,
  type ImportField,
} from '@/lib/applications/statuses';

// Upload → columns (matched by name and content) → status words with trackend's guesses →
// preview with row problems → import (all rows, or the valid ones with the rest downloadable).
// Talks to POST /api/applications/import (so large files avoid the server-action body limit).

const MAX_BYTES = 2 * 1024 * 1024;
const SHOWN_ROWS = 200;

interface PreviewRow {
  line: number;
  errors: Partial<Record<ImportField, string>>;
  duplicate: boolean;
  raw: { company: string; title: string };
  values: { company: string; title: string; status: ApplicationStatus; appliedAt: string | null; source: ApplicationSource | null; board: string | null } | null;
}
interface ColumnUse {
  header: string;
  field: ImportField | null;
  inNotes: boolean;
  note: string | null;
}
interface StatusValue {
  value: string;
  rows: number;
  guess: ApplicationStatus;
  known: boolean;
  status: ApplicationStatus;
}
interface Preview {
  headers: string[];
  mapping: ColumnMapping;
  columns: ColumnUse[];
  statusValues: StatusValue[];
  dateOrder: { order: 'month-first' | 'day-first'; decidedBy: 'sheet' | 'locale' | 'default'; message: string };
  sheets: string[];
  sheet: string | null;
  fileErrors: Record<string, string>;
  valid: number;
  invalid: number;
  duplicates: number;
  toCreate: number;
  rows: PreviewRow[];
}
interface Done {
  created: number;
  skipped: number;
  invalid?: number;
  skippedCsv?: string | null;
}

// A locale that writes each order: what the "Read 3/4/2026 as" choice sends.
const ORDER_LOCALE = { 'month-first': 'en-US', 'day-first': 'en-GB' } as const;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [statusMapping, setStatusMapping] = useState<Record<string, ApplicationStatus>>({});
  const [order, setOrder] = useState<'month-first' | 'day-first' | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [skippedUrl, setSkippedUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => () => (skippedUrl ? URL.revokeObjectURL(skippedUrl) : undefined), [skippedUrl]);

  interface Choices {
    mapping?: ColumnMapping | null;
    statusMapping?: Record<string, ApplicationStatus>;
    sheet?: string | null;
    order?: 'month-first' | 'day-first' | null;
    skipInvalid?: boolean;
  }

  async function send(dryRun: boolean, choices: Choices = {}) {
    if (!file) return;
    const c = { mapping, statusMapping, sheet, order, skipInvalid: false, ...choices };
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.set('file', file);
      if (c.mapping) form.set('mapping', JSON.stringify(c.mapping));
      if (Object.keys(c.statusMapping).length) form.set('statusMapping', JSON.stringify(c.statusMapping));
      if (c.sheet) form.set('sheet', c.sheet);
      if (c.order) form.set('locale', ORDER_LOCALE[c.order]);
      if (c.skipInvalid) form.set('skipInvalid', '1');
      const response = await fetch(`/api/applications/import${dryRun ? '?dryRun=1' : ''}`, { method: 'POST', body: form });
      const body = (await response.json().catch(() => ({ error: 'The server sent an unreadable answer.' }))) as Record<string, unknown>;
      if (response.status === 401) {
        setError('Your session ended. Sign in again, then retry.');
      } else if (!response.ok) {
        setError(typeof body.error === 'string' ? body.error : 'The import failed.');
        if (!dryRun) await send(true, c); // show the row problems again
      } else if (dryRun) {
        const p = body as unknown as Preview;
        setPreview(p);
        setMapping(p.mapping);
        setSheet(p.sheet);
      } else {
        const result = body as unknown as Done;
        setDone(result);
        setPreview(null);
        if (result.skippedCsv) setSkippedUrl(URL.createObjectURL(new Blob([result.skippedCsv], { type: 'text/csv;charset=utf-8' })));
      }
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  function choose(selected: File | null) {
    setFile(selected);
    setPreview(null);
    setMapping(null);
    setStatusMapping({});
    setSheet(null);
    setOrder(null);
    setDone(null);
    setSkippedUrl(null);
    setError(selected && selected.size > MAX_BYTES ? `That file is ${(selected.size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB. Split it into smaller files.` : null);
  }

  function chooseStatus(value: string, status: ApplicationStatus) {
    const next = { ...statusMapping, [value]: status };
    setStatusMapping(next);
    void send(true, { statusMapping: next });
  }

  const tooBig = Boolean(file && file.size > MAX_BYTES);
  const fileErrors = preview ? Object.entries(preview.fileErrors) : [];
  const mappingOk = preview !== null && fileErrors.length === 0;
  const canImportAll = mappingOk && preview.invalid === 0 && preview.toCreate > 0;
  const canSkip = mappingOk && preview.invalid > 0 && preview.toCreate > 0;
  const unknownStatuses = preview?.statusValues.filter((s) => !s.known && !statusMapping[s.value]).length ?? 0;
  const ambiguousDates = preview?.dateOrder.decidedBy !== 'sheet';

  return (
    <div className="space-y-6">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void send(true, { mapping: null, statusMapping: {}, sheet: null });
        }}
      >
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">Spreadsheet (.csv or .xlsx)</span>
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            className="text-sm"
          />
        </label>
        <button type="submit" disabled={!file || tooBig || busy} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
          {busy && !preview ? 'Reading…' : 'Preview'}
        </button>
      </form>

      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}

      {done ? (
        <div role="status" className="space-y-1 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-700">
          <p>
            Imported {plural(done.created, 'application')}
            {done.skipped ? `; ${done.skipped} already imported` : ''}
            {done.invalid ? `; skipped ${plural(done.invalid, 'row')} with problems` : ''}. <Link href="/applications" className="underline">See your pipeline</Link>.
          </p>
          {skippedUrl && done.invalid ? (
            <p>
              <a href={skippedUrl} download="skipped-rows.csv" className="font-medium underline">
                Download the {plural(done.invalid, 'skipped row')} (CSV, with a Reason column)
              </a>{' '}
              to fix them and import them later.
            </p>
          ) : null}
        </div>
      ) : null}

      {preview && mapping ? (
        <>
          {preview.sheets.length > 1 ? (
            <label className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium text-slate-700">Sheet</span>
              <select
                value={sheet ?? ''}
                onChange={(e) => {
                  setSheet(e.target.value);
                  void send(true, { sheet: e.target.value, mapping: null, statusMapping: {} });
                }}
                className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
              >
                {preview.sheets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
              <span className="text-xs text-slate-500">This workbook has {preview.sheets.length} sheets.</span>
            </label>
          ) : null}

          <section aria-labelledby="columns-heading" className="space-y-3">
            <h2 id="columns-heading" className="text-sm font-semibold">
              Your columns
            </h2>
            <ul className="flex flex-wrap gap-2 text-xs" aria-label="What each column becomes">
              {preview.columns.map((c, i) => (
                <li
                  key={`${c.header}-${i}`}
                  className={`rounded-full border px-2.5 py-1 ${c.field ? 'border-brand-100 bg-brand-50 text-brand-700' : c.inNotes ? 'border-slate-200 bg-slate-50 text-slate-700' : 'border-slate-200 bg-white text-slate-500'}`}
                  title={c.note ?? undefined}
                >
                  <span className="font-medium">{c.header || `Column ${i + 1}`}</span> →{' '}
                  {c.field ? IMPORT_FIELD_LABEL[c.field] : c.inNotes ? 'kept in notes' : 'not imported'}
                  {c.note ? <span className="block text-[11px] text-amber-800">{c.note}</span> : null}
                </li>
              ))}
            </ul>
            <p className="text-xs text-slate-500">
              Columns without a field of their own are kept in each application&apos;s notes, as &ldquo;Excitement: 9&rdquo;.
            </p>
            <details className="rounded-lg border border-slate-200 bg-white p-3" open={fileErrors.some(([k]) => k.startsWith('mapping.'))}>
              <summary className="cursor-pointer text-sm font-medium">Change which column holds each field</summary>
              <div className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
                {IMPORT_FIELDS.map((field) => (
                  <label key={field} className="grid gap-1 text-sm">
                    <span className="text-slate-700">{IMPORT_FIELD_LABEL[field]}</span>
                    <select
                      value={mapping[field] ?? ''}
                      onChange={(e) => setMapping({ ...mapping, [field]: e.target.value || null })}
                      aria-invalid={Boolean(preview.fileErrors[`mapping.${field}`])}
                      className="rounded-md border border-slate-300 bg-white px-2 py-1.5 aria-invalid:border-red-500"
                    >
                      <option value="">(not in file)</option>
                      {preview.headers.map((h, i) => (
                        <option key={`${h}-${i}`} value={h}>
                          {h || `(column ${i + 1})`}
                        </option>
                      ))}
                    </select>
                    {preview.fileErrors[`mapping.${field}`] ? <span className="text-xs text-red-600">{preview.fileErrors[`mapping.${field}`]}</span> : null}
                  </label>
                ))}
              </div>
              <button type="button" onClick={() => void send(true)} disabled={busy} className="mt-3 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium">
                Update preview
              </button>
            </details>
          </section>

          {preview.statusValues.length ? (
            <section aria-labelledby="statuses-heading" className="space-y-2">
              <h2 id="statuses-heading" className="text-sm font-semibold">
                Statuses
              </h2>
              <p className="text-xs text-slate-500">
                Each status in your sheet, with the one trackend will use. Change any that are wrong.
                {unknownStatuses ? ` ${plural(unknownStatuses, 'word')} trackend did not recognise: check ${unknownStatuses === 1 ? 'it' : 'them'}.` : ''}
              </p>
              <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Status values in the sheet and the status each becomes</caption>
                  <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">In your sheet</th>
                      <th scope="col" className="px-3 py-2 text-right font-medium">Rows</th>
                      <th scope="col" className="px-3 py-2 font-medium">Import as</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {preview.statusValues.map((s) => {
                      const changed = s.status !== s.guess;
                      return (
                        <tr key={s.value} className={!s.known && !changed ? 'bg-amber-50' : ''}>
                          <th scope="row" className="px-3 py-1.5 font-normal">
                            {s.value}
                          </th>
                          <td className="px-3 py-1.5 text-right tabular-nums">{s.rows}</td>
                          <td className="px-3 py-1.5">
                            <span className="flex flex-wrap items-center gap-2">
                              <select
                                aria-label={`Status for “${s.value}”`}
                                value={s.status}
                                disabled={busy}
                                onChange={(e) => chooseStatus(s.value, e.target.value as ApplicationStatus)}
                                className="rounded-md border border-slate-300 bg-white px-2 py-1"
                              >
                                {APPLICATION_STATUSES.map((status) => (
                                  <option key={status} value={status}>
                                    {STATUS_LABEL[status]}
                                  </option>
                                ))}
                              </select>
                              <span className="text-xs text-slate-600">
                                {changed ? `your choice (guessed ${STATUS_LABEL[s.guess]})` : s.known ? 'guessed from the words' : 'not recognised: check this'}
                              </span>
                            </span>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}

          <section aria-labelledby="dates-heading" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <h2 id="dates-heading" className="font-semibold">
              Dates
            </h2>
            <span className="text-slate-600">{preview.dateOrder.message}</span>
            {ambiguousDates ? (
              <label className="flex items-center gap-2">
                <span className="text-slate-700">Read 3/4/2026 as</span>
                <select
                  value={preview.dateOrder.order}
                  onChange={(e) => {
                    const next = e.target.value as 'month-first' | 'day-first';
                    setOrder(next);
                    void send(true, { order: next });
                  }}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1"
                >
                  <option value="month-first">March 4 (month first)</option>
                  <option value="day-first">3 April (day first)</option>
                </select>
              </label>
            ) : null}
          </section>

          {preview.fileErrors.file ? <p className="text-sm text-red-600">{preview.fileErrors.file}</p> : null}

          {preview.rows.length ? (
            <section aria-labelledby="rows-heading" className="space-y-2">
              <h2 id="rows-heading" className="sr-only">
                Rows
              </h2>
              <p role="status" className="text-sm">
                {plural(preview.rows.length, 'row')}: <strong>{preview.toCreate} new</strong>
                {preview.duplicates ? `, ${preview.duplicates} already imported (skipped)` : ''}
                {preview.invalid ? (
                  <span className="text-red-700">
                    , <strong>{preview.invalid} with problems</strong>
                  </span>
                ) : null}
                .
              </p>
              <div className="max-h-[28rem] overflow-auto rounded-xl border border-slate-200 bg-white">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Import preview</caption>
                  <thead className="sticky top-0 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">Row</th>
                      <th scope="col" className="px-3 py-2 font-medium">Company</th>
                      <th scope="col" className="px-3 py-2 font-medium">Title</th>
                      <th scope="col" className="px-3 py-2 font-medium">Status</th>
                      <th scope="col" className="px-3 py-2 font-medium">Applied</th>
                      <th scope="col" className="px-3 py-2 font-medium">Source</th>
                      <th scope="col" className="px-3 py-2 font-medium">Problems</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {[...preview.rows.filter((r) => !r.values), ...preview.rows.filter((r) => r.values)].slice(0, SHOWN_ROWS).map((row) => (
                      <tr key={row.line} className={row.values ? (row.duplicate ? 'text-slate-500' : '') : 'bg-red-50'}>
                        <td className="px-3 py-1.5 tabular-nums">{row.line}</td>
                        <td className="px-3 py-1.5">{row.values?.company ?? <span className="text-slate-600 italic">{row.raw.company || '(empty)'}</span>}</td>
                        <td className="px-3 py-1.5">{row.values?.title ?? <span className="text-slate-600 italic">{row.raw.title || '(empty)'}</span>}</td>
                        <td className="px-3 py-1.5">{row.values ? STATUS_LABEL[row.values.status] : ''}</td>
                        <td className="px-3 py-1.5 whitespace-nowrap tabular-nums">{row.values?.appliedAt ?? ''}</td>
                        <td className="px-3 py-1.5">
                          {row.values?.source ? (row.values.source === 'board' && row.values.board ? row.values.board : SOURCE_LABEL[row.values.source]) : ''}
                        </td>
                        <td className="px-3 py-1.5 text-red-700">
                          {Object.entries(row.errors).map(([f, message]) => (
                            <span key={f} className="block">
                              {IMPORT_FIELD_LABEL[f as ImportField]}: {message}
                            </span>
                          ))}
                          {row.duplicate && row.values ? <span className="text-slate-500">already imported</span> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {preview.rows.length > SHOWN_ROWS ? <p className="text-xs text-slate-500">Showing the first {SHOWN_ROWS} rows (rows with problems first).</p> : null}
            </section>
          ) : null}

          <div className="flex flex-wrap items-center gap-3">
            {canSkip ? (
              <>
                <button
                  type="button"
                  onClick={() => void send(false, { skipInvalid: true })}
                  disabled={busy}
                  className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
                >
                  {busy ? 'Importing…' : `Import the ${plural(preview.toCreate, 'valid row')}, skip ${preview.invalid}`}
                </button>
                <span className="text-xs text-slate-600">The skipped rows can be downloaded afterwards, with the reason for each.</span>
              </>
            ) : (
              <button
                type="button"
                onClick={() => void send(false)}
                disabled={!canImportAll || busy}
                className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
              >
                {busy
                  ? 'Importing…'
                  : canImportAll
                    ? `Import ${plural(preview.toCreate, 'application')}`
                    : fileErrors.length || preview.invalid
                      ? 'Import (fix the problems first)'
                      : 'Nothing new to import'}
              </button>
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}
