import 'server-only';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { boards, ingestRuns, listings } from '../../db/schema';
import { queryRows, type Db } from '../../db/types';

export interface Overview {
  openListings: number;
  boards: number;
  enabledBoards: number;
  lastIngestAt: Date | null;
  topLanguages: { language: string; listings: number }[];
  latest: { id: number; title: string; company: string | null; boardId: string; postedAt: Date | null; languages: string[] }[];
}

/** What the home page shows about the listings side: counts, languages in demand, newest jobs. */
export async function getOverview(db: Db): Promise<Overview> {
  const open = and(isNull(listings.removedAt), isNull(listings.duplicateOf));
  const [listingCount, boardCounts, lastRun, topLanguages, latest] = await Promise.all([
    db.select({ n: count() }).from(listings).where(open),
    db
      .select({ total: count(), enabled: sql<number>`count(*) filter (where ${boards.enabled})`.mapWith(Number) })
      .from(boards)
      .where(eq(boards.pending, false)),
    db.select({ at: sql<Date | null>`max(${ingestRuns.finishedAt})`.mapWith((v) => (v ? new Date(v as string) : null)) }).from(ingestRuns),
    queryRows<{ language: string; listings: number }>(
      db,
      sql`select language, count(*)::int as listings
          from listings, unnest(languages) as language
          where removed_at is null and duplicate_of is null
          group by language order by listings desc, language limit 6`,
    ),
    db
      .select({
        id: listings.id,
        title: listings.title,
        company: listings.company,
        boardId: listings.boardId,
        postedAt: listings.postedAt,
        languages: listings.languages,
      })
      .from(listings)
      .where(open)
      .orderBy(desc(listings.postedAt), desc(listings.id))
      .limit(6),
  ]);
  return {
    openListings: listingCount[0]?.n ?? 0,
    boards: boardCounts[0]?.total ?? 0,
    enabledBoards: boardCounts[0]?.enabled ?? 0,
    lastIngestAt: lastRun[0]?.at ?? null,
    topLanguages,
    latest,
  };
}
