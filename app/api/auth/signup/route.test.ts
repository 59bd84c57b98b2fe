import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.AUTH_BCRYPT_ROUNDS = '4';
});

import { getProfile } from '@/lib/profile/profile';
import { acting } from '@/test/support/acting-user';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
const { POST } = await import('./route');

beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
});
afterAll(async () => t?.close());

function signup(body: string, ip = '127.0.0.1') {
  return POST(new Request('http://localhost/api/auth/signup', { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-forwarded-for': ip } }));
}

describe('POST /api/auth/signup', () => {
  it('creates an account: 201 with id and email, never the hash', async () => {
    const response = await signup(JSON.stringify({ email: 'api@example.com', password: 'a long password' }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ id: expect.any(String), email: 'api@example.com' });
  });

  it('answers 409 when the email is taken', async () => {
    const response = await signup(JSON.stringify({ email: 'API@example.com', password: 'another password' }), '127.0.0.2');
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ fields: { email: expect.stringMatching(/already exists/) } });
  });

  it('answers 400 naming the fields for bad input, and for a body that is not JSON', async () => {
    const bad = await signup(JSON.stringify({ email: 'nope', password: 'x' }), '127.0.0.3');
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fields: object }).fields).sort()).toEqual(['email', 'password']);
    const notJson = await signup('{email:', '127.0.0.3');
    expect(notJson.status).toBe(400);
  });

  it('answers 413 to a body over 1 MB without parsing it, and says which password is too common', async () => {
    const huge = await signup(JSON.stringify({ email: 'big@example.com', password: 'a long password', pad: 'x'.repeat(1024 * 1024) }), '127.0.0.4');
    expect(huge.status).toBe(413);
    const common = await signup(JSON.stringify({ email: 'common@example.com', password: 'Password123' }), '127.0.0.4');
    expect(common.status).toBe(400);
    expect(await common.json()).toMatchObject({ fields: { password: expect.stringMatching(/most common/) } });
  });

  it("starts the account in the browser's time zone when it is a real IANA zone, else in UTC", async () => {
    const zoneOf = async (email: string, timeZone: unknown) => {
      const response = await signup(JSON.stringify({ email, password: 'a long password', timeZone }), '127.0.0.5');
      expect(response.status).toBe(201);
      return (await getProfile(t.db, ((await response.json()) as { id: string }).id)).timeZone;
    };
    expect(await zoneOf('berlin@example.com', 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(await zoneOf('lower@example.com', 'america/new_york')).toBe('America/New_York');
    expect(await zoneOf('mars@example.com', 'Mars/Olympus_Mons')).toBe('UTC');
    expect(await zoneOf('offset@example.com', '+01:00')).toBe('UTC');
    expect(await zoneOf('number@example.com', 60)).toBe('UTC');
    expect(await zoneOf('long@example.com', `Europe/${'x'.repeat(5000)}`)).toBe('UTC');
    expect(await zoneOf('html@example.com', '<script>alert(1)</script>')).toBe('UTC');
    expect(await zoneOf('none@example.com', undefined)).toBe('UTC');
  });

  it('answers 429 with Retry-After past the sign-up limit for one address', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) last = await signup(JSON.stringify({ email: `flood${i}@example.com`, password: 'a long password' }), '198.51.100.77');
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
