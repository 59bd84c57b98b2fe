import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { savedSearchJson } from '@/lib/saved-searches/json';
import { deleteSavedSearch, getSavedSearch, newCount, updateSavedSearch } from '@/lib/saved-searches/saved-searches';
import { handle, json, readJsonBody } from '../../http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** GET /api/saved-searches/[id]: one saved search with its newCount (does not mark it seen: opening it on /jobs does). 404 when not yours. */
export const GET = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  const db = await getDb();
  const row = await getSavedSearch(db, user.id, id);
  return json(savedSearchJson(row, await newCount(db, user.id, row)));
});

/** PATCH /api/saved-searches/[id]: `{ name?, filters?, digest?: { enabled?, hour? } }`. New filters keep the search's history. */
export const PATCH = handle(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  const body = await readJsonBody(request);
  const db = await getDb();
  const row = await updateSavedSearch(db, user.id, id, body);
  return json(savedSearchJson(row, await newCount(db, user.id, row)));
});

/** DELETE /api/saved-searches/[id]: 204 (409 for the specialization search, which stays). */
export const DELETE = handle(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { id } = await params;
  await deleteSavedSearch(await getDb(), user.id, id);
  return new Response(null, { status: 204 });
});
