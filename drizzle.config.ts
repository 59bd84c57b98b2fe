import { defineConfig } from 'drizzle-kit';

// Only used by `npm run db:generate` to write SQL migrations from db/schema.
// Migrations are applied at run time by db/migrate.ts, on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
