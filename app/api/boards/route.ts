import { getDb } from '@/db/client';
import { currentActor } from '@/lib/auth/session';
import { boardJson } from '@/lib/boards/json';
import { getBoard, listBoards, submitFeed } from '@/lib/boards/manage';
import { env } from '@/lib/env';
import { ensureBuiltInBoardRows } from '@/lib/ingest/catalog';
import { hiddenBoardIds } from '@/lib/profile/profile';
import { handle, json, readJsonBody } from '../http';

export const dynamic = 'force-dynamic';

// No requireUser/requireAdmin here on purpose: GET is public (visitors see a short status), and
// POST's who-may-do-what (admin adds, user proposes, visitor 401) is decided by the one policy
// inside submitFeed (lib/auth/roles.ts assertCan), the same check the /boards actions get.

/** GET /api/boards: every board the caller may see, with its status (raw errors for admins only). */
export const GET = handle(async () => {
  const db = await getDb();
  const actor = await currentActor();
  // Every built-in board has a row, so a fresh install lists them all (as /boards does).
  await ensureBuiltInBoardRows(db);
  const [boards, hidden] = await Promise.all([
    listBoards(db, actor, { intervalMinutes: env().INGEST_INTERVAL_MINUTES }),
    actor.userId ? hiddenBoardIds(db, actor.userId) : ([] as string[]),
  ]);
  const now = new Date();
  return json({ boards: boards.map((board) => boardJson(board, actor, { hidden, now })) });
});

/** POST /api/boards {name, url}: an admin adds a feed (201); a user proposes one (202, pending). */
export const POST = handle(async (request: Request) => {
  const db = await getDb();
  const actor = await currentActor();
  const body = await readJsonBody(request);
  const { id, outcome } = await submitFeed(db, actor, body);
  const board = await getBoard(db, actor, id, { intervalMinutes: env().INGEST_INTERVAL_MINUTES });
  const hidden = actor.userId ? await hiddenBoardIds(db, actor.userId) : [];
  return json(boardJson(board, actor, { hidden }), outcome === 'added' ? 201 : 202);
});
