import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { deleteInterview, interviewJson, updateInterview } from '@/lib/interviews/interviews';
import { handle, json, readJsonBody } from '../../../../http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; interviewId: string }> };

/** PATCH /api/applications/[id]/interviews/[interviewId]: any of `{ startsAt, minutes, kind, notes }`. */
export const PATCH = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id, interviewId } = await params;
  const body = await readJsonBody(request);
  return json(interviewJson(await updateInterview(await getDb(), user.id, id, interviewId, body)));
});

/** DELETE /api/applications/[id]/interviews/[interviewId]: 204. */
export const DELETE = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id, interviewId } = await params;
  await deleteInterview(await getDb(), user.id, id, interviewId);
  return new Response(null, { status: 204 });
});
