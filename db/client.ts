import 'server-only';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env, isBuildPhase } from '../lib/env';
import { ConfigError } from './errors';
import { migrate } from './migrate';
import { acquirePgliteLock } from './pglite-lock';
import * as schema from './schema';
import { markOneConnection, type Db } from './types';

export type { Db } from './types';

export interface DatabaseHandle {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { driver: 'postgres'; url: string; /** the variable the URL came from, for messages */ source?: string; max?: number }
  | { driver: 'pglite'; /** a directory, or 'memory' for a throwaway in-memory database */ dir: string };

const drizzleConfig = { schema, casing: 'snake_case' } as const;

/** Hide the password when a URL appears in a message. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

async function openPostgres(target: Extract<DatabaseTarget, { driver: 'postgres' }>): Promise<DatabaseHandle> {
  const source = target.source ?? 'DATABASE_URL';
  const client = postgres(target.url, {
    max: target.max ?? 10,
    connect_timeout: 5,
    idle_timeout: 30,
    onnotice: () => {},
    // Our queries are short and planned in milliseconds; JIT compiling them cost 0.5-2.8 s
    // per facet query in the search benchmark.
    connection: { jit: 'off' },
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`Cannot reach the PostgreSQL server named by ${source} (${redactUrl(target.url)}): ${reason}`, {
      cause: error,
    });
  }
  const db = drizzlePostgres({ client, ...drizzleConfig }) as unknown as Db;
  return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dir: string): Promise<DatabaseHandle> {
  if (dir === 'memory') {
    const client = new PGlite();
    const db = drizzlePglite({ client, ...drizzleConfig }) as unknown as Db;
    markOneConnection(db);
    return { db, driver: 'pglite', close: () => client.close() };
  }
  const dataDir = resolve(dir);
  const release = acquirePgliteLock(dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
    const client = new PGlite(dataDir);
    await client.waitReady;
    const db = drizzlePglite({ client, ...drizzleConfig }) as unknown as Db;
    markOneConnection(db);
    return {
      db,
      driver: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Open a database and bring its schema up to date. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  const handle = target.driver === 'postgres' ? await openPostgres(target) : await openPglite(target.dir);
  try {
    await migrate(handle.db);
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}

/** The database the environment names: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export function targetFromEnv(): DatabaseTarget {
  const { DATABASE_URL, PGLITE_DIR } = env();
  return DATABASE_URL ? { driver: 'postgres', url: DATABASE_URL, source: 'DATABASE_URL' } : { driver: 'pglite', dir: PGLITE_DIR };
}

// One handle per process, kept on globalThis so dev-mode module reloads reuse it instead of
// opening the PGlite directory twice.
const globalForDb = globalThis as unknown as { trackendDb?: Promise<DatabaseHandle> };

/** The process-wide database, opened and migrated on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  if (isBuildPhase()) {
    throw new ConfigError('The database is not available during `next build`: pages that read it must render dynamically.');
  }
  if (!globalForDb.trackendDb) {
    const opening = openDatabase(targetFromEnv());
    // A failed open is not cached: the next request tries again (e.g. after PostgreSQL restarts).
    opening.catch(() => {
      if (globalForDb.trackendDb === opening) globalForDb.trackendDb = undefined;
    });
    globalForDb.trackendDb = opening;
  }
  return globalForDb.trackendDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Close the process-wide database (CLIs call this before exiting). */
export async function closeDatabase(): Promise<void> {
  const opening = globalForDb.trackendDb;
  globalForDb.trackendDb = undefined;
  if (opening) await (await opening).close();
}
