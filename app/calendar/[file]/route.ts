import { getDb } from '@/db/client';
import { buildCalendar } from '@/lib/calendar/feed';
import { calendarTokenUser } from '@/lib/calendar/token';
import { env } from '@/lib/env';
import { CALENDAR_FEED_HEADERS, calendarFeedToken, siteOrigin } from '@/lib/security/request-policy';
import { handle } from '../../api/http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ file: string }> };

/**
 * GET /calendar/<token>.ics: the user's follow-ups and interviews. No session: calendar apps
 * cannot sign in, so the token in the path is the credential; unknown or rotated answers 404.
 * Public on purpose, so no requireUser: the token lookup decides whose calendar this is.
 */
export const GET = handle(async (request: Request, { params }: Context) => {
  const token = calendarFeedToken((await params).file);
  const db = await getDb();
  const userId = token ? await calendarTokenUser(db, token) : null;
  if (!userId) return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...CALENDAR_FEED_HEADERS } });
  const { origin } = siteOrigin(request.headers, env().TRUST_PROXY);
  const body = await buildCalendar(db, userId, { origin });
  return new Response(body, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="trackend.ics"', ...CALENDAR_FEED_HEADERS },
  });
});
