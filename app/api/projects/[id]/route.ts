import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { deleteProject, getProject, projectJson, updateProject } from '@/lib/projects/projects';
import { handle, json, readJsonBody } from '../../http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

// Another user's id answers 404 exactly like a missing one: every query carries the user id.

export const GET = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  return json(projectJson(await getProject(await getDb(), user.id, id)));
});

export const PATCH = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  return json(projectJson(await updateProject(await getDb(), user.id, id, await readJsonBody(request))));
});

/** DELETE: the project goes, its time entries stay in the log without it. */
export const DELETE = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  await deleteProject(await getDb(), user.id, id);
  return new Response(null, { status: 204 });
});
