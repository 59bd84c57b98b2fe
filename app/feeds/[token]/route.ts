import { getDb } from '@/db/client';
import { isNotModified } from '@/lib/conditional-get';
import { savedSearchFeed } from '@/lib/saved-searches/feed';
import { handle, requestOrigin } from '../../api/http';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ token: string }> };

// The token in the URL is the credential (feed readers cannot sign in): no requireUser here.
// It is looked up by its hash; an unknown or rotated one is a plain 404. Listed in
// lib/security/request-policy.ts TOKEN_URL_ROUTES (no referrer, its own Cache-Control).
const CACHE_CONTROL = 'private, no-cache';

/** GET /feeds/<token>.atom: the saved search's newest matches as Atom 1.0, with ETag/Last-Modified (304). */
export const GET = handle(async (request: Request, { params }: Context) => {
  const { token: file } = await params;
  const notFound = () => new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  if (!file.endsWith('.atom')) return notFound();
  const feed = await savedSearchFeed(await getDb(), file.slice(0, -'.atom'.length), requestOrigin(request));
  if (!feed) return notFound();
  const headers = { ETag: feed.etag, 'Last-Modified': feed.lastModified.toUTCString(), 'Cache-Control': CACHE_CONTROL };
  if (isNotModified(request.headers, feed.etag, feed.lastModified)) return new Response(null, { status: 304, headers });
  return new Response(feed.xml, { headers: { ...headers, 'Content-Type': 'application/atom+xml; charset=utf-8' } });
});
