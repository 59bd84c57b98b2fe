import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { can, type Actor } from '@/lib/auth/roles';
import { currentActor } from '@/lib/auth/session';
import type { BoardHealth } from '@/lib/boards/health';
import { nextRefreshAt } from '@/lib/boards/json';
import { listBoards } from '@/lib/boards/manage';
import { env } from '@/lib/env';
import { backgroundIngestRunning } from '@/lib/ingest/background';
import { ensureBuiltInBoardRows } from '@/lib/ingest/catalog';
import { hiddenBoardIds } from '@/lib/profile/profile';
import { Badge, Card, relativeTime } from '../components/ui';
import { ActionButton } from './action-button';
import { refreshBoards, removeBoard, reviewProposal, setBoardHidden, toggleBoard } from './actions';
import { AddFeedForm } from './add-feed-form';
import { RefreshButtons } from './refresh-buttons';

export const metadata: Metadata = { title: 'Boards' };
export const dynamic = 'force-dynamic';

const SMALL_BUTTON = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs whitespace-nowrap hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50';

function statusBadge(board: BoardHealth, now: Date) {
  if (!board.enabled) return <Badge>disabled</Badge>;
  if (board.runningSince) return <Badge tone="blue">running</Badge>;
  if (board.backoffUntil && board.backoffUntil > now) return <Badge tone="amber">backing off</Badge>;
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

/** The raw error is the admins' (it can quote whatever a feed's server answered); others see the badge. */
function StatusCell({ board, actor, now }: { board: BoardHealth; actor: Actor; now: Date }) {
  const failing = board.lastError && board.lastErrorAt && (!board.lastSuccessAt || board.lastErrorAt > board.lastSuccessAt);
  return (
    <td className="px-4 py-3">
      {statusBadge(board, now)}
      {failing && can(actor, 'boards.seeErrors') ? (
        <p className="mt-1 max-w-xs text-xs break-words text-red-700">
          {board.lastError}
          {board.consecutiveFailures > 1 ? ` (${board.consecutiveFailures} failures in a row)` : ''}
        </p>
      ) : null}
      {board.enabled && board.backoffUntil && board.backoffUntil > now ? (
        <p className="mt-1 text-xs text-slate-500">retried {when(board.backoffUntil, now)}</p>
      ) : null}
    </td>
  );
}

function LastRunCell({ board, actor }: { board: BoardHealth; actor: Actor }) {
  const run = board.lastRun;
  if (!run) return <td className="px-4 py-3 text-slate-600">—</td>;
  const troubled = run.skipped + run.failed > 0;
  return (
    <td className="px-4 py-3 text-slate-600">
      <span className="whitespace-nowrap">
        {run.status === 'not_modified' ? 'not modified (304)' : `${run.new} new · ${run.updated} updated · ${run.removed} removed`}
      </span>
      {troubled && can(actor, 'boards.seeErrors') ? (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-amber-700">
            {run.skipped} skipped, {run.failed} failed
          </summary>
          <ul className="mt-1 max-w-sm list-disc space-y-0.5 pl-4 break-words">
            {run.problems.slice(0, 10).map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </details>
      ) : troubled ? (
        <p className="mt-1 text-xs text-amber-700">
          {run.skipped} skipped, {run.failed} failed
        </p>
      ) : null}
    </td>
  );
}

function Actions({ board, actor, hidden, running, now }: { board: BoardHealth; actor: Actor; hidden: boolean; running: boolean; now: Date }) {
  const admin = can(actor, 'boards.forceRefresh');
  const refreshAt = nextRefreshAt(board, now);
  const backingOff = Boolean(board.backoffUntil && board.backoffUntil > now);
  // Others wait out the shared window and a failing board's backoff; an admin's refresh forces both.
  const waitReason = admin ? null : refreshAt ? `Refreshed recently: again ${when(refreshAt, now)}` : backingOff ? 'Backing off after failures' : null;
  return (
    <td className="px-4 py-3">
      <div className="flex justify-end gap-2">
        {can(actor, 'boards.refresh') ? (
          <ActionButton
            action={refreshBoards}
            fields={{ boardId: board.id, ...(admin ? { force: 'true' } : {}) }}
            label="Refresh"
            pendingLabel="Starting…"
            disabled={running || !board.enabled || waitReason !== null}
            title={waitReason ?? (admin && backingOff ? 'Refresh now, skipping the backoff' : undefined)}
            className={SMALL_BUTTON}
          />
        ) : null}
        {actor.userId ? (
          <ActionButton
            action={setBoardHidden}
            fields={{ boardId: board.id, hidden: String(!hidden) }}
            label={hidden ? 'Show in my jobs' : 'Hide from my jobs'}
            className={SMALL_BUTTON}
          />
        ) : null}
        {can(actor, 'boards.toggle') ? (
          <ActionButton
            action={toggleBoard}
            fields={{ boardId: board.id, enabled: String(!board.enabled) }}
            label={board.enabled ? 'Disable' : 'Enable'}
            title={board.enabled ? 'Stop reading this board, for everyone' : undefined}
            className={SMALL_BUTTON}
          />
        ) : null}
        {board.custom && can(actor, 'boards.removeFeed') ? (
          <ActionButton action={removeBoard} fields={{ boardId: board.id }} label="Remove" className={`${SMALL_BUTTON} text-red-700`} />
        ) : null}
      </div>
      {waitReason && board.enabled && can(actor, 'boards.refresh') ? <p className="mt-1 text-right text-xs text-slate-500">{waitReason}</p> : null}
    </td>
  );
}

function Proposals({ proposals, actor, now }: { proposals: BoardHealth[]; actor: Actor; now: Date }) {
  const reviewer = can(actor, 'boards.review');
  return (
    <Card title={reviewer ? 'Proposed feeds' : 'Your proposals'}>
      <p className="mb-3 text-sm text-slate-600">
        {reviewer
          ? 'Feeds people proposed. Nothing here is fetched or listed until you approve it; a rejected proposal is deleted.'
          : 'Waiting for an admin to review. Until then they are not fetched or listed for anyone.'}
      </p>
      <ul className="divide-y divide-slate-100">
        {proposals.map((board) => (
          <li key={board.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="font-medium">
                {board.name} <Badge tone="amber">pending</Badge>
              </p>
              <p className="mt-0.5 text-xs break-all text-slate-500">{board.url}</p>
              <p className="mt-0.5 text-xs text-slate-500">
                proposed {relativeTime(board.createdAt, now)}
                {reviewer && board.proposerEmail ? ` by ${board.proposerEmail}` : ''}
              </p>
            </div>
            {reviewer ? (
              <div className="flex gap-2">
                <ActionButton
                  action={reviewProposal}
                  fields={{ boardId: board.id, decision: 'approve' }}
                  label="Approve"
                  className="rounded-md bg-brand-700 px-3 py-1.5 text-xs font-medium text-white hover:bg-brand-800 disabled:opacity-60"
                />
                <ActionButton
                  action={reviewProposal}
                  fields={{ boardId: board.id, decision: 'reject' }}
                  label="Reject"
                  className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-xs font-medium text-red-700 hover:bg-slate-100 disabled:opacity-60"
                />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default async function BoardsPage() {
  const db = await getDb();
  const actor = await currentActor();
  // Make sure every built-in board has a row, so a fresh install lists them all.
  await ensureBuiltInBoardRows(db);
  const now = new Date();
  const [visible, hidden] = await Promise.all([
    listBoards(db, actor, { intervalMinutes: env().INGEST_INTERVAL_MINUTES, now }),
    actor.userId ? hiddenBoardIds(db, actor.userId) : ([] as string[]),
  ]);
  const boards = visible.filter((board) => !board.pending);
  const proposals = visible.filter((board) => board.pending);
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
        <RefreshButtons actor={actor} hasListings={hasListings} running={running} />
      </div>

      {actor.role === 'visitor' && !actor.emptyInstance ? (
        <p className="text-sm text-slate-600">
          <Link href="/signin?next=/boards" className="font-medium text-brand-700 underline">
            Sign in
          </Link>{' '}
          to refresh a board, hide the ones you do not want in your jobs, or propose a feed.
        </p>
      ) : null}

      {/* relative: the header's sr-only "Actions" (absolutely placed) would otherwise escape the
          scroller and widen the page on a phone. */}
      <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
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
            {boards.map((board) => {
              const isHidden = hidden.includes(board.id);
              return (
                <tr key={board.id} className={`align-top ${isHidden ? 'bg-slate-50/70' : ''}`}>
                  <td className="px-4 py-3">
                    <a href={board.homepage ?? board.url} target="_blank" rel="noopener noreferrer" className="font-medium hover:underline">
                      {board.name}
                    </a>
                    <div className="mt-0.5 flex flex-wrap gap-1 text-xs text-slate-500">
                      <span className="uppercase">{board.kind}</span>
                      {board.custom ? <span>· added feed</span> : null}
                      {board.sampleListings > 0 ? <span>· sample data</span> : null}
                    </div>
                    {isHidden ? (
                      <div className="mt-1">
                        <Badge>hidden from your jobs</Badge>
                      </div>
                    ) : null}
                  </td>
                  <StatusCell board={board} actor={actor} now={now} />
                  <td className="px-4 py-3 whitespace-nowrap text-slate-600">{relativeTime(board.lastSuccessAt, now)}</td>
                  <LastRunCell board={board} actor={actor} />
                  <td className="px-4 py-3 text-right tabular-nums">{board.liveListings}</td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-600">{board.enabled ? when(board.nextRunAt, now) : '—'}</td>
                  <Actions board={board} actor={actor} hidden={isHidden} running={running} now={now} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {proposals.length ? <Proposals proposals={proposals} actor={actor} now={now} /> : null}

      <Card title="Add a niche board">
        <p className="mb-4 text-sm text-slate-600">
          Niche boards come and go faster than we can write modules. Any RSS or Atom feed of job posts becomes a board of its own,
          classified like all the others.
          {can(actor, 'boards.proposeFeed') && !can(actor, 'boards.addFeed') ? ' Propose one: an admin of this instance reviews it before it is read.' : ''}
        </p>
        {can(actor, 'boards.addFeed') ? (
          <AddFeedForm mode="add" />
        ) : can(actor, 'boards.proposeFeed') ? (
          <AddFeedForm mode="propose" />
        ) : (
          <p className="text-sm">
            <Link href="/signin?next=/boards" className="font-medium text-brand-700 underline">
              Sign in
            </Link>{' '}
            to propose a feed.
          </p>
        )}
      </Card>
    </div>
  );
}
