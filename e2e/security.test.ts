import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { newAccount, signUp } from './support/accounts';
import { useBrowser } from './support/browser';

// The request and account attacks of issue 12, tried against the production server: a huge
// body, cross-site posts, missing headers, parallel password guesses, a forged
// X-Forwarded-For, and a session cookie used after sign-out.

const browser = useBrowser();

/** A tiny cookie jar for fetch: name=value pairs from Set-Cookie, sent back as Cookie. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const value = pair!.slice(at + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(pair!.slice(0, at));
      else this.cookies.set(pair!.slice(0, at), value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  copy() {
    const jar = new Jar();
    jar.cookies = new Map(this.cookies);
    return jar;
  }
}

async function apiSignUp(base: string, email: string, password: string) {
  const response = await fetch(`${base}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(response.status).toBe(201);
}

/** Sign in through next-auth's credentials endpoint; returns the error code of the redirect ('' on success). */
async function apiSignIn(base: string, jar: Jar, email: string, password: string, extraHeaders: Record<string, string> = {}): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), ...extraHeaders },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  jar.take(response);
  const location = new URL(response.headers.get('location') ?? '/', base);
  return location.searchParams.get('error') ? (location.searchParams.get('code') ?? location.searchParams.get('error')!) : '';
}

describe('requests', () => {
  it('answers a 200 MB sign-up body with 413 before it has arrived', async () => {
    const base = browser.baseUrl;
    // Declared 200 MB, of which only 64 kB is ever sent: the 413 must come without the rest.
    const answer = await new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const started = Date.now();
      const request = http.request(`${base}/api/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) },
      });
      request.on('response', (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, ms: Date.now() - started });
        request.destroy();
      });
      request.on('error', reject);
      request.write(Buffer.alloc(64 * 1024, 0x20));
      setTimeout(() => reject(new Error('no answer within 15 s: the server waits for the body')), 15_000).unref();
    });
    expect(answer.status).toBe(413);

    // The whole 200 MB through fetch: refused the same way (the time is the client's upload).
    const huge = new Uint8Array(200 * 1024 * 1024).fill(0x20);
    const response = await fetch(`${base}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
    expect(response.status).toBe(413);
  });

  it('counts the bytes of a streamed body without Content-Length: 413 past 1 MB', async () => {
    const base = browser.baseUrl;
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8 * 1024 * 1024) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const chunked = await fetch(`${base}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('refuses cross-site and non-JSON posts to the API', async () => {
    const base = browser.baseUrl;
    const body = JSON.stringify({ email: 'x@example.com', password: 'a long password' });
    const textPlain = await fetch(`${base}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect(textPlain.status).toBe(415);
    const crossSite = await fetch(`${base}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body });
    expect(crossSite.status).toBe(403);
    // A bodiless POST from a script (no Origin, no Content-Type) reaches the route: 401 signed out.
    expect((await fetch(`${base}/api/timer/stop`, { method: 'POST' })).status).toBe(401);
  });

  it('sends CSP, nosniff, referrer and frame headers on pages, no-store when signed in, and pages work under the CSP', async () => {
    const { page, baseUrl } = browser;
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text());
    });
    const anonymous = await fetch(`${baseUrl}/jobs`);
    const csp = anonymous.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(anonymous.headers.get('x-content-type-options')).toBe('nosniff');
    expect(anonymous.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(anonymous.headers.get('x-frame-options')).toBe('DENY');
    // Served over plain http without a trusted proxy: no HSTS (it would be ignored, and wrong).
    expect(anonymous.headers.get('strict-transport-security')).toBeNull();
    // Each response gets its own nonce.
    const again = (await fetch(`${baseUrl}/jobs`)).headers.get('content-security-policy');
    expect(again).not.toBe(csp);

    await signUp(page, newAccount('csp'));
    for (const path of ['/', '/jobs', '/applications', '/log', '/projects', '/boards', '/settings']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()['cache-control'], path).toMatch(/no-store/);
      // Hydrated: React attached its fiber to the header's sign-out button.
      await expect.poll(() => page.evaluate(() => Object.keys(document.querySelector('header button') ?? {}).some((k) => k.startsWith('__reactFiber$')))).toBe(true);
    }
    const cookie = (await browser.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const profile = await fetch(`${baseUrl}/api/profile`, { headers: { cookie } });
    expect(profile.status).toBe(200);
    expect(profile.headers.get('cache-control')).toMatch(/no-store/);
    expect(violations).toEqual([]);
    expect(browser.pageErrors).toEqual([]);

    // "Sign out everywhere" in settings: the cookie copied before answers 401 afterwards.
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    expect((await fetch(`${baseUrl}/api/profile`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('accounts', () => {
  it('checks at most 5 of 15 parallel wrong guesses, ignores a forged X-Forwarded-For, and ends a session on sign-out', async () => {
    const base = browser.baseUrl;
    const account = newAccount('limits');
    await apiSignUp(base, account.email, account.password);

    const codes = await Promise.all(Array.from({ length: 15 }, (_, i) => apiSignIn(base, new Jar(), account.email, `wrong-guess-${i}`)));
    const checked = codes.filter((code) => code === 'credentials').length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(codes.filter((code) => code === 'rate_limited').length).toBe(15 - checked);

    // The address comes from the socket: claiming another one does not buy new tries.
    expect(await apiSignIn(base, new Jar(), account.email, account.password, { 'x-forwarded-for': '203.0.113.50' })).toBe('rate_limited');
  });

  it('an ended session cookie answers 401', async () => {
    const base = browser.baseUrl;
    const account = newAccount('session');
    await apiSignUp(base, account.email, account.password);
    const jar = new Jar();
    expect(await apiSignIn(base, jar, account.email, account.password)).toBe('');
    const before = jar.copy();
    expect((await fetch(`${base}/api/profile`, { headers: { cookie: jar.header() } })).status).toBe(200);

    const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: jar.header() } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const out = await fetch(`${base}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${base}/` }),
    });
    expect(out.status).toBe(302);
    // The browser forgot the cookie; whoever copied it before gets nothing with it.
    expect((await fetch(`${base}/api/profile`, { headers: { cookie: before.header() } })).status).toBe(401);
  });
});
