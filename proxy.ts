import { NextResponse, type NextRequest } from 'next/server';
import { CLIENT_FORWARDING_HEADERS } from './lib/auth/client-ip';
import { env } from './lib/env';
import { contentSecurityPolicy, hasSessionCookie, isTokenUrlRoute, refuseApiRequest, securityHeaders, siteOrigin } from './lib/security/request-policy';

// Runs before every route (Next 16's proxy, Node.js runtime): the request rules and response
// headers of lib/security/request-policy.ts, a CSP nonce per request (Next's CSP guide), and
// the client address: unless TRUST_PROXY says a proxy stands in front, forwarding headers the
// client sent are deleted here, and Next's server then sets X-Forwarded-For from the socket
// (lib/auth/client-ip.ts). Bodies are not read here; app/api/http.ts caps them.
export function proxy(request: NextRequest) {
  const { TRUST_PROXY, AUTH_GITHUB_ID, AUTH_GITHUB_SECRET } = env();
  const { origin, https } = siteOrigin(request.headers, TRUST_PROXY);
  const signedIn = hasSessionCookie(request.headers.get('cookie'));
  const headers = securityHeaders({ https, signedIn, tokenUrl: isTokenUrlRoute(request.nextUrl.pathname) });

  const refusal = refuseApiRequest({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers, origin });
  if (refusal) return NextResponse.json({ error: refusal.error }, { status: refusal.status, headers });

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const csp = contentSecurityPolicy({
    nonce,
    https,
    dev: process.env.NODE_ENV === 'development',
    formTargets: AUTH_GITHUB_ID && AUTH_GITHUB_SECRET ? ['https://github.com'] : [],
  });
  const requestHeaders = new Headers(request.headers);
  if (TRUST_PROXY === 0) for (const name of CLIENT_FORWARDING_HEADERS) requestHeaders.delete(name);
  // Next reads the nonce for its own scripts from the request's copy of the policy.
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but the build's static files (no private data, no scripts to nonce)...
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      // ...and requests declaring a body of 10 MB or more. Next copies a body for the proxy and
      // waits for all of it before the route runs, so a 200 MB upload would be received in full
      // before its 413. Skipping the proxy lets the route answer at once; every route refuses
      // such a body before doing anything (handle() in app/api/http.ts, which also wraps
      // next-auth's routes; server actions have Next's own 1 MB limit), so the checks skipped
      // here guard nothing that runs.
      // No leading zero: "000000012" must not skip the proxy (it is 12 bytes, and handle() would pass it).
      missing: [{ type: 'header', key: 'content-length', value: '[1-9][0-9]{7,}' }],
    },
  ],
};
