import { getDb } from '@/db/client';
import { clientIp } from '@/lib/auth/client-ip';
import { signUpFrom } from '@/lib/auth/signup';
import { handle, json, readJsonBody } from '../../http';

export const dynamic = 'force-dynamic';

/** POST /api/auth/signup {email, password}: 201 {id, email}; 409 if taken; 400 with field errors; 429 past the limit. */
export const POST = handle(async (request: Request) => {
  const user = await signUpFrom(await getDb(), await readJsonBody(request), clientIp(request.headers));
  return json({ id: user.id, email: user.email }, 201);
});
