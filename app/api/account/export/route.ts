import { getDb } from '@/db/client';
import { exportAccount } from '@/lib/account/data';
import { requireUser } from '@/lib/auth/session';
import { handle } from '../../http';

export const dynamic = 'force-dynamic';

/** GET /api/account/export: everything private of the signed-in user, as one JSON file. */
export const GET = handle(async () => {
  const user = await requireUser();
  const data = await exportAccount(await getDb(), user.id);
  const date = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="trackend-account-${date}.json"`,
      'Cache-Control': 'no-store',
    },
  });
});
