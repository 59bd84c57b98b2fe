import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { getProfile, profileJson, saveProfile } from '@/lib/profile/profile';
import { handle, json, readJsonBody } from '../http';

export const dynamic = 'force-dynamic';

/** GET /api/profile: the signed-in user's settings (defaults until saved). */
export const GET = handle(async () => {
  const user = await requireUser();
  return json(profileJson(await getProfile(await getDb(), user.id)));
});

/** PUT /api/profile: replace the settings; 400 names each bad field. */
export const PUT = handle(async (request: Request) => {
  const user = await requireUser();
  return json(profileJson(await saveProfile(await getDb(), user.id, await readJsonBody(request))));
});
