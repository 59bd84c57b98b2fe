import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/types';
import { assertCan, can, type Actor } from '../auth/roles';
import { ConflictError, NotFoundError, TooManyRequestsError } from '../errors';
import { startBackgroundIngest, startBoardRun } from '../ingest/background';
import { loadIngestTargets } from '../ingest/catalog';
import { sampleTargets } from '../ingest/sample';
import type { FetchText } from '../../scrapers/types';
import { boardIdSchema } from './manage';

/**
 * At most one refresh a board per this many minutes, whoever asks. The window is claimed on the
 * board's row with one conditional UPDATE, so every app process (and both drivers) share it.
 */
export const REFRESH_WINDOW_MINUTES = 10;

type Claim = { ok: true } | { ok: false; error: Error };

/**
 * Claim the board's refresh window, atomically. Unless forced, a board backing off after
 * failures is refused until its backoff ends, and the window stays unclaimed.
 */
async function claimRefreshWindow(db: Db, boardId: string, force: boolean): Promise<Claim> {
  const claimed = await queryRows<{ id: string }>(
    db,
    sql`update boards set refresh_requested_at = now()
        where id = ${boardId} and not pending and enabled
          and (${force} or (
            (refresh_requested_at is null or refresh_requested_at <= now() - make_interval(mins => ${REFRESH_WINDOW_MINUTES}))
            and (backoff_until is null or backoff_until <= now())))
        returning id`,
  );
  if (claimed.length) return { ok: true };
  // Why not: read after the fact, only to word the answer.
  const [row] = await queryRows<{ pending: boolean; enabled: boolean; window_ends: string | Date | null; backoff_until: string | Date | null }>(
    db,
    sql`select pending, enabled, backoff_until,
          case when refresh_requested_at > now() - make_interval(mins => ${REFRESH_WINDOW_MINUTES})
            then refresh_requested_at + make_interval(mins => ${REFRESH_WINDOW_MINUTES}) end as window_ends
        from boards where id = ${boardId}`,
  );
  if (!row) return { ok: false, error: new NotFoundError('No such board') };
  if (row.pending) return { ok: false, error: new ConflictError('That feed is waiting for an admin to approve it.') };
  if (!row.enabled) return { ok: false, error: new ConflictError('That board is disabled.') };
  const windowEnds = row.window_ends ? new Date(row.window_ends) : null;
  const backoffUntil = row.backoff_until ? new Date(row.backoff_until) : null;
  const backingOff = backoffUntil !== null && backoffUntil.getTime() > Date.now();
  if (windowEnds) {
    const retryAt = backingOff && backoffUntil > windowEnds ? backoffUntil : windowEnds;
    return { ok: false, error: new TooManyRequestsError(`This board was refreshed less than ${REFRESH_WINDOW_MINUTES} minutes ago.`, retryAt) };
  }
  if (backingOff) return { ok: false, error: new TooManyRequestsError('This board is backing off after failures; it is retried on its own.', backoffUntil) };
  // Both ended between the update and this read: try again at once.
  return { ok: false, error: new TooManyRequestsError('Try again.', new Date()) };
}

/**
 * Refresh one board in the background and answer with its run's id. Anyone with the right
 * (lib/auth/roles.ts) gets at most one run per board per REFRESH_WINDOW_MINUTES and waits out a
 * failing board's backoff (TooManyRequestsError, with when to retry); admins may force both.
 * A board another process is already running answers with that run. Someone else's proposal is NotFound, one's own
 * or (for admins) any pending feed a ConflictError: nothing pending is ever fetched.
 */
export async function refreshBoard(
  db: Db,
  actor: Actor,
  boardId: string,
  options: { force?: boolean; fetchText?: FetchText } = {},
): Promise<{ runId: number }> {
  const force = options.force ?? false;
  assertCan(actor, force ? 'boards.forceRefresh' : 'boards.refresh');
  const id = boardIdSchema.safeParse(boardId);
  if (!id.success) throw new NotFoundError('No such board');
  const [row] = await queryRows<{ pending: boolean; proposed_by: string | null }>(db, sql`select pending, proposed_by from boards where id = ${id.data}`);
  if (!row || (row.pending && !can(actor, 'boards.review') && row.proposed_by !== actor.userId)) throw new NotFoundError('No such board');

  const claim = await claimRefreshWindow(db, id.data, force);
  if (!claim.ok) throw claim.error;
  const [target] = await loadIngestTargets(db, [id.data]);
  const runId = target ? await startBoardRun(db, target, { force, network: options.fetchText }) : null;
  if (runId === null) throw new ConflictError('The board could not start a run right now; try again shortly.');
  return { runId };
}

/**
 * Refresh every enabled board whose window is free and that is not backing off (the /boards
 * and /jobs "Refresh boards now" button). Returns how many started and how many were skipped.
 */
export async function refreshAllBoards(db: Db, actor: Actor, options: { fetchText?: FetchText } = {}): Promise<{ started: number; skipped: number }> {
  assertCan(actor, 'boards.refresh');
  const targets = await loadIngestTargets(db);
  let started = 0;
  await Promise.all(
    targets.map(async (target) => {
      if (!(await claimRefreshWindow(db, target.board.id, false)).ok) return;
      if ((await startBoardRun(db, target, { network: options.fetchText })) !== null) started++;
    }),
  );
  return { started, skipped: targets.length - started };
}

/** Load the bundled sample listings (admins, and anyone while the instance has no account). */
export async function loadSamples(db: Db, actor: Actor): Promise<boolean> {
  assertCan(actor, 'boards.loadSamples');
  return startBackgroundIngest(db, await sampleTargets(db), { sample: true });
}
