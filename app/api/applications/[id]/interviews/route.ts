import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { createInterview, interviewJson, listInterviews } from '@/lib/interviews/interviews';
import { handle, json, readJsonBody } from '../../../http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** GET /api/applications/[id]/interviews: `{ interviews }`, earliest first. 404 when the application is not yours. */
export const GET = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  return json({ interviews: (await listInterviews(await getDb(), user.id, id)).map(interviewJson) });
});

/** POST /api/applications/[id]/interviews `{ startsAt, minutes, kind?, notes? }`: 201 with the interview. */
export const POST = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  const body = await readJsonBody(request);
  const interview = await createInterview(await getDb(), user.id, id, body);
  return json(interviewJson(interview), 201, { Location: `/api/applications/${id}/interviews/${interview.id}` });
});
