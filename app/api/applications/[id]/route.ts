import { getDb } from '@/db/client';
import { deleteApplication, getApplication, timeline, updateApplication } from '@/lib/applications/applications';
import { applicationJson, eventJson } from '@/lib/applications/json';
import { requireUser } from '@/lib/auth/session';
import { handle, json, readJsonBody } from '../../http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** GET /api/applications/[id]: the application with its timeline. 404 when not yours. */
export const GET = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  const db = await getDb();
  const application = await getApplication(db, user.id, id);
  return json({ ...applicationJson(application), timeline: (await timeline(db, user.id, id)).map(eventJson) });
});

/** PATCH /api/applications/[id]: any details; `status` (with optional `statusNote`) adds a timeline event. */
export const PATCH = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  const body = await readJsonBody(request);
  return json(applicationJson(await updateApplication(await getDb(), user.id, id, body)));
});

/** DELETE /api/applications/[id]: 204. */
export const DELETE = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  await deleteApplication(await getDb(), user.id, id);
  return new Response(null, { status: 204 });
});
