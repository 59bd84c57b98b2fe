import { profiles, projects, timeEntries } from '../../db/schema';
import type { Db } from '../../db/types';

// Row builders for the time log, projects and dashboard tests. Each fills the required
// columns and takes overrides.

type ProfileRow = typeof profiles.$inferInsert;
type ProjectRow = typeof projects.$inferInsert;
type EntryRow = typeof timeEntries.$inferInsert;

let counter = 0;

export async function insertProfile(db: Db, userId: string, overrides: Partial<Omit<ProfileRow, 'userId'>> = {}) {
  const [row] = await db
    .insert(profiles)
    .values({ userId, ...overrides })
    .returning();
  return row!;
}

export async function insertProject(db: Db, userId: string, overrides: Partial<Omit<ProjectRow, 'userId'>> = {}) {
  const [row] = await db
    .insert(projects)
    .values({ userId, name: `Project ${++counter}`, ...overrides })
    .returning();
  return row!;
}

export async function insertEntry(db: Db, userId: string, overrides: Partial<Omit<EntryRow, 'userId'>> = {}) {
  const kind = overrides.kind ?? 'building';
  const [row] = await db
    .insert(timeEntries)
    .values({
      userId,
      kind,
      area: kind === 'learning' ? 'fundamentals' : null,
      minutes: 60,
      startedAt: new Date('2026-11-23T09:00:00Z'),
      ...overrides,
    })
    .returning();
  return row!;
}
