import { applications, type NewApplication } from '../../db/schema';
import type { Db } from '../../db/types';

// Applications straight into the table (no events), for tests that need a given shape fast.

let counter = 0;

export async function insertApplication(db: Db, userId: string, overrides: Partial<NewApplication> = {}) {
  const n = ++counter;
  const [row] = await db
    .insert(applications)
    .values({ userId, company: `Company ${n}`, title: `Backend Engineer ${n}`, url: `https://jobs.example/a/${n}`, ...overrides })
    .returning();
  return row!;
}
