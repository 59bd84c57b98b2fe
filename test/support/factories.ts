import { boards, listings, users, type NewListing } from '../../db/schema';
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
