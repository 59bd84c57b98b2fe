import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { createProject, listProjects, projectJson } from '@/lib/projects/projects';
import { handle, json, readJsonBody } from '../http';

export const dynamic = 'force-dynamic';

/** GET /api/projects: the user's portfolio projects with the building hours logged on each. */
export const GET = handle(async () => {
  const user = await requireUser();
  return json({ projects: (await listProjects(await getDb(), user.id)).map(projectJson) });
});

/** POST /api/projects {name, language?, repoUrl?, liveUrl?, status?}: 201 with the project. */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  return json(projectJson(await createProject(await getDb(), user.id, await readJsonBody(request))), 201);
});
