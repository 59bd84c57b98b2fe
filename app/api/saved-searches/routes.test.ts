import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { savedSearches } from '@/db/schema';
import { acting } from '@/test/support/acting-user';
import { insertBoard, insertListing, insertUser } from '@/test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '@/test/support/test-db';

let t: TestDatabase;
vi.mock('@/db/client', async (original) => (await import('@/test/support/acting-user')).mockDbClient(original));
vi.mock('@/lib/auth/session', async () => (await import('@/test/support/acting-user')).mockSession());
const collection = await import('./route');
const item = await import('./[id]/route');
const rotate = await import('./[id]/feed-token/route');
const feed = await import('../../feeds/[token]/route');

let alice: string;
let bob: string;

beforeAll(async () => {
  t = await createTestDatabase();
  acting.db = t.db;
  alice = (await insertUser(t.db, 'alice@example.com')).id;
  bob = (await insertUser(t.db, 'bob@example.com')).id;
  await insertBoard(t.db, 'golang-cafe');
  await insertListing(t.db, 'golang-cafe', { title: 'Go Engineer', languages: ['go'], remote: 'remote', firstSeenAt: new Date(Date.now() + 60_000) });
});
afterAll(async () => t?.close());

const url = (path: string) => `http://trackend.test${path}`;
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const as = (userId: string | null) => {
  acting.userId = userId;
};
const list = async () => (await (await collection.GET()).json()) as { items: Record<string, unknown>[] };
const post = (body: unknown) => collection.POST(new Request(url('/api/saved-searches'), { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) }));
const get = (id: string) => item.GET(new Request(url(`/api/saved-searches/${id}`)), ctx(id));
const patch = (id: string, body: unknown) => item.PATCH(new Request(url(`/api/saved-searches/${id}`), { method: 'PATCH', body: JSON.stringify(body) }), ctx(id));
const del = (id: string) => item.DELETE(new Request(url(`/api/saved-searches/${id}`), { method: 'DELETE' }), ctx(id));
const rotateOf = (id: string) => rotate.POST(new Request(url(`/api/saved-searches/${id}/feed-token`), { method: 'POST' }), ctx(id));
const fetchFeed = (feedUrl: string) => {
  const token = new URL(feedUrl).pathname.split('/').at(-1)!;
  return feed.GET(new Request(feedUrl), { params: Promise.resolve({ token }) });
};

