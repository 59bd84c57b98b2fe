import { getDb } from '@/db/client';
import { digestByUnsubscribeToken, unsubscribeDigest } from '@/lib/digests/deliver';
import { escapeHtml } from '@/lib/digests/render';
import { handle } from '../../../api/http';

// The unsubscribe link of a digest email, no sign-in (the token is the credential):
// GET shows a confirm page with one button (mail scanners follow links; a GET changes nothing);
// POST, from that button or a mail client's one-click (RFC 8058, List-Unsubscribe-Post), turns
// the digest off. lib/security/request-policy.ts lets this one route take a POST without Origin.
// Public on purpose, so no requireUser: all a token can do is turn its own digest off.

type Context = { params: Promise<{ token: string }> };

function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
<title>${escapeHtml(title)} · trackend</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f8fafc;color:#0f172a;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:28px 32px;max-width:440px;box-shadow:0 1px 2px rgb(0 0 0 / 5%)}
h1{font-size:1.25rem;margin:0 0 12px}p{color:#475569;line-height:1.5}
button{background:#047857;color:#fff;border:0;border-radius:8px;padding:10px 16px;font-size:1rem;cursor:pointer}
a{color:#047857}
</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>
`;
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
  });
}

const unknown = () => page('Link not valid', '<p>This unsubscribe link is not valid. You can turn digests off on <a href="/settings#digests">Settings</a>.</p>', 404);

export const GET = handle(async (_request: Request, { params }: Context) => {
  const { token } = await params;
  const found = await digestByUnsubscribeToken(await getDb(), token);
  if (!found) return unknown();
  if (!found.enabled) return page('Already unsubscribed', `<p>The daily digest of “${escapeHtml(found.name)}” is already off.</p>`);
  return page(
    'Unsubscribe from this digest?',
    `<p>You will no longer get the daily email for the saved search “${escapeHtml(found.name)}”. The search itself stays.</p>
<form method="post"><button type="submit">Unsubscribe</button></form>`,
  );
});

export const POST = handle(async (_request: Request, { params }: Context) => {
  const { token } = await params;
  const name = await unsubscribeDigest(await getDb(), token);
  if (name === null) return unknown();
  return page('Unsubscribed', `<p>The daily digest of “${escapeHtml(name)}” is off. You can turn it on again on <a href="/settings#digests">Settings</a>.</p>`);
});
