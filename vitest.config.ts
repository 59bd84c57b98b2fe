import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// 'server-only' throws outside a React Server Components build; tests import those modules directly.
const alias = { '@': fileURLToPath(new URL('./', import.meta.url)), 'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)) };
const ignored = ['node_modules/**', '.next/**', '.next-bench/**', '.data/**'];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['**/*.test.ts'],
          exclude: [...ignored, 'e2e/**'],
          // Database tests start their own PGlite (WASM) or PostgreSQL database per file.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          exclude: ignored,
          // One production server (built when stale, on a fresh database) for every e2e file:
          // see e2e/global-setup.ts. Files run one after another against it.
          globalSetup: ['e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A page on a busy 2-CPU machine (bcrypt, first render) can take seconds to change.
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
