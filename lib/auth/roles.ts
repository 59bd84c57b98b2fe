import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/types';
import { env } from '../env';
import { ForbiddenError, UnauthorizedError } from '../errors';

// Who may do what, decided here and nowhere else. Pages, server actions and route handlers ask
// `can`/`assertCan` with the actor of the request; lib/boards asserts again next to the data.
//
// The role is computed on each request instead of stored: the admin is the oldest account (or
// an ADMIN_EMAILS one), so there is no column to drift out of date when accounts come and go
// or the variable changes. It costs one indexed query (users_created_at_id_index).

export type Role = 'admin' | 'user' | 'visitor';

export type Action =
  /** Refresh boards: one run per board per refresh window, backoff honoured. */
  | 'boards.refresh'
  /** Refresh skipping the window and the backoff of a failing board. */
  | 'boards.forceRefresh'
  | 'boards.loadSamples'
  | 'boards.toggle'
  /** Add a feed that is fetched and listed at once, or remove one. */
  | 'boards.addFeed'
  | 'boards.removeFeed'
  /** Approve or reject proposed feeds, and see every pending one. */
  | 'boards.review'
  /** Propose a feed: it waits, never fetched, until an admin approves it. */
  | 'boards.proposeFeed'
  /** Raw fetch errors, run problems and body samples on /boards and in GET /api/boards. */
  | 'boards.seeErrors'
  /** Hide a board's listings from one's own /jobs and /api/jobs. */
  | 'boards.hide';

export interface Actor {
  userId: string | null;
  role: Role;
  /** No account exists yet: visitors may try the empty-state actions (EMPTY_INSTANCE_ACTIONS). */
  emptyInstance: boolean;
}

const POLICY: Record<Action, readonly Role[]> = {
  'boards.refresh': ['admin', 'user'],
  'boards.forceRefresh': ['admin'],
  'boards.loadSamples': ['admin'],
  'boards.toggle': ['admin'],
  'boards.addFeed': ['admin'],
  'boards.removeFeed': ['admin'],
  'boards.review': ['admin'],
  'boards.proposeFeed': ['user'],
  'boards.seeErrors': ['admin'],
  'boards.hide': ['admin', 'user'],
};

/** What anyone may do while the instance has no account, so a fresh install can be tried first. */
const EMPTY_INSTANCE_ACTIONS: ReadonlySet<Action> = new Set(['boards.refresh', 'boards.loadSamples']);

export function can(actor: Pick<Actor, 'role' | 'emptyInstance'>, action: Action): boolean {
  if (POLICY[action].includes(actor.role)) return true;
  return actor.role === 'visitor' && actor.emptyInstance && EMPTY_INSTANCE_ACTIONS.has(action);
}

/** Throws UnauthorizedError (401) for a visitor, ForbiddenError (403) for a signed-in user without the right. */
export function assertCan(actor: Actor, action: Action): void {
  if (can(actor, action)) return;
  if (actor.role === 'visitor') throw new UnauthorizedError();
  throw new ForbiddenError();
}

/**
 * The role of a signed-in user (by id: the row decides, not the session), or 'visitor'.
 * Admin: the oldest account (created first; ties by id), or an email in ADMIN_EMAILS.
 */
export async function roleOf(db: Db, user: { id: string } | null, adminEmails: readonly string[] = env().ADMIN_EMAILS): Promise<Role> {
  if (!user) return 'visitor';
  const [row] = await queryRows<{ email: string | null; oldest: boolean }>(
    db,
    sql`select u.email,
          not exists (select 1 from users o where (o.created_at, o.id) < (u.created_at, u.id)) as oldest
        from users u where u.id = ${user.id}`,
  );
  if (!row) return 'visitor'; // the account was deleted while its cookie lived on
  if (row.oldest || (row.email !== null && adminEmails.includes(row.email.toLowerCase()))) return 'admin';
  return 'user';
}

/** The actor of a request: role, and for visitors whether the instance has any account yet. */
export async function actorFor(db: Db, user: { id: string } | null, adminEmails?: readonly string[]): Promise<Actor> {
  const role = await roleOf(db, user, adminEmails);
  if (role !== 'visitor') return { userId: user!.id, role, emptyInstance: false };
  const [row] = await queryRows<{ any: boolean }>(db, sql`select exists (select 1 from users) as any`);
  return { userId: null, role, emptyInstance: !row?.any };
}
