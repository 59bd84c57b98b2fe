import { afterEach, describe, expect, it, vi } from 'vitest';

// The route reads the flag through lib/env.ts, which parses process.env once per module
// instance: each case loads fresh modules under its own environment.
async function answer(flag: string | undefined) {
  vi.resetModules();
  vi.stubEnv('TRACKEND_BENCH_FLOOR', flag);
  const { GET } = await import('./route');
  return GET();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the benchmark floor API route', () => {
  it.each([undefined, '', '0'])('is a 404 when TRACKEND_BENCH_FLOOR is %j', async (flag) => {
    const response = await answer(flag);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Not found' });
  });

  it('answers the floor rows as /api/jobs answers a page when the benchmark sets TRACKEND_BENCH_FLOOR=1', async () => {
    const response = await answer('1');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id: number; title: string }[]; nextCursor: null };
    expect(body.items).toHaveLength(20);
    expect(body.items[0]).toMatchObject({ id: 1, title: 'Backend engineer 1' });
    expect(body.nextCursor).toBeNull();
  });
});
