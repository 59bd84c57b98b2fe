import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { getDashboard } from '@/lib/dashboard/dashboard';
import { handle, json } from '../http';
import { parseDateQuery } from '../time-entries/query';

export const dynamic = 'force-dynamic';

/** GET /api/dashboard?date=YYYY-MM-DD: the dashboard's figures for that day in the user's zone (today by default). */
export const GET = handle(async (request: Request) => {
  const user = await requireUser();
  const { date } = parseDateQuery(new URL(request.url).searchParams);
  return json(await getDashboard(await getDb(), user.id, { date }));
});
