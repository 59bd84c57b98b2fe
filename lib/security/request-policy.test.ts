import { describe, expect, it } from 'vitest';
import { calendarFeedToken, ONE_CLICK_UNSUBSCRIBE, contentSecurityPolicy, hasSessionCookie, isTokenUrlRoute, refuseApiRequest, securityHeaders, siteOrigin } from './request-policy';

const origin = 'http://127.0.0.1:3000';
const check = (method: string, pathname: string, headers: Record<string, string>) => refuseApiRequest({ method, pathname, headers: new Headers(headers), origin });

describe('refuseApiRequest', () => {
  it('accepts JSON from this site, from scripts without Origin, and bodiless posts without a type', () => {
    expect(check('POST', '/api/applications', { 'content-type': 'application/json', origin, 'content-length': '2' })).toBeNull();
    expect(check('PATCH', '/api/profile', { 'content-type': 'application/json; charset=utf-8', 'content-length': '2' })).toBeNull();
    expect(check('POST', '/api/timer/stop', {})).toBeNull();
    expect(check('POST', '/api/timer/stop', { 'content-length': '0', origin, 'sec-fetch-site': 'same-origin' })).toBeNull();
    expect(check('DELETE', '/api/timer', {})).toBeNull();
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain', 'content-length': '10' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '10' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '10' }],
    ['an empty form', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' }],
    ['no type but a chunked body', { 'transfer-encoding': 'chunked' }],
    ['no type but a body', { 'content-length': '10' }],
  ])('answers 415 to %s', (_label, headers) => {
    expect(check('POST', '/api/auth/signup', headers)?.status).toBe(415);
  });

  it('answers 403 to another origin or a cross-site fetch, whatever the type', () => {
    expect(check('POST', '/api/profile', { 'content-type': 'application/json', origin: 'https://evil.example' })?.status).toBe(403);
    expect(check('POST', '/api/profile', { 'content-type': 'application/json', origin: 'null' })?.status).toBe(403);
    expect(check('POST', '/api/timer/stop', { 'sec-fetch-site': 'cross-site' })?.status).toBe(403);
    expect(check('POST', '/api/timer/stop', { 'sec-fetch-site': 'same-site' })?.status).toBe(403);
    expect(check('POST', '/api/applications/import', { 'content-type': 'text/csv', origin: 'https://evil.example' })?.status).toBe(403);
  });

  it("leaves reads, pages, next-auth's own routes and the CSV import's types alone", () => {
    expect(check('GET', '/api/profile', { origin: 'https://evil.example' })).toBeNull();
    expect(check('POST', '/settings', { 'content-type': 'text/plain' })).toBeNull();
    expect(check('POST', '/api/auth/callback/credentials', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '9' })).toBeNull();
    expect(check('POST', '/api/applications/import', { 'content-type': 'text/csv', 'content-length': '9', origin })).toBeNull();
  });
});

describe('one-click unsubscribe', () => {
  it('takes the form POST of a mail client (no Origin, a form body) on exactly that route', () => {
    const oneClick = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '26' };
    expect(check('POST', '/digests/unsubscribe/AbC_-123xyz', oneClick)).toBeNull();
    // Only that shape: not a lookalike under /api/, not a longer path.
    expect(check('POST', '/api/digests/unsubscribe/AbC_-123xyz', oneClick)?.status).toBe(415);
    expect(check('POST', '/api/saved-searches/x/digest', { ...oneClick, origin: 'https://evil.example' })?.status).toBe(403);
    expect(ONE_CLICK_UNSUBSCRIBE.test('/digests/unsubscribe/a/b')).toBe(false);
    expect(ONE_CLICK_UNSUBSCRIBE.test('/digests/unsubscribe/')).toBe(false);
    // Its token is in the URL: no Referer carries it on from the confirm page.
    expect(isTokenUrlRoute('/digests/unsubscribe/AbC_-123xyz')).toBe(true);
  });
});

describe('siteOrigin', () => {
  it('uses Host and the socket scheme, and forwarded values only behind a trusted proxy', () => {
    const h = new Headers({ host: 'app.example:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' });
    expect(siteOrigin(h, 0)).toEqual({ origin: 'http://app.example:3000', https: false });
    expect(siteOrigin(h, 1)).toEqual({ origin: 'https://evil.example', https: true });
  });
});

describe('headers', () => {
  it('CSP carries the nonce and the required directives; upgrade only on https', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123', https: false, dev: false });
    for (const d of ["default-src 'self'", "script-src 'self' 'nonce-abc123' 'strict-dynamic'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'", "manifest-src 'self'", "img-src 'self'"]) {
      expect(csp).toContain(d);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ nonce: 'n', https: true, dev: false, formTargets: ['https://github.com'] })).toMatch(/form-action 'self' https:\/\/github\.com.*upgrade-insecure-requests/);
  });

  it('HSTS only over https, no-store when signed in', () => {
    expect(securityHeaders({ https: false, signedIn: false })).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(securityHeaders({ https: true, signedIn: true })).toMatchObject({ 'Strict-Transport-Security': expect.stringMatching(/max-age=\d+/), 'Cache-Control': 'no-store' });
  });

  it('lists the calendar feed as a token route: no referrer, and its own private caching even with a cookie', () => {
    expect(isTokenUrlRoute('/calendar/abc.ics')).toBe(true);
    expect(isTokenUrlRoute('/calendar/abc')).toBe(false);
    expect(isTokenUrlRoute('/calendar/a/b.ics')).toBe(false);
    expect(isTokenUrlRoute('/api/calendar/token')).toBe(false);
    const headers = securityHeaders({ https: true, signedIn: true, pathname: '/calendar/abc.ics' });
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers).not.toHaveProperty('Cache-Control');
    expect(calendarFeedToken('abc.ics')).toBe('abc');
    expect(calendarFeedToken('.ics')).toBeNull();
    expect(calendarFeedToken('abc.atom')).toBeNull();
  });

  it('token-URL routes (feeds) send no referrer and keep their own Cache-Control', () => {
    expect(isTokenUrlRoute('/feeds/abc_DEF-123.atom')).toBe(true);
    expect(isTokenUrlRoute('/feeds/abc/def.atom')).toBe(false);
    expect(isTokenUrlRoute('/api/saved-searches')).toBe(false);
    const headers = securityHeaders({ https: true, signedIn: true, pathname: '/feeds/abc_DEF-123.atom' });
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers).not.toHaveProperty('Cache-Control');
  });

  it('recognises Auth.js session cookies, chunked or secure', () => {
    expect(hasSessionCookie('theme=dark; authjs.session-token=abc')).toBe(true);
    expect(hasSessionCookie('__Secure-authjs.session-token.0=abc')).toBe(true);
    expect(hasSessionCookie('authjs.csrf-token=abc')).toBe(false);
    expect(hasSessionCookie(null)).toBe(false);
  });
});
