import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { appDigestContext } from '@/lib/digests/app';
import { sendDigestNow } from '@/lib/digests/deliver';
import { ConflictError } from '@/lib/errors';
import { MAIL_OFF_MESSAGE } from '@/lib/mail/config';
import { handle, json } from '../../../http';

// POST /api/saved-searches/:id/digest: "Send now". 202 with the outcome (sent, or queued for a
// retry when the mail server failed: the digest is not lost); 409 when this instance sends no
// email; 404 for a search that is not the caller's.
export const POST = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await params;
  const context = appDigestContext(await getDb());
  if (!context) throw new ConflictError(MAIL_OFF_MESSAGE);
  const { id: deliveryId, outcome } = await sendDigestNow(context, user.id, id);
  return json({ delivery: deliveryId, status: outcome === 'sent' ? 'sent' : 'queued' }, 202);
});
