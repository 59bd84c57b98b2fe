import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { deleteEntry, entryJson, getEntry, updateEntry } from '@/lib/timelog/entries';
import { handle, json, readJsonBody } from '../../http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

// Another user's id answers 404 exactly like a missing one: every query carries the user id.

export const GET = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  return json(entryJson(await getEntry(await getDb(), user.id, id)));
});

export const PATCH = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  return json(entryJson(await updateEntry(await getDb(), user.id, id, await readJsonBody(request))));
});

export const DELETE = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  await deleteEntry(await getDb(), user.id, id);
  return new Response(null, { status: 204 });
});
