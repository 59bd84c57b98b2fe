import 'server-only';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { queryRows, type Db } from './types';

export const MIGRATIONS_DIR = join(process.cwd(), 'db', 'migrations');

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Apply the drizzle-kit migrations in db/migrations that this database has not seen.
 * One transaction under an advisory lock: two processes starting at once apply each
 * migration exactly once (the second waits, then finds nothing to do), and a failed
 * migration leaves nothing half-applied. Uses drizzle's own bookkeeping table, so
 * drizzle-kit's tools agree with it. Returns how many migrations were applied.
 */
export async function migrate(db: Db, migrationsFolder = MIGRATIONS_DIR): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    const applied = await queryRows<{ created_at: string | number }>(
      tx,
      sql`select created_at from drizzle.__drizzle_migrations`,
    );
    const appliedAt = new Set(applied.map((row) => Number(row.created_at)));
    let count = 0;
    for (const migration of migrations) {
      if (appliedAt.has(migration.folderMillis)) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      count++;
    }
    return count;
  });
}
