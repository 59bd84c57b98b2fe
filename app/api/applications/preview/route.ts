import { getDb } from '@/db/client';
import { previewJobPage } from '@/lib/applications/from-page';
import { requireUser } from '@/lib/auth/session';
import { handle, json, readJsonBody } from '../../http';

export const dynamic = 'force-dynamic';

/** POST /api/applications/preview `{ url }`: what the job page says (200), nothing saved; 422 `{ error, reason }` when it cannot be read. */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const body = await readJsonBody(request);
  const url = body && typeof body === 'object' ? (body as { url?: unknown }).url : undefined;
  return json(await previewJobPage(await getDb(), user.id, url));
});
