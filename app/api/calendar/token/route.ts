import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { calendarFeedUrl, rotateCalendarToken } from '@/lib/calendar/token';
import { env } from '@/lib/env';
import { siteOrigin } from '@/lib/security/request-policy';
import { handle, json } from '../../http';

export const dynamic = 'force-dynamic';

/** POST /api/calendar/token: a new private feed link `{ url }` (absolute); the old link stops working. */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const token = await rotateCalendarToken(await getDb(), user.id);
  const { origin } = siteOrigin(request.headers, env().TRUST_PROXY);
  return json({ url: calendarFeedUrl(origin, token) });
});
