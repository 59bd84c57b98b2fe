import { applicationEvents, applications, boards, listings, users, type NewApplication, type NewListing } from '../../db/schema';
import type { Db } from '../../db/types';

// Small row builders for tests: each fills the required columns and takes overrides.

let counter = 0;
const next = () => ++counter;

export async function insertBoard(db: Db, id = `board-${next()}`) {
  const [board] = await db
    .insert(boards)
    .values({ id, name: `Board ${id}`, kind: 'rss', url: `https://${id}.example/feed` })
    .returning();
  return board!;
}

export async function insertListing(db: Db, boardId: string, overrides: Partial<NewListing> = {}) {
  const n = next();
  const [listing] = await db
    .insert(listings)
    .values({
      boardId,
      externalId: `ext-${n}`,
      url: `https://jobs.example/${n}`,
      canonicalUrl: `https://jobs.example/${n}`,
      fingerprint: `acme|backend engineer ${n}`,
      contentHash: `hash-${n}`,
      title: `Backend Engineer ${n}`,
      company: 'Acme',
      ...overrides,
    })
    .returning();
  return listing!;
}

export async function insertUser(db: Db, email = `user${next()}@example.com`) {
  const [user] = await db.insert(users).values({ email, name: email.split('@')[0] }).returning();
  return user!;
}

/** An application straight into the table (no events), for tests that need a given shape fast. */
export async function insertApplication(db: Db, userId: string, overrides: Partial<Omit<NewApplication, 'userId'>> = {}) {
  const n = next();
  const [row] = await db
    .insert(applications)
    .values({ userId, company: `Company ${n}`, title: `Backend Engineer ${n}`, url: `https://jobs.example/a/${n}`, ...overrides })
    .returning();
  return row!;
}

export async function insertApplicationEvent(
  db: Db,
  userId: string,
  applicationId: string,
  overrides: Partial<typeof applicationEvents.$inferInsert> = {},
) {
  const [row] = await db
    .insert(applicationEvents)
    .values({ userId, applicationId, toStatus: 'applied', ...overrides })
    .returning();
  return row!;
}
