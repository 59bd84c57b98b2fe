import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { boards, ingestRuns, type Board } from '../../db/schema';
import type { Db } from '../../db/types';
import type { BoardDefinition } from '../../scrapers/types';

/** A run that holds a board longer than this is taken to have died (crash, restart). */
export const LEASE_MINUTES = 30;

/** Back-off after consecutive failures: 15 min, 30, 60, ... capped at 24 h. */
export function backoffMinutes(consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return 0;
  return Math.min(15 * 2 ** (consecutiveFailures - 1), 24 * 60);
}

/** Make sure the board has its row; the module's name, kind and homepage win over stored ones. */
export async function ensureBoardRow(db: Db, board: BoardDefinition, options: { url: string; custom?: boolean }): Promise<Board> {
  const [row] = await db
    .insert(boards)
    .values({ id: board.id, name: board.name, kind: board.kind, url: options.url, homepage: board.homepage, custom: options.custom ?? false })
    .onConflictDoUpdate({
      target: boards.id,
      set: { name: board.name, kind: board.kind, homepage: board.homepage, url: options.url },
    })
    .returning();
  return row!;
}

/**
 * Take the board's lease: true when this process may ingest it now. Another process holding
 * a fresh lease means a run is under way; a stale lease (older than LEASE_MINUTES) is taken over.
 */
export async function claimBoard(db: Db, boardId: string): Promise<boolean> {
  const claimed = await db
    .update(boards)
    .set({ runningSince: sql`now()` })
    .where(
      and(
        eq(boards.id, boardId),
        or(isNull(boards.runningSince), lt(boards.runningSince, sql`now() - make_interval(mins => ${LEASE_MINUTES})`)),
      ),
    )
    .returning({ id: boards.id });
  if (claimed.length > 0) {
    // Runs left 'running' by a process that died are failed now, so /boards tells the truth.
    await db
      .update(ingestRuns)
      .set({ status: 'failed', finishedAt: sql`now()`, error: 'interrupted: the process running it stopped' })
      .where(and(eq(ingestRuns.boardId, boardId), eq(ingestRuns.status, 'running')));
  }
  return claimed.length > 0;
}

export async function releaseBoard(db: Db, boardId: string): Promise<void> {
  await db.update(boards).set({ runningSince: null }).where(eq(boards.id, boardId));
}

export async function recordBoardSuccess(db: Db, boardId: string, validators: { etag: string | null; lastModified: string | null } | null) {
  await db
    .update(boards)
    .set({
      lastSuccessAt: sql`now()`,
      consecutiveFailures: 0,
      backoffUntil: null,
      ...(validators ? { etag: validators.etag, lastModified: validators.lastModified } : {}),
    })
    .where(eq(boards.id, boardId));
}

/** Record a failed run; returns when the board may be tried again. */
export async function recordBoardFailure(db: Db, board: Board, message: string, now = new Date()): Promise<Date> {
  const failures = board.consecutiveFailures + 1;
  const backoffUntil = new Date(now.getTime() + backoffMinutes(failures) * 60_000);
  await db
    .update(boards)
    .set({ lastError: message, lastErrorAt: now, consecutiveFailures: failures, backoffUntil })
    .where(eq(boards.id, board.id));
  return backoffUntil;
}
