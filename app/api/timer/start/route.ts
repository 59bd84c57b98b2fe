import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { startTimer, timerJson } from '@/lib/timelog/timer';
import { handle, json, readJsonBody } from '../../http';

export const dynamic = 'force-dynamic';

/**
 * POST /api/timer/start {kind, area?, projectId?, applicationId?, note?}: 201 with the timer.
 * One timer per user: 409 while one runs (stop it first).
 */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const timer = await startTimer(await getDb(), user.id, await readJsonBody(request));
  return json({ timer: timerJson(timer) }, 201);
});
