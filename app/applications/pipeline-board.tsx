'use client';

import Link from 'next/link';
import { useId, useOptimistic, useState, useTransition } from 'react';
import { formText } from '@/app/form-text';
import { APPLICATION_STATUSES, STATUS_LABEL, type ApplicationStatus } from '@/lib/applications/statuses';
import { moveApplication } from './actions';
import { closedText, formatDay, type CardData } from './format';

// The board view: one column per status. Cards move by drag and drop, or (keyboard, touch,
// screen readers) with the "Move to…" select on each card.

function MoveForm({ card, onMove }: { card: CardData; onMove: (id: string, status: ApplicationStatus) => void }) {
  const selectId = useId();
  return (
    <form
      className="mt-2 flex items-center gap-1"
      action={(formData) => onMove(card.id, formText(formData, 'status') as ApplicationStatus)}
    >
      <label htmlFor={selectId} className="sr-only">
        Move {card.title} at {card.company} to
      </label>
      <select id={selectId} name="status" defaultValue={card.status} className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1.5 py-1 text-xs">
        {APPLICATION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:border-brand-500">
        Move
      </button>
    </form>
  );
}

export function PipelineBoard({ cards }: { cards: CardData[] }) {
  const [optimistic, applyMove] = useOptimistic(cards, (current, move: { id: string; status: ApplicationStatus }) =>
    current.map((c) => (c.id === move.id ? { ...c, status: move.status } : c)),
  );
  const [, startTransition] = useTransition();
  const [message, setMessage] = useState('');
  const [dragOver, setDragOver] = useState<ApplicationStatus | null>(null);

  const move = (id: string, status: ApplicationStatus) => {
    const card = optimistic.find((c) => c.id === id);
    if (!card || card.status === status) return;
    startTransition(async () => {
      applyMove({ id, status });
      const formData = new FormData();
      formData.set('id', id);
      formData.set('status', status);
      const result = await moveApplication({}, formData);
      setMessage(result.error ?? `Moved ${card.title} at ${card.company} to ${STATUS_LABEL[status]}.`);
    });
  };

  return (
    <div>
      <p role="status" aria-live="polite" className="mb-2 min-h-5 text-sm text-slate-600">
        {message}
      </p>
      <div role="group" className="flex gap-3 overflow-x-auto pb-3" aria-label="Pipeline board">
        {APPLICATION_STATUSES.map((status) => {
          const column = optimistic.filter((c) => c.status === status);
          const headingId = `column-${status}`;
          return (
            <section
              key={status}
              aria-labelledby={headingId}
              data-status={status}
              onDragOver={(event) => {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                setDragOver(status);
              }}
              onDragLeave={() => setDragOver((s) => (s === status ? null : s))}
              onDrop={(event) => {
                event.preventDefault();
                setDragOver(null);
                const id = event.dataTransfer.getData('text/plain');
                if (id) move(id, status);
              }}
              className={`flex w-56 shrink-0 flex-col rounded-xl border p-2 ${dragOver === status ? 'border-brand-500 bg-brand-50' : 'border-slate-200 bg-slate-50'}`}
            >
              <h3 id={headingId} className="mb-2 flex items-center justify-between px-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {STATUS_LABEL[status]}
                <span className="tabular-nums">{column.length}</span>
              </h3>
              <ul className="flex min-h-16 flex-col gap-2" aria-label={`${STATUS_LABEL[status]} applications`}>
                {column.map((card) => (
                  <li
                    key={card.id}
                    draggable
                    onDragStart={(event) => {
                      event.dataTransfer.setData('text/plain', card.id);
                      event.dataTransfer.effectAllowed = 'move';
                    }}
                    className="cursor-grab rounded-lg border border-slate-200 bg-white p-2.5 text-sm shadow-sm active:cursor-grabbing"
                    data-application-id={card.id}
                  >
                    <Link href={`/applications/${card.id}`} className="font-medium hover:underline">
                      {card.title}
                    </Link>
                    <p className="text-xs text-slate-600">{card.company}</p>
                    {card.appliedAt ? <p className="mt-1 text-xs text-slate-500">Applied {formatDay(card.appliedAt)}</p> : null}
                    {card.nextFollowUpAt ? <p className="text-xs text-amber-700">Follow up {formatDay(card.nextFollowUpAt)}</p> : null}
                    {card.closedAt ? <p className="text-xs text-slate-500">{closedText(card.closedAt)}</p> : null}
                    <MoveForm card={card} onMove={move} />
                  </li>
                ))}
                {column.length === 0 ? <li className="px-1 text-xs text-slate-500">Drop a card here</li> : null}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
