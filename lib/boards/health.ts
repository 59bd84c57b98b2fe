import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/types';

export interface BoardHealth {
  id: string;
  name: string;
  kind: 'rss' | 'json' | 'html';
  url: string;
  homepage: string | null;
  custom: boolean;
  enabled: boolean;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  consecutiveFailures: number;
  backoffUntil: Date | null;
  runningSince: Date | null;
  liveListings: number;
  sampleListings: number;
  lastRun: {
    status: 'running' | 'succeeded' | 'not_modified' | 'failed';
    startedAt: Date;
    finishedAt: Date | null;
    httpStatus: number | null;
    fetched: number;
    new: number;
    updated: number;
    unchanged: number;
    removed: number;
    skipped: number;
    failed: number;
    problems: string[];
  } | null;
  /** When the schedule will next read this board. */
  nextRunAt: Date | null;
}

const toDate = (value: unknown) => (value == null ? null : new Date(value as string));

/** Every board with its latest run and listing counts, for /boards. One query. */
export async function listBoardHealth(db: Db, intervalMinutes: number, now = new Date()): Promise<BoardHealth[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select b.*, r.run,
          (select count(*)::int from listings l where l.board_id = b.id and l.removed_at is null) as live_listings,
          (select count(*)::int from listings l where l.board_id = b.id and l.removed_at is null and l.is_sample) as sample_listings
        from boards b
        left join lateral (
          select row_to_json(ir) as run from ingest_runs ir where ir.board_id = b.id order by ir.started_at desc, ir.id desc limit 1
        ) r on true
        order by b.custom, b.name`,
  );
  return rows.map((row) => {
    const run = row.run as Record<string, unknown> | null;
    const lastSuccessAt = toDate(row.last_success_at);
    const backoffUntil = toDate(row.backoff_until);
    const enabled = Boolean(row.enabled);
    const dueBySchedule = lastSuccessAt ? new Date(lastSuccessAt.getTime() + intervalMinutes * 60_000) : now;
    const nextRunAt = !enabled ? null : backoffUntil && backoffUntil > dueBySchedule ? backoffUntil : dueBySchedule;
    return {
      id: String(row.id),
      name: String(row.name),
      kind: row.kind as BoardHealth['kind'],
      url: String(row.url),
      homepage: (row.homepage as string | null) ?? null,
      custom: Boolean(row.custom),
      enabled,
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
            status: run.status as NonNullable<BoardHealth['lastRun']>['status'],
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

/** Boards the schedule should read now: enabled, not backing off, not run within the interval. */
export async function boardsDue(db: Db, intervalMinutes: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from boards
        where enabled
          and (backoff_until is null or backoff_until <= now())
          and (last_success_at is null or last_success_at <= now() - make_interval(mins => ${intervalMinutes}))
        order by id`,
  );
  return rows.map((row) => row.id);
}
