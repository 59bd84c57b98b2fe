import 'server-only';
import { sql } from 'drizzle-orm';
import type { Board, IngestRun } from '../../db/schema';
import { queryRows, type Db } from '../../db/types';

/** A board's latest run, as /boards and GET /api/boards show it (the raw error stays on the board row). */
export type LastRun = Omit<IngestRun, 'boardId' | 'error'>;

export interface BoardHealth
  extends Pick<
    Board,
    | 'id'
    | 'name'
    | 'kind'
    | 'url'
    | 'homepage'
    | 'custom'
    | 'enabled'
    | 'pending'
    | 'proposedBy'
    | 'refreshRequestedAt'
    | 'createdAt'
    | 'lastSuccessAt'
    | 'lastErrorAt'
    | 'lastError'
    | 'consecutiveFailures'
    | 'backoffUntil'
    | 'runningSince'
  > {
  /** The proposer's email, for the admins who review proposals. */
  proposerEmail: string | null;
  liveListings: number;
  sampleListings: number;
  lastRun: LastRun | null;
  /** When the schedule will next read this board. */
  nextRunAt: Date | null;
}

const toDate = (value: unknown) => (value == null ? null : new Date(value as string));

/** Which proposed feeds a listing includes: every one (admins), one user's own, or none. */
export type PendingScope = 'all' | { proposedBy: string } | 'none';

function pendingCondition(scope: PendingScope) {
  if (scope === 'all') return sql`true`;
  if (scope === 'none') return sql`not b.pending`;
  return sql`(not b.pending or b.proposed_by = ${scope.proposedBy})`;
}

/**
 * Every board with its latest run and listing counts, for /boards and GET /api/boards (not the
 * companies people follow, which are boards too: lib/companies lists those), and
 * the proposed feeds `pending` lets in (lib/boards/manage.ts picks it by role). One query.
 */
export async function listBoardHealth(db: Db, intervalMinutes: number, now = new Date(), pending: PendingScope = 'none', only?: string): Promise<BoardHealth[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select b.*, r.run, (select u.email from users u where u.id = b.proposed_by) as proposer_email,
          (select count(*)::int from listings l where l.board_id = b.id and l.removed_at is null) as live_listings,
          (select count(*)::int from listings l where l.board_id = b.id and l.removed_at is null and l.is_sample) as sample_listings
        from boards b
        left join lateral (
          select row_to_json(ir) as run from ingest_runs ir where ir.board_id = b.id order by ir.started_at desc, ir.id desc limit 1
        ) r on true
        where ${pendingCondition(pending)} and b.ats_system is null ${only === undefined ? sql`` : sql`and b.id = ${only}`}
        order by b.pending, b.custom, b.name`,
  );
  return rows.map((row) => {
    const run = row.run as Record<string, unknown> | null;
    const lastSuccessAt = toDate(row.last_success_at);
    const backoffUntil = toDate(row.backoff_until);
    const enabled = Boolean(row.enabled);
    const pending = Boolean(row.pending);
    const dueBySchedule = lastSuccessAt ? new Date(lastSuccessAt.getTime() + intervalMinutes * 60_000) : now;
    const nextRunAt = !enabled || pending ? null : backoffUntil && backoffUntil > dueBySchedule ? backoffUntil : dueBySchedule;
    return {
      id: String(row.id),
      name: String(row.name),
      kind: row.kind as Board['kind'],
      url: String(row.url),
      homepage: (row.homepage as string | null) ?? null,
      custom: Boolean(row.custom),
      enabled,
      pending,
      proposedBy: (row.proposed_by as string | null) ?? null,
      proposerEmail: (row.proposer_email as string | null) ?? null,
      refreshRequestedAt: toDate(row.refresh_requested_at),
      createdAt: new Date(row.created_at as string),
      lastSuccessAt,
      lastErrorAt: toDate(row.last_error_at),
      lastError: (row.last_error as string | null) ?? null,
      consecutiveFailures: Number(row.consecutive_failures),
      backoffUntil,
      runningSince: toDate(row.running_since),
      liveListings: Number(row.live_listings),
      sampleListings: Number(row.sample_listings),
      nextRunAt,
      lastRun: run
        ? {
            id: Number(run.id),
            status: run.status as IngestRun['status'],
            startedAt: new Date(run.started_at as string),
            finishedAt: toDate(run.finished_at),
            httpStatus: (run.http_status as number | null) ?? null,
            fetched: Number(run.fetched),
            new: Number(run.new),
            updated: Number(run.updated),
            unchanged: Number(run.unchanged),
            removed: Number(run.removed),
            skipped: Number(run.skipped),
            failed: Number(run.failed),
            problems: (run.problems as string[]) ?? [],
          }
        : null,
    };
  });
}

export type BoardStatus = 'ok' | 'failing' | 'backing-off' | 'pending';

/** The short status everyone may see (raw errors are for admins: lib/auth/roles.ts). */
export function boardStatus(
  board: Pick<BoardHealth, 'pending' | 'backoffUntil' | 'lastErrorAt' | 'lastSuccessAt'> & { lastRun: Pick<LastRun, 'status'> | null },
  now = new Date(),
): BoardStatus {
  if (board.pending) return 'pending';
  if (board.backoffUntil && board.backoffUntil > now) return 'backing-off';
  const failedLast = board.lastRun?.status === 'failed' || (board.lastErrorAt !== null && (!board.lastSuccessAt || board.lastErrorAt > board.lastSuccessAt));
  return failedLast ? 'failing' : 'ok';
}

/** Boards the schedule should read now: enabled, approved, not backing off, not run within the interval. */
export async function boardsDue(db: Db, intervalMinutes: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from boards
        where enabled and not pending
          and (backoff_until is null or backoff_until <= now())
          and (last_success_at is null or last_success_at <= now() - make_interval(mins => ${intervalMinutes}))
        order by id`,
  );
  return rows.map((row) => row.id);
}
