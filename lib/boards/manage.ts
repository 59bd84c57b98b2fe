import 'server-only';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { boards, profiles } from '../../db/schema';
import type { Db } from '../../db/types';
import { assertCan, can, type Actor } from '../auth/roles';
import { BadInputError, ConflictError, fieldErrors, NotFoundError } from '../errors';
import { startBoardRun } from '../ingest/background';
import { addCustomFeed, loadIngestTargets } from '../ingest/catalog';
import { setBoardHidden } from '../profile/profile';
import type { FetchText } from '../../scrapers/types';
import { assertSuppliedFeedUrl } from './feed-url-check';
import { listBoardHealth, type BoardHealth, type PendingScope } from './health';

// The board catalog as people change it, each operation checking the actor's role itself
// (lib/auth/roles.ts): the pages, server actions and route handlers only pass the actor on.
// Rejected proposals are deleted, not kept: the proposer sees them gone, and the name is free.

/** Proposals one user may have waiting at once, so nobody can bury the admins' review list. */
export const MAX_PENDING_PER_USER = 10;

export const boardIdSchema = z.string().trim().regex(/^[a-z0-9-]{1,60}$/, 'must be a board id');

export const feedInputSchema = z.object({
  name: z.string({ error: 'Give the board a name.' }).trim().min(1, 'Give the board a name.').max(80, 'Keep the name under 80 characters.'),
  url: z.string({ error: 'Enter the feed URL.' }).trim().url('Enter the full feed URL, starting with https://').max(2000, 'That URL is too long.'),
});

/** The proposed feeds an actor may see: admins every one, a user their own. */
function pendingScope(actor: Actor): PendingScope {
  if (can(actor, 'boards.review')) return 'all';
  return actor.userId ? { proposedBy: actor.userId } : 'none';
}

/** The boards the actor may see, with their health. */
export async function listBoards(db: Db, actor: Actor, options: { intervalMinutes: number; now?: Date }): Promise<BoardHealth[]> {
  return listBoardHealth(db, options.intervalMinutes, options.now ?? new Date(), pendingScope(actor));
}

/** One board the actor may see; NotFoundError for a missing one and for someone else's proposal alike. */
export async function getBoard(db: Db, actor: Actor, boardId: string, options: { intervalMinutes: number; now?: Date }): Promise<BoardHealth> {
  const id = boardIdSchema.safeParse(boardId);
  if (!id.success) throw new NotFoundError('No such board');
  const [board] = await listBoardHealth(db, options.intervalMinutes, options.now ?? new Date(), pendingScope(actor), id.data);
  if (!board) throw new NotFoundError('No such board');
  return board;
}

async function boardRow(db: Db, boardId: string) {
  const id = boardIdSchema.safeParse(boardId);
  if (!id.success) throw new NotFoundError('No such board');
  // A followed company is a board row too, but not one of the catalog's (lib/companies).
  const [row] = await db.select().from(boards).where(and(eq(boards.id, id.data), isNull(boards.atsSystem)));
  if (!row) throw new NotFoundError('No such board');
  return row;
}

/** Start a board's first run in the background (after an admin adds or approves it). */
async function startFirstRun(db: Db, boardId: string, fetchText?: FetchText): Promise<void> {
  const [target] = await loadIngestTargets(db, [boardId]);
  if (target) await startBoardRun(db, target, { network: fetchText });
}

/**
 * An admin adds a feed (fetched and listed at once); a user proposes one (pending until an
 * admin approves it). BadInputError names `name` or `url`.
 */
export async function submitFeed(
  db: Db,
  actor: Actor,
  input: unknown,
  options: { fetchText?: FetchText } = {},
): Promise<{ id: string; outcome: 'added' | 'proposed' }> {
  const adding = can(actor, 'boards.addFeed');
  if (!adding) assertCan(actor, 'boards.proposeFeed');
  const parsed = feedInputSchema.safeParse(input);
  if (!parsed.success) throw new BadInputError('Check the highlighted fields.', fieldErrors(parsed.error));
  await assertSuppliedFeedUrl(parsed.data.url);
  if (adding) {
    const id = await addCustomFeed(db, parsed.data);
    await startFirstRun(db, id, options.fetchText);
    return { id, outcome: 'added' };
  }
  const [waiting] = await db
    .select({ n: count() })
    .from(boards)
    .where(and(eq(boards.pending, true), eq(boards.proposedBy, actor.userId!)));
  if ((waiting?.n ?? 0) >= MAX_PENDING_PER_USER) {
    throw new ConflictError(`You have ${MAX_PENDING_PER_USER} feeds waiting for review; wait for an admin to look at them first.`);
  }
  const id = await addCustomFeed(db, parsed.data, { proposedBy: actor.userId! });
  return { id, outcome: 'proposed' };
}

/** Turn a board on or off for everyone (admins). */
export async function setBoardEnabledAs(db: Db, actor: Actor, boardId: string, enabled: boolean): Promise<void> {
  assertCan(actor, 'boards.toggle');
  const row = await boardRow(db, boardId);
  if (row.pending) throw new ConflictError('That feed is waiting for review: approve it first.');
  await db.update(boards).set({ enabled }).where(eq(boards.id, row.id));
}

/** Approve a proposed feed (it is fetched at once) or reject it (it is deleted). Admins. */
export async function reviewFeed(
  db: Db,
  actor: Actor,
  boardId: string,
  decision: 'approve' | 'reject',
  options: { fetchText?: FetchText } = {},
): Promise<void> {
  assertCan(actor, 'boards.review');
  const row = await boardRow(db, boardId);
  // Only a pending row changes, so two admins deciding at once cannot both act on it.
  const pendingRow = and(eq(boards.id, row.id), eq(boards.pending, true));
  const changed =
    decision === 'approve'
      ? await db.update(boards).set({ pending: false }).where(pendingRow).returning({ id: boards.id })
      : await db.delete(boards).where(pendingRow).returning({ id: boards.id });
  if (changed.length === 0) throw new ConflictError('That feed is not waiting for review.');
  if (decision === 'approve') await startFirstRun(db, row.id, options.fetchText);
}

/** Remove a feed and its listings (admins). Built-in boards are turned off instead. */
export async function removeFeed(db: Db, actor: Actor, boardId: string): Promise<void> {
  assertCan(actor, 'boards.removeFeed');
  const row = await boardRow(db, boardId);
  if (!row.custom) throw new ConflictError('Built-in boards cannot be removed; disable the board instead.');
  await db.transaction(async (tx) => {
    await tx.delete(boards).where(eq(boards.id, row.id));
    await tx
      .update(profiles)
      .set({ hiddenBoards: sql`array_remove(${profiles.hiddenBoards}, ${row.id}::text)` })
      .where(sql`${row.id}::text = any(${profiles.hiddenBoards})`);
  });
}

/** Hide a board's listings from the actor's own job results, or show them again. */
export async function hideBoard(db: Db, actor: Actor, boardId: string, hidden: boolean): Promise<string[]> {
  assertCan(actor, 'boards.hide');
  const row = await boardRow(db, boardId);
  if (row.pending) throw new NotFoundError('No such board');
  return setBoardHidden(db, actor.userId!, row.id, hidden);
}
