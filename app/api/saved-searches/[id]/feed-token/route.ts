import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { feedUrl } from '@/lib/saved-searches/json';
import { rotateFeedToken } from '@/lib/saved-searches/saved-searches';
import { handle, json, requestOrigin } from '../../../http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** POST /api/saved-searches/[id]/feed-token: a new feed URL, shown this once; the old one answers 404 from now on. */
export const POST = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  const token = await rotateFeedToken(await getDb(), user.id, id);
  return json({ feedUrl: feedUrl(requestOrigin(request), token) }, 200, { 'Cache-Control': 'no-store' });
});
