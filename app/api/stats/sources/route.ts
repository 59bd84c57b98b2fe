import { getDb } from '@/db/client';
import { parseSourceWeeks, sourceFiguresJson, sourceStats } from '@/lib/applications/sources';
import { requireUser } from '@/lib/auth/session';
import { BadInputError } from '@/lib/errors';
import { handle, json } from '../../http';

export const dynamic = 'force-dynamic';

/** GET /api/stats/sources?weeks=4|8|26: which sources answer, for applications sent in those weeks. */
export const GET = handle(async (request: Request) => {
  const user = await requireUser();
  let weeks;
  try {
    weeks = parseSourceWeeks(new URL(request.url).searchParams.get('weeks'));
  } catch (error) {
    if (error instanceof BadInputError) return json({ error: error.message, parameter: 'weeks', fields: error.fields }, 400);
    throw error;
  }
  return json({ sources: sourceFiguresJson(await sourceStats(await getDb(), user.id, { weeks })) });
});
