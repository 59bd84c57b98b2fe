import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { ForbiddenError, UnauthorizedError } from '../errors';
import type { AccountUser } from './accounts';
import { auth } from './next-auth';
import { safeNextPath } from './next-path';
import { actorFor, type Actor } from './roles';
import { sessionUser } from './server-sessions';

// The one way app/ code learns who is acting. Every private query takes the returned id.

/**
 * The signed-in user, or null. A valid cookie is not enough: its server-side session must still
 * exist (ended by sign-out, "sign out everywhere", a password change or account deletion), and
 * the user row is read in the same query, so a deleted account loses access at once.
 */
export const currentUser = cache(async (): Promise<AccountUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId) return null;
  return sessionUser(await getDb(), sessionId, id);
});

/** For server actions and API routes: throws UnauthorizedError (401) when signed out. */
export async function requireUser(): Promise<AccountUser> {
  const user = await currentUser();
  if (!user) throw new UnauthorizedError();
  return user;
}

/** Who is acting and in which role (lib/auth/roles.ts decides), once per request. */
export const currentActor = cache(async (): Promise<Actor> => actorFor(await getDb(), await currentUser()));

/** For admin-only actions and routes: UnauthorizedError (401) when signed out, ForbiddenError (403) for other users. */
export async function requireAdmin(): Promise<AccountUser> {
  const user = await requireUser();
  if ((await currentActor()).role !== 'admin') throw new ForbiddenError();
  return user;
}

/** For private pages: sends a signed-out visitor to /signin, and back here afterwards. */
export async function requirePageUser(path: string): Promise<AccountUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(safeNextPath(path))}`);
  return user;
}
