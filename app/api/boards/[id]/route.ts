import { z } from 'zod';
import { getDb } from '@/db/client';
import { currentActor, requireAdmin } from '@/lib/auth/session';
import { boardJson } from '@/lib/boards/json';
import { getBoard, removeFeed, reviewFeed, setBoardEnabledAs } from '@/lib/boards/manage';
import { env } from '@/lib/env';
import { BadInputError } from '@/lib/errors';
import { handle, json, readJsonBody } from '../../http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const patchSchema = z.union([
  z.strictObject({ enabled: z.boolean() }),
  z.strictObject({ approve: z.literal(true) }),
  z.strictObject({ reject: z.literal(true) }),
]);

/** PATCH /api/boards/:id {enabled} | {approve: true} | {reject: true}: admins only. A rejected proposal is deleted (204). */
export const PATCH = handle(async (request: Request, { params }: Context) => {
  await requireAdmin();
  const { id } = await params;
  const parsed = patchSchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    throw new BadInputError('Send one of {"enabled": true|false}, {"approve": true} or {"reject": true}.', {
      body: 'must be {"enabled": true|false}, {"approve": true} or {"reject": true}',
    });
  }
  const db = await getDb();
  const actor = await currentActor();
  const change = parsed.data;
  if ('enabled' in change) await setBoardEnabledAs(db, actor, id, change.enabled);
  else await reviewFeed(db, actor, id, 'approve' in change ? 'approve' : 'reject');
  if ('reject' in change) return new Response(null, { status: 204 });
  return json(boardJson(await getBoard(db, actor, id, { intervalMinutes: env().INGEST_INTERVAL_MINUTES }), actor));
});

/** DELETE /api/boards/:id: an admin removes a feed and its listings (built-in boards answer 409: disable them). */
export const DELETE = handle(async (_request: Request, { params }: Context) => {
  await requireAdmin();
  const { id } = await params;
  await removeFeed(await getDb(), await currentActor(), id);
  return new Response(null, { status: 204 });
});
