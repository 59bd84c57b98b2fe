'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SavedFilterValues } from '@/db/schema';

// Saving and managing saved searches on /jobs, through the JSON API (/api/saved-searches): the
// same validation and the same feed URLs as any other client gets.

type Outcome = { ok?: string; error?: string };

async function callApi(path: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; error: string }> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = response.status === 204 ? {} : ((await response.json().catch(() => ({}))) as Record<string, unknown>);
    if (response.ok) return { ok: true, data };
    const fields = data.fields as Record<string, string> | undefined;
    const detail = fields ? Object.values(fields)[0] : undefined;
    return { ok: false, error: detail && typeof data.error === 'string' && !data.error.includes(detail) ? `${data.error} ${detail}` : typeof data.error === 'string' ? data.error : 'Something went wrong.' };
  } catch {
    return { ok: false, error: 'Could not reach trackend. Check your connection and try again.' };
  }
}

const buttonClass = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-500 disabled:opacity-60';
const primaryClass = 'rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60';

function Message({ outcome }: { outcome: Outcome }) {
  if (outcome.error) {
    return (
      <p role="alert" className="text-xs text-red-600">
        {outcome.error}
      </p>
    );
  }
  return outcome.ok ? (
    <p role="status" className="text-xs text-emerald-700">
      {outcome.ok}
    </p>
  ) : null;
}

/** A feed URL shown once, with a Copy button (and the text selected where the clipboard is refused). */
export function FeedLink({ url, onDone }: { url: string; onDone?: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied to the clipboard.');
    } catch {
      // No clipboard (plain http, or the permission refused): select it for Ctrl+C.
      input.current?.focus();
      input.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };
  return (
    <div className="space-y-1.5 rounded-md border border-emerald-200 bg-emerald-50 p-3" data-testid="feed-link">
      <p className="text-xs font-medium text-emerald-900">Your private feed link. It is shown only now: copy it into your feed reader.</p>
      <div className="grid gap-2">
        <label className="sr-only" htmlFor="feed-url">
          Feed URL
        </label>
        <input id="feed-url" ref={input} readOnly value={url} onFocus={(event) => event.currentTarget.select()} className="min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs" />
        <button type="button" onClick={() => void copy()} className={primaryClass}>
          Copy
        </button>
      </div>
      {copied ? (
        <p role="status" className="text-xs text-emerald-800">
          {copied}
        </p>
      ) : null}
      {onDone ? (
        <button type="button" onClick={onDone} className="text-xs text-slate-600 underline">
          Done
        </button>
      ) : null}
    </div>
  );
}

/** "Save this search": names the filters the page shows now. */
export function SaveSearchForm({ filters }: { filters: SavedFilterValues }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    const result = await callApi('/api/saved-searches', 'POST', { name: new FormData(form).get('name'), filters });
    setPending(false);
    if (!result.ok) return setOutcome({ error: result.error });
    form.reset();
    setOutcome({ ok: `Saved "${String(result.data.name)}".` });
    setFeedUrl(String(result.data.feedUrl));
    router.refresh();
  };
  return (
    <div className="space-y-2">
      <form onSubmit={(event) => void onSubmit(event)} className="grid gap-2" aria-label="Save this search">
        <label className="sr-only" htmlFor="saved-search-name">
          Name for this search
        </label>
        <input id="saved-search-name" name="name" required maxLength={100} placeholder="Name, e.g. Go remote" className="min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        <button type="submit" disabled={pending || !ready} className={primaryClass}>
          Save this search
        </button>
      </form>
      <Message outcome={outcome} />
      {feedUrl ? <FeedLink url={feedUrl} onDone={() => setFeedUrl(null)} /> : null}
    </div>
  );
}

/** Rename, put the current filters into it, a new feed link, delete: for the saved search open on the page. */
export function ManageSavedSearch({ search, filters }: { search: { id: string; name: string; isDefault: boolean }; filters: SavedFilterValues }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const path = `/api/saved-searches/${search.id}`;
  const run = async (method: 'POST' | 'PATCH' | 'DELETE', body: unknown, done: (data: Record<string, unknown>) => void, url = path) => {
    setPending(true);
    const result = await callApi(url, method, body);
    setPending(false);
    if (!result.ok) return setOutcome({ error: result.error });
    done(result.data);
  };
  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run('PATCH', { name: new FormData(event.currentTarget).get('name') }, () => {
      setOutcome({ ok: 'Renamed.' });
      router.refresh();
    });
  };
  return (
    <div className="space-y-3" aria-label={`Manage ${search.name}`} role="group">
      <form onSubmit={rename} className="flex gap-2">
        <label className="sr-only" htmlFor="saved-search-rename">
          New name
        </label>
        <input id="saved-search-rename" name="name" required maxLength={100} defaultValue={search.name} className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        <button type="submit" disabled={pending} className={buttonClass}>
          Rename
        </button>
      </form>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending}
          className={buttonClass}
          onClick={() =>
            void run('PATCH', { filters }, () => {
              setOutcome({ ok: 'Saved the current filters into it. What you had seen stays seen.' });
              router.refresh();
            })
          }
        >
          Save current filters into it
        </button>
        <button
          type="button"
          disabled={pending}
          className={buttonClass}
          onClick={() => {
            if (!window.confirm('Make a new feed link? The old one stops working at once.')) return;
            void run('POST', undefined, (data) => {
              setFeedUrl(String(data.feedUrl));
              setOutcome({ ok: 'New feed link made; the old one no longer works.' });
            }, `${path}/feed-token`);
          }}
        >
          New feed link
        </button>
        {search.isDefault ? null : (
          <button
            type="button"
            disabled={pending}
            className={`${buttonClass} text-red-700`}
            onClick={() => {
              if (!window.confirm(`Delete the saved search "${search.name}"?`)) return;
              void run('DELETE', undefined, () => router.push('/jobs'));
            }}
          >
            Delete
          </button>
        )}
      </div>
      <Message outcome={outcome} />
      {feedUrl ? <FeedLink url={feedUrl} onDone={() => setFeedUrl(null)} /> : null}
    </div>
  );
}
