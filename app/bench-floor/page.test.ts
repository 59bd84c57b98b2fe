import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The page reads the flag through lib/env.ts, which parses process.env once per module
// instance: each case loads fresh modules under its own environment.
async function loadPage(flag: string | undefined) {
  vi.resetModules();
  vi.stubEnv('TRACKEND_BENCH_FLOOR', flag);
  const [{ default: BenchFloorPage }, { FLOOR_ROWS }] = await Promise.all([import('./page'), import('./rows')]);
  return { BenchFloorPage, FLOOR_ROWS };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the benchmark floor page', () => {
  it.each([undefined, '', '0'])('is a 404 for users when TRACKEND_BENCH_FLOOR is %j', async (flag) => {
    const { BenchFloorPage } = await loadPage(flag);
    // notFound() throws Next's 404 signal, which the router turns into app/not-found.tsx.
    expect(() => BenchFloorPage()).toThrow(expect.objectContaining({ digest: 'NEXT_HTTP_ERROR_FALLBACK;404' }));
  });

  it('refuses a malformed flag at start-up, like any bad variable', async () => {
    const { BenchFloorPage } = await loadPage('yes');
    expect(() => BenchFloorPage()).toThrow(/TRACKEND_BENCH_FLOOR/);
  });

  it('renders 20 listing rows from memory when the benchmark sets TRACKEND_BENCH_FLOOR=1', async () => {
    const { BenchFloorPage, FLOOR_ROWS } = await loadPage('1');
    const html = renderToStaticMarkup(BenchFloorPage());
    expect(FLOOR_ROWS).toHaveLength(20);
    expect(html.match(/<li /g)).toHaveLength(20);
    for (const row of FLOOR_ROWS) {
      expect(html).toContain(`href="/jobs/${row.id}"`);
      expect(html).toContain(row.title);
    }
  });
});
