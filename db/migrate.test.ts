import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { migrate, MIGRATIONS_DIR } from './migrate';
import { queryRows, type Db } from './types';
import { createEmptyPostgresDatabase, createTestDatabase, TEST_DRIVER, type TestDatabase } from '../test/support/test-db';

const EXPECTED_TABLES = [
  'accounts',
  'application_events',
  'applications',
  'boards',
  'calendar_tokens',
  'company_follows',
  'digest_deliveries',
  'exchange_rates',
  'hidden_companies',
  'ingest_runs',
  'interviews',
  'listing_dismissals',
  'listings',
  'listings_version',
  'profiles',
  'projects',
  'rate_limits',
  'saved_searches',
  'sessions',
  'time_entries',
  'timers',
  'users',
  'verification_tokens',
];

async function schemaSnapshot(db: Db) {
  const columns = await queryRows<{ table_name: string; column_name: string; data_type: string }>(
    db,
    sql`select table_name, column_name, data_type from information_schema.columns where table_schema = 'public' order by 1, 2`,
  );
  const indexes = await queryRows<{ indexname: string }>(
    db,
    sql`select indexname from pg_indexes where schemaname = 'public' order by 1`,
  );
  return { columns, indexes: indexes.map((row) => row.indexname) };
}

describe(`migrations (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('create every table of the data model from zero', async () => {
    const tables = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(EXPECTED_TABLES);
    const recorded = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(recorded[0]!.n).toBe(readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).length);
  });

  it('create the indexes the job search relies on', async () => {
    const { indexes } = await schemaSnapshot(database.db);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'listings_board_id_external_id_index',
        'listings_languages_idx',
        'listings_search_idx',
        'listings_open_newest_idx',
        'listings_open_salary_idx',
        'listings_copies_board_idx',
      ]),
    );
    const gin = await queryRows<{ indexdef: string }>(
      database.db,
      sql`select indexdef from pg_indexes where indexname in ('listings_languages_idx', 'listings_search_idx')`,
    );
    expect(gin.every((row) => row.indexdef.includes('USING gin'))).toBe(true);
  });

  it('change nothing when applied a second time', async () => {
    const before = await schemaSnapshot(database.db);
    expect(await migrate(database.db)).toBe(0);
    expect(await schemaSnapshot(database.db)).toEqual(before);
  });

  it('survive two migrations started at once on the same database', async () => {
    const results = await Promise.all([migrate(database.db), migrate(database.db)]);
    expect(results).toEqual([0, 0]);
  });
});

describe.runIf(TEST_DRIVER === 'postgres')('two processes starting at once on an empty PostgreSQL database', () => {
  it('apply each migration exactly once and both start', async () => {
    const { url, drop } = await createEmptyPostgresDatabase();
    try {
      const handles = await Promise.all([
        openDatabase({ driver: 'postgres', url, source: 'TEST_DATABASE_URL', max: 2 }),
        openDatabase({ driver: 'postgres', url, source: 'TEST_DATABASE_URL', max: 2 }),
        openDatabase({ driver: 'postgres', url, source: 'TEST_DATABASE_URL', max: 2 }),
      ]);
      const rows = await queryRows<{ n: number }>(handles[0].db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(rows[0]!.n).toBe(readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).length);
      await Promise.all(handles.map((handle) => handle.close()));
    } finally {
      await drop();
    }
  });
});
