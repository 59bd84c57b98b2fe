import { getDb } from '@/db/client';
import { exportCsv } from '@/lib/applications/csv';
import { requireUser } from '@/lib/auth/session';
import { handle } from '../../http';

export const dynamic = 'force-dynamic';

/** GET /api/applications/export.csv: every application of the signed-in user. */
export const GET = handle(async () => {
  const user = await requireUser();
  const csv = await exportCsv(await getDb(), user.id);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="trackend-applications-${date}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
