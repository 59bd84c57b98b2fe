'use client';

import Link from 'next/link';
import { useState } from 'react';
import { IMPORT_FIELD_LABEL, IMPORT_FIELDS, type ColumnMapping, type ImportField } from '@/lib/applications/statuses';

// Upload → check the column mapping → preview with row errors → import. Talks to
// POST /api/applications/import (so large files avoid the server-action body limit).

const MAX_BYTES = 2 * 1024 * 1024;

interface PreviewRow {
  line: number;
  errors: Partial<Record<ImportField, string>>;
  duplicate: boolean;
  values: { company: string; title: string; status: string; appliedAt: string | null; url: string | null } | null;
}
interface Preview {
  headers: string[];
  mapping: ColumnMapping;
  fileErrors: Record<string, string>;
  valid: number;
  invalid: number;
  duplicates: number;
  toCreate: number;
  rows: PreviewRow[];
}

const SHOWN_ROWS = 200;

export function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ created: number; skipped: number } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(dryRun: boolean, withMapping: ColumnMapping | null) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.set('file', file);
      if (withMapping) form.set('mapping', JSON.stringify(withMapping));
      const response = await fetch(`/api/applications/import${dryRun ? '?dryRun=1' : ''}`, { method: 'POST', body: form });
      const body = (await response.json().catch(() => ({ error: 'The server sent an unreadable answer.' }))) as Record<string, unknown>;
      if (response.status === 401) {
        setError('Your session ended. Sign in again, then retry.');
      } else if (!response.ok) {
        setError(String(body.error ?? 'The import failed.'));
        if (!dryRun) await send(true, withMapping); // show the row errors again
      } else if (dryRun) {
        const p = body as unknown as Preview;
        setPreview(p);
        setMapping(p.mapping);
      } else {
        setDone(body as unknown as { created: number; skipped: number });
        setPreview(null);
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
    setDone(null);
    setError(selected && selected.size > MAX_BYTES ? `That file is ${(selected.size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB. Split it into smaller files.` : null);
  }

  const tooBig = Boolean(file && file.size > MAX_BYTES);
  const fileErrors = preview ? Object.entries(preview.fileErrors) : [];
  const canImport = preview && preview.invalid === 0 && fileErrors.length === 0 && preview.toCreate > 0;

  return (
    <div className="space-y-5">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void send(true, null);
        }}
      >
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">CSV file</span>
          <input type="file" name="file" accept=".csv,text/csv" onChange={(e) => choose(e.target.files?.[0] ?? null)} className="text-sm" />
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
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-700">
          Imported {done.created} application{done.created === 1 ? '' : 's'}
          {done.skipped ? `; skipped ${done.skipped} already imported` : ''}. <Link href="/applications" className="underline">See your pipeline</Link>.
        </p>
      ) : null}

      {preview && mapping ? (
        <>
          <fieldset className="space-y-2">
            <legend className="text-sm font-semibold">Columns</legend>
            <p className="text-xs text-slate-500">We matched your headers; change any that are wrong. Company and title are required.</p>
            <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
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
            <button type="button" onClick={() => void send(true, mapping)} disabled={busy} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium">
              Update preview
            </button>
          </fieldset>

          {preview.fileErrors.file ? <p className="text-sm text-red-600">{preview.fileErrors.file}</p> : null}

          {preview.rows.length ? (
            <div className="space-y-2">
              <p role="status" className="text-sm">
                {preview.rows.length} rows: <strong>{preview.toCreate} new</strong>
                {preview.duplicates ? `, ${preview.duplicates} already imported (skipped)` : ''}
                {preview.invalid ? (
                  <span className="text-red-700">
                    , <strong>{preview.invalid} with problems</strong>. Fix them in your spreadsheet and upload again; nothing is imported until every row is valid.
                  </span>
                ) : null}
              </p>
              <div className="max-h-[28rem] overflow-auto rounded-xl border border-slate-200 bg-white">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Import preview</caption>
                  <thead className="sticky top-0 bg-white text-xs tracking-wide text-slate-500 uppercase">
                    <tr>
                      <th scope="col" className="px-3 py-2">Row</th>
                      <th scope="col" className="px-3 py-2">Company</th>
                      <th scope="col" className="px-3 py-2">Title</th>
                      <th scope="col" className="px-3 py-2">Status</th>
                      <th scope="col" className="px-3 py-2">Applied</th>
                      <th scope="col" className="px-3 py-2">Problems</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {[...preview.rows.filter((r) => !r.values), ...preview.rows.filter((r) => r.values)].slice(0, SHOWN_ROWS).map((row) => (
                      <tr key={row.line} className={row.values ? (row.duplicate ? 'text-slate-500' : '') : 'bg-red-50'}>
                        <td className="px-3 py-1.5 tabular-nums">{row.line}</td>
                        <td className="px-3 py-1.5">{row.values?.company ?? ''}</td>
                        <td className="px-3 py-1.5">{row.values?.title ?? ''}</td>
                        <td className="px-3 py-1.5">{row.values?.status ?? ''}</td>
                        <td className="px-3 py-1.5 tabular-nums">{row.values?.appliedAt ?? ''}</td>
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
            </div>
          ) : null}

          <button
            type="button"
            onClick={() => void send(false, mapping)}
            disabled={!canImport || busy}
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
          >
            {busy
              ? 'Importing…'
              : canImport
                ? `Import ${preview.toCreate} application${preview.toCreate === 1 ? '' : 's'}`
                : preview.invalid || fileErrors.length
                  ? 'Import (fix the problems first)'
                  : 'Nothing new to import'}
          </button>
        </>
      ) : null}
    </div>
  );
}
