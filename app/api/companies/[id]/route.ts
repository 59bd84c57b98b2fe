import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { unfollowCompany } from '@/lib/companies/follow';
import { handle } from '../../http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** DELETE /api/companies/:id: stop following (204); 404 for a company the user does not follow. */
export const DELETE = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  await unfollowCompany(await getDb(), user.id, id);
  return new Response(null, { status: 204 });
});
