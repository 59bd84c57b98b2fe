import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { createApplication, listApplications } from '@/lib/applications/applications';
import { saveFromPage } from '@/lib/applications/from-page';
import { applicationJson } from '@/lib/applications/json';
import { requireUser } from '@/lib/auth/session';
import { handle, json, readJsonBody } from '../http';

export const dynamic = 'force-dynamic';

/** GET /api/applications?status=applied,screening&q=acme&sort=updated|applied|company|status */
export const GET = handle(async (request: NextRequest) => {
  const user = await requireUser();
  const params = request.nextUrl.searchParams;
  const status = params.getAll('status').flatMap((s) => s.split(',')).filter(Boolean);
  const items = await listApplications(await getDb(), user.id, {
    status,
    q: params.get('q') ?? undefined,
    sort: (params.get('sort') ?? undefined) as never,
  });
  return json({ items: items.map(applicationJson) });
});

/** A link and nothing that names the job: the page is read for the rest. */
const isBareLink = (body: unknown): body is { url: unknown } =>
  Boolean(body) && typeof body === 'object' && 'url' in body! && !('listingId' in body) && !('company' in body) && !('title' in body);

/**
 * POST /api/applications: `{ listingId }` saves a listing (200 with the existing application
 * when already saved), `{ company, title, url?, status?, notes?, ... }` adds one by hand, and
 * `{ url, notes?, status?, source? }` reads the job page at that link and saves what it says
 * (the application with `read`: what the page said; 422 `{ error, reason }` when it cannot be read). 201.
 */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const body = await readJsonBody(request);
  if (isBareLink(body)) {
    const { application, created, read } = await saveFromPage(await getDb(), user.id, body);
    return json({ ...applicationJson(application), read }, created ? 201 : 200, { Location: `/api/applications/${application.id}` });
  }
  const { application, created } = await createApplication(await getDb(), user.id, body);
  return json(applicationJson(application), created ? 201 : 200, { Location: `/api/applications/${application.id}` });
});
