// What every request must satisfy and what every response carries, decided in one place and
// applied by proxy.ts (which runs before every route), so a new route cannot forget it.
// Framework-free: plain Headers in, plain values out.

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes under /api/ that take bodies other than JSON; they check their own content types. */
export const NON_JSON_ROUTES = new Set(['/api/applications/import']);

/**
 * The one route outside /api/ that takes a state-changing POST from anywhere: a digest email's
 * one-click unsubscribe (RFC 8058, List-Unsubscribe-Post). Mail clients POST it with no Origin,
 * no cookie and a form body, so no rule above may apply to it: the unguessable token in the
 * path is its only credential, and all it can do is turn that one digest off. Its GET only
 * shows a confirm page (link scanners follow GETs).
 */
export const ONE_CLICK_UNSUBSCRIBE = /^\/digests\/unsubscribe\/[A-Za-z0-9_-]{1,100}$/;

/**
 * Routes outside /api/ that answer a secret token in their URL instead of a session, read by apps
 * that cannot sign in (a saved search's Atom feed, the calendar feed, a digest's unsubscribe
 * page): the route looks the token up itself (unknown or rotated: 404) and sets its own
 * Cache-Control (private). No Referer may carry the token on to a link followed from them.
 */
export const TOKEN_URL_ROUTES: readonly RegExp[] = [/^\/feeds\/[^/]+\.atom$/, /^\/calendar\/[^/]+\.ics$/, ONE_CLICK_UNSUBSCRIBE];

export const isTokenUrlRoute = (pathname: string) => TOKEN_URL_ROUTES.some((route) => route.test(pathname));

/** Headers of /calendar/<token>.ics answers: calendar apps may keep a copy, shared caches may not. */
export const CALENDAR_FEED_HEADERS = { 'Cache-Control': 'private, max-age=300', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' } as const;

/** The token of a `<token>.ics` path segment, or null. */
export function calendarFeedToken(file: string): string | null {
  return file.endsWith('.ics') && file.length > 4 ? file.slice(0, -4) : null;
}

/** next-auth's own endpoints (its CSRF token guards them); /api/auth/signup is ours and checked. */
function isNextAuthRoute(pathname: string): boolean {
  return pathname.startsWith('/api/auth/') && pathname !== '/api/auth/signup';
}

export interface Refusal {
  status: 403 | 415;
  error: string;
}

export interface RequestFacts {
  method: string;
  pathname: string;
  headers: Headers;
  /** This site's origin as the client reached it, e.g. "https://trackend.example" (see siteOrigin). */
  origin: string;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** A body is coming when its length is declared non-zero or it is sent in chunks. */
function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  if (length !== null && length.trim() !== '' && Number(length) > 0) return true;
  return headers.has('transfer-encoding');
}

/**
 * State-changing API requests (POST, PUT, PATCH, DELETE under /api/): a browser on another site
 * can send a "simple" cross-site request (a form, or fetch with text/plain) without asking first,
 * so
 * - an Origin header, when present, must be this site's (403); so must Sec-Fetch-Site say so;
 * - a body must be declared application/json (415), except on NON_JSON_ROUTES;
 * - a request without a body (e.g. POST /api/timer/stop) needs no Content-Type, but one it
 *   declares must be JSON too: a cross-site HTML form always declares one.
 * curl and scripts send no Origin and pass; browsers always send it on these methods.
 */
export function refuseApiRequest({ method, pathname, headers, origin }: RequestFacts): Refusal | null {
  if (ONE_CLICK_UNSUBSCRIBE.test(pathname)) return null;
  if (!pathname.startsWith('/api/') || !STATE_CHANGING.has(method.toUpperCase()) || isNextAuthRoute(pathname)) return null;
  const sentOrigin = headers.get('origin');
  if (sentOrigin !== null && sentOrigin !== origin) return { status: 403, error: 'Cross-site requests are not accepted.' };
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return { status: 403, error: 'Cross-site requests are not accepted.' };
  if (NON_JSON_ROUTES.has(pathname)) return null;
  const type = headers.get('content-type');
  if (type !== null ? !JSON_TYPE.test(type) : hasBody(headers)) {
    return { status: 415, error: 'Send the request body as JSON with Content-Type: application/json.' };
  }
  return null;
}

/**
 * This site's origin as the client reached it: the Host header and the socket's scheme, or,
 * behind trusted proxies, what they forwarded (X-Forwarded-Host, X-Forwarded-Proto).
 */
export function siteOrigin(headers: Headers, trustProxy: number, socketProtocol: 'http' | 'https' = 'http'): { origin: string; https: boolean } {
  const first = (name: string) => headers.get(name)?.split(',')[0]?.trim() || null;
  const https = trustProxy > 0 ? first('x-forwarded-proto') === 'https' : socketProtocol === 'https';
  const host = (trustProxy > 0 ? first('x-forwarded-host') : null) ?? headers.get('host') ?? 'localhost';
  return { origin: `${https ? 'https' : 'http'}://${host}`, https };
}

/** Session cookie names of Auth.js (plain, __Secure- on https, and .0/.1 chunks of a large one). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  return /(^|;\s*)(__Secure-)?authjs\.session-token(\.\d+)?=/.test(cookieHeader ?? '');
}

export interface PolicyOptions {
  nonce: string;
  https: boolean;
  dev: boolean;
  /** Forms may post on to GitHub (the OAuth sign-in's redirect) when GitHub sign-in is on. */
  formTargets?: string[];
}

/**
 * The Content-Security-Policy: scripts only from this site or carrying this response's nonce
 * (Next puts it on its own inline scripts, reading it from the request's copy of this header),
 * no plugins, no <base> hijack, no framing. Styles allow inline attributes: React's style={}
 * props and the charts use them, and they cannot run code.
 */
export function contentSecurityPolicy({ nonce, https, dev, formTargets = [] }: PolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // The web app manifest (/manifest.webmanifest); said outright rather than left to default-src.
    "manifest-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.map((t) => ` ${t}`).join('')}`,
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Headers for every response (the CSP aside): no MIME sniffing, no framing, a sober referrer, HSTS on https. */
export function securityHeaders({ https, signedIn, pathname = '/' }: { https: boolean; signedIn: boolean; pathname?: string }): Record<string, string> {
  const tokenUrl = isTokenUrlRoute(pathname);
  return {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // A feed's URL is its credential: never sent on as a referrer.
    'Referrer-Policy': tokenUrl ? 'no-referrer' : 'strict-origin-when-cross-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
    // Anything answered to a signed-in browser may be private: never stored by a cache.
    // Routes that set their own Cache-Control keep it.
    // Token-URL routes answer the same with or without a cookie and set their own (private) policy.
    ...(signedIn && !tokenUrl ? { 'Cache-Control': 'no-store' } : {}),
  };
}
