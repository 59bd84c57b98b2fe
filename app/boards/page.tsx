import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { currentUser } from '@/lib/auth/session';
import { listBoardHealth, type BoardHealth } from '@/lib/boards/health';
import { env } from '@/lib/env';
import { backgroundIngestRunning } from '@/lib/ingest/background';
import { loadIngestTargets } from '@/lib/ingest/catalog';
import { Badge, Card, relativeTime } from '../components/ui';
import { refreshBoards, loadSampleListings, toggleBoard } from './actions';
import { AddFeedForm } from './add-feed-form';

export const metadata: Metadata = { title: 'Boards' };
export const dynamic = 'force-dynamic';

function statusBadge(board: BoardHealth) {
  if (!board.enabled) return <Badge>disabled</Badge>;
  if (board.runningSince) return <Badge tone="blue">running</Badge>;
  if (board.backoffUntil && board.backoffUntil > new Date()) return <Badge tone="amber">backing off</Badge>;
  if (board.lastRun?.status === 'failed') return <Badge tone="red">failing</Badge>;
  if (!board.lastRun) return <Badge>never run</Badge>;
  return <Badge tone="green">healthy</Badge>;
}

function when(date: Date | null, now: Date) {
  if (!date) return '—';
  const minutes = Math.round((date.getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) return 'due now';
  return minutes < 90 ? `in ${minutes} min` : `in ${Math.round(minutes / 60)} h`;
}

export default async function BoardsPage() {
  const db = await getDb();
  const user = await currentUser();
  // Make sure every built-in board has a row, so a fresh install lists them all.
  await loadIngestTargets(db);
  const now = new Date();
  const boards = await listBoardHealth(db, env().INGEST_INTERVAL_MINUTES, now);
  const running = backgroundIngestRunning() || boards.some((board) => board.runningSince);
  const hasListings = boards.some((board) => board.liveListings > 0);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Boards</h1>
          <p className="mt-1 text-slate-600">
            Where listings come from, and how each source is doing. Boards are read every {env().INGEST_INTERVAL_MINUTES} minutes;
            a failing board backs off and is retried later.
          </p>
        </div>
        <div className="flex gap-2">
          {!hasListings ? (
            <form action={loadSampleListings}>
              <button className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">
                Load sample listings
              </button>
            </form>
          ) : null}
          <form action={refreshBoards}>
            <button disabled={running} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60">
              {running ? 'Refreshing…' : 'Refresh boards now'}
            </button>
          </form>
        </div>
      </div>

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Board health</caption>
          <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">Board</th>
              <th scope="col" className="px-4 py-3">Status</th>
              <th scope="col" className="px-4 py-3">Last success</th>
              <th scope="col" className="px-4 py-3">Last run</th>
              <th scope="col" className="px-4 py-3 text-right">Live</th>
              <th scope="col" className="px-4 py-3">Next run</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {boards.map((board) => (
              <tr key={board.id} className="align-top">
                <td className="px-4 py-3">
                  <a href={board.homepage ?? board.url} target="_blank" rel="noopener noreferrer" className="font-medium hover:underline">
                    {board.name}
                  </a>
                  <div className="mt-0.5 flex gap-1 text-xs text-slate-500">
                    <span className="uppercase">{board.kind}</span>
                    {board.custom ? <span>· your feed</span> : null}
                    {board.sampleListings > 0 ? <span>· sample data</span> : null}
                  </div>
                </td>
                <td className="px-4 py-3">
                  {statusBadge(board)}
                  {board.lastError && board.lastErrorAt && (!board.lastSuccessAt || board.lastErrorAt > board.lastSuccessAt) ? (
                    <p className="mt-1 max-w-xs text-xs break-words text-red-700">
                      {board.lastError}
                      {board.consecutiveFailures > 1 ? ` (${board.consecutiveFailures} failures in a row)` : ''}
                    </p>
                  ) : null}
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">{relativeTime(board.lastSuccessAt, now)}</td>
                <td className="px-4 py-3 text-slate-600">
                  {board.lastRun ? (
                    <>
                      <span className="whitespace-nowrap">
                        {board.lastRun.status === 'not_modified'
                          ? 'not modified (304)'
                          : `${board.lastRun.new} new · ${board.lastRun.updated} updated · ${board.lastRun.removed} removed`}
                      </span>
                      {board.lastRun.skipped + board.lastRun.failed > 0 ? (
                        <details className="mt-1 text-xs">
                          <summary className="cursor-pointer text-amber-700">
                            {board.lastRun.skipped} skipped, {board.lastRun.failed} failed
                          </summary>
                          <ul className="mt-1 max-w-sm list-disc space-y-0.5 pl-4 break-words">
                            {board.lastRun.problems.slice(0, 10).map((problem, i) => (
                              <li key={i}>{problem}</li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{board.liveListings}</td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">{board.enabled ? when(board.nextRunAt, now) : '—'}</td>
                <td className="px-4 py-3">
                  <div className="flex justify-end gap-2">
                    <form action={refreshBoards}>
                      <input type="hidden" name="boardId" value={board.id} />
                      <button disabled={running || !board.enabled} className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-50">
                        Refresh
                      </button>
                    </form>
                    {user ? (
                      <form action={toggleBoard}>
                        <input type="hidden" name="boardId" value={board.id} />
                        <input type="hidden" name="enabled" value={String(!board.enabled)} />
                        <button className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
                          {board.enabled ? 'Disable' : 'Enable'}
                        </button>
                      </form>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Card title="Add a niche board">
        <p className="mb-4 text-sm text-slate-600">
          Niche boards come and go faster than we can write modules. Any RSS or Atom feed of job posts becomes a board of its own,
          classified like all the others.
        </p>
        {user ? (
          <AddFeedForm />
        ) : (
          <p className="text-sm">
            <Link href="/signin?next=/boards" className="font-medium text-brand-700 underline">
              Sign in
            </Link>{' '}
            to add a feed.
          </p>
        )}
      </Card>
    </div>
  );
}