describe(`/api/saved-searches (${TEST_DRIVER})`, () => {
  it('creates (201 with an absolute feed URL shown once), lists, reads, edits and deletes', async () => {
    as(alice);
    const created = await post({ name: 'Go remote', filters: { language: ['go'], remote: ['remote'] }, digest: { enabled: true, hour: 6 } });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Record<string, unknown> & { id: string; feedUrl: string };
    expect(body).toEqual({
      id: expect.any(String),
      name: 'Go remote',
      filters: { language: ['go'], remote: ['remote'] },
      digest: { enabled: true, hour: 6 },
      newCount: 0,
      isDefault: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      feedUrl: expect.stringMatching(/^http:\/\/trackend\.test\/feeds\/[A-Za-z0-9_-]{43}\.atom$/),
    });
    expect(created.headers.get('location')).toBe(`/api/saved-searches/${body.id}`);
    expect((await fetchFeed(body.feedUrl)).status).toBe(200);

    // The token is never answered again.
    const listed = await list();
    expect(listed.items).toEqual([expect.objectContaining({ id: body.id, newCount: 1 })]);
    expect(JSON.stringify(listed)).not.toMatch(/feed/i);
    const read = await get(body.id);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: body.id, newCount: 1 });
    // Reading through the API does not mark it seen.
    expect(await (await get(body.id)).json()).toMatchObject({ newCount: 1 });

    const edited = await patch(body.id, { name: 'Go anywhere', filters: { language: ['go'] }, digest: { hour: 8 } });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ name: 'Go anywhere', filters: { language: ['go'] }, digest: { enabled: true, hour: 8 }, newCount: 1 });

    expect((await del(body.id)).status).toBe(204);
    expect((await get(body.id)).status).toBe(404);
    expect((await fetchFeed(body.feedUrl)).status).toBe(404);
  });

  it("answers 404 for another user's saved search, and 401 when signed out", async () => {
    as(alice);
    const { id, feedUrl } = (await (await post({ name: 'Mine', filters: { language: 'go' } })).json()) as { id: string; feedUrl: string };
    as(bob);
    expect((await get(id)).status).toBe(404);
    expect((await patch(id, { name: 'Stolen' })).status).toBe(404);
    expect((await rotateOf(id)).status).toBe(404);
    expect((await del(id)).status).toBe(404);
    expect((await list()).items).toEqual([]);
    expect((await get('../../etc')).status).toBe(404);
    as(null);
    expect([(await collection.GET()).status, (await post({ name: 'x' })).status, (await get(id)).status, (await rotateOf(id)).status]).toEqual([401, 401, 401, 401]);
    // The feed itself needs no session: its token is the credential, and it still works.
    expect((await fetchFeed(feedUrl)).status).toBe(200);
    as(alice);
    expect(await (await get(id)).json()).toMatchObject({ name: 'Mine' });
  });

  it('refuses bad bodies with 400s naming the field, the filter or its value', async () => {
    as(alice);
    const cases: [unknown, string][] = [
      [{ filters: {} }, 'name'],
      [{ name: 'x', filters: { language: ['klingon'] } }, 'filters.language'],
      [{ name: 'x', filters: { colour: 'blue' } }, 'filters.colour'],
      [{ name: 'x', filters: { cursor: 'abc' } }, 'filters.cursor'],
      [{ name: 'x', filters: 'language=go' }, 'filters'],
      [{ name: 'x', digest: { enabled: true, hour: 25 } }, 'digest.hour'],
      [{ name: 'x'.repeat(101) }, 'name'],
    ];
    for (const [input, field] of cases) {
      const response = await post(input);
      expect(response.status, JSON.stringify(input)).toBe(400);
      const error = (await response.json()) as { fields: Record<string, string> };
      expect(Object.keys(error.fields), JSON.stringify(input)).toContain(field);
    }
    const bad = (await (await post({ name: 'x', filters: { language: ['klingon'] } })).json()) as { error: string; fields: Record<string, string> };
    expect(bad.fields['filters.language']).toContain('klingon');
    expect((await post('not json')).status).toBe(400);
    const huge = await collection.POST(new Request(url('/api/saved-searches'), { method: 'POST', body: JSON.stringify({ name: 'x', filters: { q: 'a'.repeat(2 * 1024 * 1024) } }) }));
    expect(huge.status).toBe(413);
    const { id } = (await (await post({ name: 'ok' })).json()) as { id: string };
    const response = await patch(id, { filters: { seniority: ['wizard'] } });
    expect(response.status).toBe(400);
    expect(Object.keys(((await response.json()) as { fields: object }).fields)).toEqual(['filters.seniority']);
  });

  it('rotates the feed token: the new URL works, the old one answers 404', async () => {
    as(alice);
    const { id, feedUrl: first } = (await (await post({ name: 'Rotate me', filters: { language: ['go'] } })).json()) as { id: string; feedUrl: string };
    const rotated = await rotateOf(id);
    expect(rotated.status).toBe(200);
    const { feedUrl: second } = (await rotated.json()) as { feedUrl: string };
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
  });

  it('keeps at most 50 saved searches a user (409 past that)', async () => {
    const carol = (await insertUser(t.db, 'carol@example.com')).id;
    await t.db.insert(savedSearches).values(Array.from({ length: 50 }, (_, i) => ({ userId: carol, name: `S${i}`, feedTokenHash: `carol-${i}` })));
    as(carol);
    expect((await post({ name: 'one more' })).status).toBe(409);
  });
});
