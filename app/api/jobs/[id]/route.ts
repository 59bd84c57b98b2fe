import { getDb } from '@/db/client';
import { getListing, similarListings } from '@/lib/search/listing';
import { handle, json } from '../../http';

export const dynamic = 'force-dynamic';

/** GET /api/jobs/:id: one listing with its sanitized description, every board link and similar jobs. */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) return json({ error: 'id: must be a listing id (a positive whole number)', parameter: 'id' }, 400);
  const db = await getDb();
  const listing = await getListing(db, Number(id));
  if (!listing) return json({ error: 'No listing with that id' }, 404);
  const similar = await similarListings(db, listing);
  return json({ ...listing, similar });
});
