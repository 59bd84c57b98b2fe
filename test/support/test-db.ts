import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { env } from '../../lib/env';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * throwaway database on the PostgreSQL server named by TEST_DATABASE_URL (CI sets it), so
 * the same tests prove both drivers. close() drops the throwaway database.
 */
export interface TestDatabase extends DatabaseHandle {
  /** The URL of the throwaway database (PostgreSQL only), for tests that open more connections. */
  url: string | null;
}

export const TEST_DRIVER: 'pglite' | 'postgres' = env().TEST_DATABASE_URL ? 'postgres' : 'pglite';

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Create an empty database on the test server (not migrated) and return its URL and a drop function. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = env().TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `trackend_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabaseName(serverUrl, name),
    drop: async () => {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await dropDatabase(dropper, name);
      } finally {
        await dropper.end();
      }
    },
  };
}

/**
 * Drop a throwaway database. Not `with (force)`: that must signal every backend on it, and an
 * autovacuum worker belongs to no role a non-superuser (CI's `trackend_ci`) may signal. So we
 * end our own role's leftover connections and use a plain drop, which stops autovacuum itself.
 */
async function dropDatabase(sql: postgres.Sql, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = ${name} and pid <> pg_backend_pid()
        and backend_type = 'client backend' and usename = current_user`;
    try {
      await sql.unsafe(`drop database if exists ${name}`);
      return;
    } catch (error) {
      // 55006: still being accessed (a connection that was opening as we looked).
      if ((error as { code?: string }).code !== '55006' || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DRIVER === 'pglite') {
    const handle = await openDatabase({ driver: 'pglite', dir: 'memory' });
    return { ...handle, url: null };
  }
  const { url, drop } = await createEmptyPostgresDatabase();
  const handle = await openDatabase({ driver: 'postgres', url, source: 'TEST_DATABASE_URL', max: 5 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}
