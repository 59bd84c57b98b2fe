import 'server-only';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { boards, ingestRuns, listings } from '../../db/schema';
import type { Db } from '../../db/types';
import { LANGUAGE_SLUGS } from '../vocabulary';
import { tallyLanguages, type ListingSnapshot } from '../search/snapshot';
import { currentSnapshot } from '../search/snapshot-store';

export interface Overview {
  openListings: number;
  boards: number;
  enabledBoards: number;
  lastIngestAt: Date | null;
  topLanguages: { language: string; listings: number }[];
  latest: { id: number; title: string; company: string | null; boardId: string; postedAt: Date | null; languages: string[] }[];
}

const TOP_LANGUAGES = 6;
const LATEST = 6;

/** The languages most open listings name, most first, ties by name. */
function topLanguages(snapshot: ListingSnapshot): Overview['topLanguages'] {
  const tally = new Float64Array(LANGUAGE_SLUGS.length);
  for (let row = 0; row < snapshot.size; row++) tallyLanguages(snapshot, row, tally);
  return LANGUAGE_SLUGS.map((language, index) => ({ language, listings: tally[index]! }))
    .filter((entry) => entry.listings > 0)
    .sort((a, b) => b.listings - a.listings || (a.language < b.language ? -1 : a.language > b.language ? 1 : 0))
    .slice(0, TOP_LANGUAGES);
}

/**
 * What the home page shows about the listings side: counts, languages in demand, newest jobs.
 * The open listings are the search snapshot's (newest first), so the home page counts what /jobs shows.
 */
export async function getOverview(db: Db): Promise<Overview> {
  const [snapshot, boardCounts, lastRun] = await Promise.all([
    currentSnapshot(db),
    db
      .select({ total: count(), enabled: sql<number>`count(*) filter (where ${boards.enabled})`.mapWith(Number) })
      .from(boards)
      .where(eq(boards.pending, false)),
    db.select({ at: sql<Date | null>`max(${ingestRuns.finishedAt})`.mapWith((v) => (v ? new Date(v as string) : null)) }).from(ingestRuns),
  ]);
  const latestIds = Array.from(snapshot.ids.subarray(0, LATEST));
  const latest = latestIds.length
    ? await db
        .select({
          id: listings.id,
          title: listings.title,
          company: listings.company,
          boardId: listings.boardId,
          postedAt: listings.postedAt,
          languages: listings.languages,
        })
        .from(listings)
        .where(inArray(listings.id, latestIds))
    : [];
  const byId = new Map(latest.map((row) => [row.id, row]));
  return {
    openListings: snapshot.size,
    boards: boardCounts[0]?.total ?? 0,
    enabledBoards: boardCounts[0]?.enabled ?? 0,
    lastIngestAt: lastRun[0]?.at ?? null,
    topLanguages: topLanguages(snapshot),
    latest: latestIds.flatMap((id) => byId.get(id) ?? []),
  };
}
