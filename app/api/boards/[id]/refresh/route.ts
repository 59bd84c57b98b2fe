import { z } from 'zod';
import { getDb } from '@/db/client';
import { currentActor } from '@/lib/auth/session';
import { refreshBoard } from '@/lib/boards/refresh';
import { BadInputError } from '@/lib/errors';
import { handle, json } from '../../../http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

// No requireUser here on purpose: while an instance has no account a visitor may refresh (so a
// fresh install can be tried); refreshBoard asks the one policy (lib/auth/roles.ts), which
// answers 401 for visitors otherwise and 403 for a non-admin's force.

const forceParam = z.enum(['true', 'false', '1', '0']).optional();

/**
 * POST /api/boards/:id/refresh[?force=1]: 202 with the run's id. One run per board per 10
 * minutes whoever asks (429 with Retry-After), backoff honoured; only admins may force.
 */
export const POST = handle(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const force = forceParam.safeParse(new URL(request.url).searchParams.get('force') ?? undefined);
  if (!force.success) throw new BadInputError('force must be true or false', { force: 'must be true or false' });
  const { runId } = await refreshBoard(await getDb(), await currentActor(), id, { force: force.data === 'true' || force.data === '1' });
  return json({ runId }, 202);
});
