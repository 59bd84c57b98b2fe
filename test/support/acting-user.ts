import type { Db } from '../../db/types';
import { actorFor } from '../../lib/auth/roles';
import { ForbiddenError, UnauthorizedError } from '../../lib/errors';

/**
 * Route and server-action tests run the real handlers against a test database, as a chosen
 * user. Each test file mocks the two modules that decide those, with these factories:
 *
 *   vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
 *   vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
 *
 * then sets `acting.db` once and `acting.userId` (null: signed out) before each request. Roles
 * come from the real policy (lib/auth/roles.ts) over the test database, with `acting.adminEmails`
 * standing in for ADMIN_EMAILS.
 */
export const acting: { db: Db | null; userId: string | null; adminEmails: string[] } = { db: null, userId: null, adminEmails: [] };

export async function mockDbClient(importOriginal: () => Promise<unknown>) {
  const original = (await importOriginal()) as typeof import('../../db/client');
  return {
    ...original,
    getDb: async (): Promise<Db> => {
      if (!acting.db) throw new Error('acting.db is not set: assign the test database first');
      return acting.db;
    },
  };
}

export function mockSession() {
  const user = () => (acting.userId ? { id: acting.userId, email: null, name: null } : null);
  const actor = () => actorFor(acting.db!, user(), acting.adminEmails);
  return {
    currentUser: async () => user(),
    currentActor: actor,
    requireAdmin: async () => {
      const signedIn = user();
      if (!signedIn) throw new UnauthorizedError();
      if ((await actor()).role !== 'admin') throw new ForbiddenError();
      return signedIn;
    },
    requireUser: async () => {
      const signedIn = user();
      if (!signedIn) throw new UnauthorizedError();
      return signedIn;
    },
    requirePageUser: async () => {
      const signedIn = user();
      if (!signedIn) throw new UnauthorizedError();
      return signedIn;
    },
  };
}
