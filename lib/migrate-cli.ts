import { closeDatabase, getDatabase } from '../db/client';
import { runCli } from './cli';

// `npm run db:migrate`: bring the configured database up to date (the app also does this at start).
await runCli(async () => {
  const { driver } = await getDatabase();
  console.log(`Database is up to date (${driver}).`);
  await closeDatabase();
});
