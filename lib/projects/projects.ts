import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { projects, type Project } from '../../db/schema';
import { PROJECT_STATUSES } from '../vocabulary';
import type { Db } from '../../db/types';
import { BadInputError, fieldErrors, NotFoundError } from '../errors';
import { isUuid } from '../timelog/input';
import { LANGUAGE_SLUGS, type Language } from '../vocabulary';

// Portfolio projects. Deployed ones are what employers look at; the dashboard counts them.
// Every query is scoped by the acting user's id in SQL.

const blankToNull = (value: unknown) => (value === '' ? null : value);

const webUrl = (what: string) =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(500, { error: `Keep the ${what} under 500 characters.` })
      .pipe(z.url({ protocol: /^https?$/, error: `Enter the full ${what}, starting with https://` }))
      .nullable()
      .optional(),
  );

export const projectFields = {
  name: z
    .string({ error: 'Give the project a name.' })
    .trim()
    .min(1, { error: 'Give the project a name.' })
    .max(100, { error: 'Keep the name under 100 characters.' }),
  language: z.preprocess(
    blankToNull,
    z.enum(LANGUAGE_SLUGS as [Language, ...Language[]], { error: 'Pick a language from the list.' }).nullable().optional(),
  ),
  repoUrl: webUrl('repository URL'),
  liveUrl: webUrl('live URL'),
  status: z.enum(PROJECT_STATUSES, { error: 'Pick building or deployed.' }).optional(),
};
export const projectInputSchema = z.object(projectFields);
export const projectPatchSchema = z.object(projectFields).partial().strict();

export interface ProjectWithHours extends Project {
  /** Minutes of building time logged against the project. */
  minutes: number;
}

export interface ProjectJson {
  id: string;
  name: string;
  language: string | null;
  repoUrl: string | null;
  liveUrl: string | null;
  status: Project['status'];
  createdAt: string;
  minutesLogged: number;
  hoursLogged: number;
}

export function projectJson(project: ProjectWithHours): ProjectJson {
  return {
    id: project.id,
    name: project.name,
    language: project.language,
    repoUrl: project.repoUrl,
    liveUrl: project.liveUrl,
    status: project.status,
    createdAt: project.createdAt.toISOString(),
    minutesLogged: project.minutes,
    hoursLogged: Math.round((project.minutes / 60) * 10) / 10,
  };
}

function invalid(error: z.ZodError): never {
  throw new BadInputError('Check the highlighted fields.', fieldErrors(error));
}

// Written out in full: inside a select list drizzle prints columns unqualified, and "id"
// would then mean the entry's own id.
const minutesLogged = sql<number>`coalesce((select sum(te.minutes) from time_entries te
  where te.project_id = "projects"."id" and te.user_id = "projects"."user_id" and te.kind = 'building'), 0)`.mapWith(Number);

/** The user's projects with the building minutes logged on each: deployed first, then newest. */
export async function listProjects(db: Db, userId: string): Promise<ProjectWithHours[]> {
  const rows = await db
    .select({ project: projects, minutes: minutesLogged })
    .from(projects)
    .where(eq(projects.userId, userId))
    .orderBy(desc(projects.status), desc(projects.createdAt), asc(projects.name));
  return rows.map(({ project, minutes }) => ({ ...project, minutes }));
}

/** One of the user's projects; NotFoundError for a missing, malformed or foreign id. */
export async function getProject(db: Db, userId: string, id: string): Promise<ProjectWithHours> {
  if (!isUuid(id)) throw new NotFoundError('No project with that id');
  const [row] = await db
    .select({ project: projects, minutes: minutesLogged })
    .from(projects)
    .where(and(eq(projects.id, id), eq(projects.userId, userId)));
  if (!row) throw new NotFoundError('No project with that id');
  return { ...row.project, minutes: row.minutes };
}

export async function createProject(db: Db, userId: string, input: unknown): Promise<ProjectWithHours> {
  const parsed = projectInputSchema.safeParse(input);
  if (!parsed.success) invalid(parsed.error);
  const [row] = await db
    .insert(projects)
    .values({ userId, ...parsed.data })
    .returning();
  return { ...row!, minutes: 0 };
}

export async function updateProject(db: Db, userId: string, id: string, patch: unknown): Promise<ProjectWithHours> {
  if (!isUuid(id)) throw new NotFoundError('No project with that id');
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new BadInputError('The body must be a JSON object.', { body: 'must be a JSON object' });
  }
  const parsed = projectPatchSchema.safeParse(patch);
  if (!parsed.success) invalid(parsed.error);
  if (Object.keys(parsed.data).length === 0) return getProject(db, userId, id);
  const [row] = await db
    .update(projects)
    .set(parsed.data)
    .where(and(eq(projects.id, id), eq(projects.userId, userId)))
    .returning({ id: projects.id });
  if (!row) throw new NotFoundError('No project with that id');
  return getProject(db, userId, id);
}

/** Delete a project; its time entries stay in the log, no longer pointing to it. */
export async function deleteProject(db: Db, userId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError('No project with that id');
  const deleted = await db
    .delete(projects)
    .where(and(eq(projects.id, id), eq(projects.userId, userId)))
    .returning({ id: projects.id });
  if (deleted.length === 0) throw new NotFoundError('No project with that id');
}

/** How many of the user's projects are deployed. */
export async function deployedProjectCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(projects)
    .where(and(eq(projects.userId, userId), eq(projects.status, 'deployed')));
  return row?.n ?? 0;
}
