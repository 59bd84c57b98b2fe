import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { companyJson, followCompany, followInputSchema, listFollowedCompanies } from '@/lib/companies/follow';
import { BadInputError, fieldErrors } from '@/lib/errors';
import { sharedIngestFetchers } from '@/lib/ingest/fetchers';
import { handle, json, readJsonBody } from '../http';

export const dynamic = 'force-dynamic';

/** GET /api/companies: the companies the signed-in user follows, with health and counts. */
export const GET = handle(async () => {
  const user = await requireUser();
  const db = await getDb();
  return json({ companies: (await listFollowedCompanies(db, user.id)).map(companyJson) });
});

/** POST /api/companies {url}: follow the company behind a careers URL (201; 200 when already followed). */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const body = followInputSchema.safeParse(await readJsonBody(request));
  if (!body.success) {
    const fields = fieldErrors(body.error, 'url');
    throw new BadInputError(fields.url!, fields);
  }
  const db = await getDb();
  const { created, id, name, system, board, openJobs, backendJobs } = await followCompany(db, user.id, body.data.url, sharedIngestFetchers());
  return json({ id, name, system, board, openJobs, backendJobs }, created ? 201 : 200);
});
