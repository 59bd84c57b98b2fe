import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { entryJson } from '@/lib/timelog/entries';
import { stopTimer } from '@/lib/timelog/timer';
import { handle, json } from '../../http';

export const dynamic = 'force-dynamic';

/** POST /api/timer/stop: saves the running timer as an entry (201, capped past 4 h); 409 when none runs. */
export const POST = handle(async () => {
  const user = await requireUser();
  const entry = await stopTimer(await getDb(), user.id);
  return json({ entry: entryJson(entry) }, 201);
});
