'use client';

import { useState } from 'react';

/** The "Calendar" section: make (or rotate) the private feed link, shown once, with Copy. */
export function CalendarLink({ createdAt }: { createdAt: string | null }) {
  const [url, setUrl] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [hasLink, setHasLink] = useState(createdAt !== null);

  async function rotate() {
    setPending(true);
    setError(null);
    setCopied(false);
    try {
      const response = await fetch('/api/calendar/token', { method: 'POST' });
      const body = (await response.json()) as { url?: string; error?: string };
      if (!response.ok || !body.url) throw new Error(body.error ?? 'Could not make the link.');
      setUrl(body.url);
      setHasLink(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not make the link. Try again in a moment.');
    } finally {
      setPending(false);
    }
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setError('Copying was refused by the browser: select the link and copy it by hand.');
    }
  }

  return (
    <section aria-labelledby="calendar-heading" className="grid gap-3">
      <h2 id="calendar-heading" className="text-lg font-semibold">
        Calendar
      </h2>
      <p className="text-sm text-slate-600">
        Your follow-up dates and interviews as a private calendar feed, in your time zone. Subscribe to the link in Google Calendar (Other calendars →
        From URL), Apple Calendar (File → New Calendar Subscription) or Outlook (Add calendar → From the internet); edits here show up there.
      </p>
      <p className="text-sm text-slate-600">
        Anyone with the link can read these events, and it is shown only once: trackend keeps just a fingerprint of it.{' '}
        {hasLink ? 'Making a new link breaks the old one, in every calendar subscribed to it.' : null}
      </p>
      {url ? (
        <div className="flex flex-wrap items-center gap-2">
          <label className="sr-only" htmlFor="calendar-url">
            Your calendar link
          </label>
          <input
            id="calendar-url"
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          />
          <button type="button" onClick={() => void copy()} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50">
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      ) : hasLink && createdAt ? (
        <p className="text-sm text-slate-600">You made a calendar link on {new Date(createdAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}.</p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => void rotate()}
          disabled={pending}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60"
        >
          {pending ? 'Making the link…' : hasLink ? 'Make a new link (the old one stops working)' : 'Create my calendar link'}
        </button>
        <p role="status" className="text-sm">
          {copied ? <span className="text-emerald-700">Link copied.</span> : null}
          {error ? <span className="text-red-600">{error}</span> : null}
        </p>
      </div>
    </section>
  );
}
