import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { discardTimer, getTimer, timerJson } from '@/lib/timelog/timer';
import { handle, json } from '../http';

export const dynamic = 'force-dynamic';

/** GET /api/timer: the running timer, or {timer: null}. */
export const GET = handle(async () => {
  const user = await requireUser();
  const timer = await getTimer(await getDb(), user.id);
  return json({ timer: timer ? timerJson(timer) : null });
});

/** DELETE /api/timer: throw the running timer away without logging it (204; 404 when none runs). */
export const DELETE = handle(async () => {
  const user = await requireUser();
  if (!(await discardTimer(await getDb(), user.id))) return json({ error: 'No timer is running.' }, 404);
  return new Response(null, { status: 204 });
});
