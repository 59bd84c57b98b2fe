'use client';

import Link from 'next/link';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import type { PageRead } from '@/lib/applications/from-page';
import { APPLICATION_SOURCES, APPLICATION_STATUSES, SOURCE_LABEL, STATUS_LABEL } from '@/lib/applications/statuses';
import { addApplication, type ActionState } from './actions';

const inputClass = 'rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-500';

export function Field({ name, label, error, children }: { name: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <label className="grid gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      {children}
      {error ? (
        <span id={`${name}-error`} className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </label>
  );
}

type Values = Record<'url' | 'title' | 'company' | 'location' | 'salaryText' | 'postedAt' | 'closesAt' | 'employmentType' | 'description' | 'status' | 'source' | 'notes', string>;
const EMPTY: Values = { url: '', title: '', company: '', location: '', salaryText: '', postedAt: '', closesAt: '', employmentType: '', description: '', status: 'saved', source: '', notes: '' };

type ReadState = { phase: 'idle' } | { phase: 'reading' } | { phase: 'read'; from: PageRead['readFrom']; listingId: number | null } | { phase: 'failed'; error: string; reason?: string };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** The fields a read page fills: what the user typed already wins only where the page said nothing. */
function fromRead(read: PageRead, current: Values): Values {
  return {
    ...current,
    url: read.url,
    title: read.title || current.title,
    company: read.company ?? current.company,
    location: read.location ?? current.location,
    salaryText: read.salaryText ?? current.salaryText,
    postedAt: day(read.postedAt) || current.postedAt,
    closesAt: day(read.closesAt) || current.closesAt,
    employmentType: read.employmentType.join(', ') || current.employmentType,
    description: read.descriptionText || current.description,
    source: current.source || read.suggestedSource || '',
  };
}

async function readPage(url: string): Promise<{ ok: true; read: PageRead } | { ok: false; error: string; reason?: string }> {
  try {
    const response = await fetch('/api/applications/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url }) });
    const body = (await response.json().catch(() => ({}))) as PageRead & { error?: string; reason?: string; fields?: Record<string, string> };
    if (response.ok) return { ok: true, read: body };
    if (response.status === 401) return { ok: false, error: 'Your session ended. Sign in again to continue.' };
    return { ok: false, error: body.fields?.url ?? body.error ?? 'Could not read that page.', reason: body.reason };
  } catch {
    return { ok: false, error: 'Could not reach trackend to read the page. Check your connection and try again.' };
  }
}

/**
 * "Add application" and the bookmarklet's save page: a link first, "Read page" fills in what
 * the job page says, every field stays editable, Save. When the page cannot be read the reason
 * is shown and the user finishes by hand; nothing typed is lost (the inputs are controlled state).
 */
export function AddApplicationForm({ initial, autoRead = false, mode = 'add' }: { initial?: Partial<Values>; autoRead?: boolean; mode?: 'add' | 'save' }) {
  const [values, setValues] = useState<Values>({ ...EMPTY, ...initial });
  const [read, setRead] = useState<ReadState>({ phase: 'idle' });
  const [open, setOpen] = useState(mode === 'save');
  const [state, action, pending] = useActionState<ActionState, FormData>(addApplication, {});
  const started = useRef(false);

  const error = (name: string) => state.fields?.[name];
  const invalid = (name: string) => ({ 'aria-invalid': Boolean(error(name)), 'aria-describedby': error(name) ? `${name}-error` : undefined });
  const bind = (name: keyof Values) => ({
    name,
    value: values[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [name]: event.target.value })),
    ...invalid(name),
  });

  async function runRead(url: string) {
    if (!url.trim()) {
      setRead({ phase: 'failed', error: 'Paste the link to the job first.' });
      return;
    }
    setRead({ phase: 'reading' });
    const result = await readPage(url.trim());
    setOpen(true);
    if (result.ok) {
      setValues((v) => fromRead(result.read, v));
      setRead({ phase: 'read', from: result.read.readFrom, listingId: result.read.listingId });
    } else {
      setRead({ phase: 'failed', error: result.error, reason: result.reason });
    }
  }

  useEffect(() => {
    if (!autoRead || started.current) return;
    started.current = true;
    void runRead(values.url);
    // Once, on mount: the link the page was opened with.
  }, [autoRead, values.url]);

  // After an add, the form starts again; the save page keeps what was saved on screen.
  const [handled, setHandled] = useState<ActionState | null>(null);
  if (state.ok && state !== handled) {
    setHandled(state);
    if (mode === 'add') {
      setValues(EMPTY);
      setRead({ phase: 'idle' });
      setOpen(false);
    }
  }
  const saved = mode === 'save' && Boolean(state.ok);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }

  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate aria-label={mode === 'save' ? 'Save this job' : 'Add application'}>
      <div className="grid gap-2 sm:col-span-2">
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <Field name="url" label="Link to the posting" error={error('url')}>
              <input type="url" placeholder="https://" className={inputClass} {...bind('url')} />
            </Field>
          </div>
          <button
            type="button"
            onClick={() => void runRead(values.url)}
            disabled={read.phase === 'reading' || saved}
            className="rounded-md border border-brand-700 bg-white px-4 py-2 text-sm font-medium text-brand-700 disabled:opacity-60"
          >
            {read.phase === 'reading' ? 'Reading…' : 'Read page'}
          </button>
        </div>
        <div role="status" aria-live="polite" className="text-sm">
          {read.phase === 'reading' ? <span className="text-slate-600">Reading the page…</span> : null}
          {read.phase === 'read' ? (
            <span className="text-emerald-700">
              Read the page{read.from === 'json-ld' ? ' (its job posting data)' : read.from === 'open-graph' ? ' (its preview tags only: check the fields)' : ' (its title only: check the fields)'}.
              {read.listingId !== null ? (
                <>
                  {' '}
                  trackend has this job: <Link href={`/jobs/${read.listingId}`} className="underline">see the listing</Link>.
                </>
              ) : null}{' '}
              Correct anything below, then save.
            </span>
          ) : null}
          {read.phase === 'failed' ? (
            <span className="block rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
              {read.error}
              {read.reason ? <span className="block text-xs">{read.reason}</span> : null}
            </span>
          ) : null}
        </div>
        {!open ? (
          <p className="text-sm text-slate-600">
            Paste a job&apos;s link and read the page, or{' '}
            <button type="button" onClick={() => setOpen(true)} className="text-brand-700 underline">
              fill in the details by hand
            </button>
            .
          </p>
        ) : null}
      </div>

      {open ? (
        <>
          <Field name="title" label="Job title" error={error('title')}>
            <input required maxLength={300} placeholder="Backend Engineer (Go)" className={inputClass} {...bind('title')} />
          </Field>
          <Field name="company" label="Company" error={error('company')}>
            <input required maxLength={200} className={inputClass} {...bind('company')} />
          </Field>
          <Field name="location" label="Location" error={error('location')}>
            <input maxLength={300} placeholder="Remote (EU), Berlin" className={inputClass} {...bind('location')} />
          </Field>
          <Field name="salaryText" label="Salary" error={error('salaryText')}>
            <input maxLength={200} placeholder="EUR 70,000–90,000 per year" className={inputClass} {...bind('salaryText')} />
          </Field>
          <Field name="postedAt" label="Posted" error={error('postedAt')}>
            <input type="date" className={inputClass} {...bind('postedAt')} />
          </Field>
          <Field name="closesAt" label="Closes" error={error('closesAt')}>
            <input type="date" className={inputClass} {...bind('closesAt')} />
          </Field>
          <Field name="employmentType" label="Employment type" error={error('employmentType')}>
            <input maxLength={300} placeholder="FULL_TIME, CONTRACTOR" className={inputClass} {...bind('employmentType')} />
          </Field>
          <Field name="status" label="Status" error={error('status')}>
            <select className={inputClass} {...bind('status')}>
              {APPLICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </Field>
          <Field name="source" label="Where you found it" error={error('source')}>
            <select className={inputClass} {...bind('source')}>
              <option value="">Not saying</option>
              {APPLICATION_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {SOURCE_LABEL[s]}
                </option>
              ))}
            </select>
          </Field>
          <div className="sm:col-span-2">
            <Field name="description" label="Description (excerpt)" error={error('description')}>
              <textarea rows={5} maxLength={20_000} className={inputClass} {...bind('description')} />
            </Field>
          </div>
          <div className="sm:col-span-2">
            <Field name="notes" label="Notes" error={error('notes')}>
              <textarea rows={2} className={inputClass} {...bind('notes')} />
            </Field>
          </div>
        </>
      ) : null}

      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        {open ? (
          <button type="submit" disabled={pending || saved} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
            {pending ? 'Saving…' : saved ? 'Saved' : mode === 'save' ? 'Save' : 'Add application'}
          </button>
        ) : null}
        <p role="status" className="text-sm">
          {state.ok ? (
            <span className="text-emerald-700">
              {state.ok} {state.id ? <Link href={`/applications/${state.id}`} className="underline">Open it</Link> : null}
              {mode === 'save' ? (
                <>
                  {' · '}
                  <Link href="/applications" className="underline">All applications</Link>
                </>
              ) : null}
            </span>
          ) : null}
          {state.error ? <span className="text-red-600">{state.error}</span> : null}
        </p>
      </div>
    </form>
  );
}
