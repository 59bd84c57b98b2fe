import { getDb } from '@/db/client';
import { deleteAccount } from '@/lib/account/data';
import { clientIp } from '@/lib/auth/client-ip';
import { requireUser } from '@/lib/auth/session';
import { handle, readJsonBody } from '../http';

export const dynamic = 'force-dynamic';

/**
 * DELETE /api/account {password, confirm: "delete my account"}: deletes the account and every
 * private row (204); 400 naming `password` or `confirm`; 429 past the password-attempt limit.
 */
export const DELETE = handle(async (request: Request) => {
  const user = await requireUser();
  await deleteAccount(await getDb(), user.id, await readJsonBody(request), clientIp(request.headers));
  return new Response(null, { status: 204 });
});
