import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { UnauthorizedError } from '../errors';
import type { AccountUser } from './accounts';
import { auth } from './next-auth';
import { safeNextPath } from './next-path';
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

/** For private pages: sends a signed-out visitor to /signin, and back here afterwards. */
export async function requirePageUser(path: string): Promise<AccountUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(safeNextPath(path))}`);
  return user;
}
