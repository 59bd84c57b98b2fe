'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

export interface DigestRowData {
  id: string;
  name: string;
  enabled: boolean;
  hour: number;
  /** When the next digest is due, in words (null: off). */
  next: string | null;
  /** The latest digest and what became of it. */
  last: string | null;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const buttonClass = 'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50';

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return body?.error ?? `The server answered ${response.status}.`;
}

export function DigestRow({ row }: { row: DigestRowData }) {
  const router = useRouter();
  const [enabled, setEnabled] = useState(row.enabled);
  const [hour, setHour] = useState(row.hour);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const changed = enabled !== row.enabled || hour !== row.hour;

  async function save() {
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/saved-searches/${row.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ digest: { enabled, hour } }),
      });
      if (!response.ok) setMessage({ tone: 'error', text: await errorOf(response) });
      else {
        setMessage({ tone: 'ok', text: 'Saved.' });
        router.refresh();
      }
    } finally {
      setBusy(false);
    }
  }

  async function sendNow() {
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/saved-searches/${row.id}/digest`, { method: 'POST' });
      if (response.status !== 202) setMessage({ tone: 'error', text: await errorOf(response) });
      else {
        const body = (await response.json()) as { status: 'sent' | 'queued' };
        setMessage(
          body.status === 'sent'
            ? { tone: 'ok', text: 'Sent: check your inbox.' }
            : { tone: 'error', text: 'The mail server did not take it; it will be retried in a few minutes.' },
        );
        router.refresh();
      }
    } finally {
      setBusy(false);
    }
  }

  const id = `digest-${row.id}`;
  return (
    <li className="grid gap-2 rounded-lg border border-slate-200 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">{row.name}</span>
        <span className="text-xs text-slate-500">{row.next ? `Next: ${row.next}` : 'Off'}</span>
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} aria-describedby={`${id}-last`} />
          Daily email
        </label>
        <label className="flex items-center gap-2">
          at
          <select value={hour} onChange={(event) => setHour(Number(event.target.value))} className="rounded-md border border-slate-300 px-2 py-1" aria-label={`Hour of the digest of ${row.name}`}>
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {String(h).padStart(2, '0')}:00
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={buttonClass} disabled={busy || !changed} onClick={() => void save()}>
          Save
        </button>
        <button type="button" className={buttonClass} disabled={busy} onClick={() => void sendNow()}>
          Send now
        </button>
      </div>
      <p id={`${id}-last`} className="text-xs text-slate-500">
        {row.last ? `Last digest: ${row.last}` : 'No digest sent yet.'}
      </p>
      {message ? (
        <p role="status" className={`text-sm ${message.tone === 'ok' ? 'text-emerald-700' : 'text-red-700'}`}>
          {message.text}
        </p>
      ) : null}
    </li>
  );
}
