import { can, type Actor } from '../auth/roles';
import { boardStatus, type BoardHealth } from './health';
import { REFRESH_WINDOW_MINUTES } from './refresh';

/** When the board's refresh window lets the next refresh in (null: now). */
export function nextRefreshAt(board: BoardHealth, now = new Date()): Date | null {
  if (!board.refreshRequestedAt) return null;
  const at = new Date(board.refreshRequestedAt.getTime() + REFRESH_WINDOW_MINUTES * 60_000);
  return at > now ? at : null;
}

/**
 * A board as GET /api/boards shows it to this actor: the short status for everyone; the raw
 * error, the run's problems and the proposer for admins only; `hidden` for signed-in users.
 */
export function boardJson(board: BoardHealth, actor: Actor, options: { hidden?: readonly string[]; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const status = boardStatus(board, now);
  const run = board.lastRun;
  const json = {
    id: board.id,
    name: board.name,
    kind: board.kind,
    url: board.url,
    homepage: board.homepage,
    custom: board.custom,
    enabled: board.enabled,
    status,
    lastSuccessAt: board.lastSuccessAt?.toISOString() ?? null,
    nextRunAt: board.nextRunAt?.toISOString() ?? null,
    nextRefreshAt: nextRefreshAt(board, now)?.toISOString() ?? null,
    counts: { live: board.liveListings, sample: board.sampleListings },
    lastRun: run
      ? {
          id: run.id,
          status: run.status,
          startedAt: run.startedAt.toISOString(),
          finishedAt: run.finishedAt?.toISOString() ?? null,
          counts: { fetched: run.fetched, new: run.new, updated: run.updated, unchanged: run.unchanged, removed: run.removed, skipped: run.skipped, failed: run.failed },
        }
      : null,
    ...(actor.userId ? { hidden: options.hidden?.includes(board.id) ?? false } : {}),
  };
  if (!can(actor, 'boards.seeErrors')) return json;
  const failing = status === 'failing' || status === 'backing-off';
  return {
    ...json,
    error: failing ? board.lastError : null,
    consecutiveFailures: board.consecutiveFailures,
    problems: run?.problems ?? [],
    proposedBy: board.proposerEmail,
  };
}
