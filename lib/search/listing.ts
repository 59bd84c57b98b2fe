import { sql } from 'drizzle-orm';
import type { listings } from '../../db/schema';
import { queryRows, type Db, type RawRow } from '../../db/types';
import { LANGUAGE_SLUGS, ROLES } from '../vocabulary';
import { SUMMARY_COLUMNS, summariesById, toSummary, type JobSummary, type SummaryRow } from './search';
import type { ListingSnapshot } from './snapshot';
import { currentSnapshot } from './snapshot-store';

export interface ListingDetail extends JobSummary {
  company: string | null;
  descriptionHtml: string; // sanitized at ingestion
  salaryText: string | null;
  tags: string[];
  /** Every board the job is on, with the link back to it. */
  sources: { board: string; boardName: string; url: string }[];
  removed: boolean;
}

/** One listing by id (a copy from another board resolves to its primary), or null. */
export async function getListing(db: Db, id: number): Promise<ListingDetail | null> {
  const [row] = await queryRows<SummaryRow & RawRow<typeof listings, 'descriptionHtml' | 'salaryText' | 'tags' | 'removedAt'>>(
    db,
    sql`select ${SUMMARY_COLUMNS}, l.description_html, l.salary_text, l.tags, l.removed_at
        from listings l
        where l.id = (select coalesce(x.duplicate_of, x.id) from listings x where x.id = ${id})`,
  );
  if (!row) return null;
  const sources = await queryRows<{ board: string; board_name: string; url: string }>(
    db,
    sql`select l.board_id as board, b.name as board_name, l.url from listings l join boards b on b.id = l.board_id
        where (l.id = ${row.id} or l.duplicate_of = ${row.id}) and l.removed_at is null
        order by (l.id = ${row.id}) desc, l.id`,
  );
  return {
    ...toSummary(row),
    descriptionHtml: row.description_html,
    salaryText: row.salary_text,
    tags: row.tags,
    sources: sources.map((s) => ({ board: s.board, boardName: s.board_name, url: s.url })),
    removed: row.removed_at !== null,
  };
}

/** Open listings most like this one: same role, a shared language, most shared skills, newest (from the snapshot). */
export async function similarListings(db: Db, listing: Pick<JobSummary, 'id' | 'role' | 'languages' | 'skills'>, limit = 5): Promise<JobSummary[]> {
  if (listing.languages.length === 0 || limit <= 0) return [];
  const snapshot = await currentSnapshot(db);
  const ids = mostAlike(snapshot, listing, limit);
  const found = await summariesById(db, ids);
  return ids.flatMap((id) => found.get(id) ?? []);
}

function mostAlike(snapshot: ListingSnapshot, listing: Pick<JobSummary, 'id' | 'role' | 'languages' | 'skills'>, limit: number): number[] {
  const role = ROLES.indexOf(listing.role);
  const mask = listing.languages.reduce((bits, slug) => {
    const bit = LANGUAGE_SLUGS.indexOf(slug);
    return bit < 0 ? bits : bits | (1 << bit);
  }, 0);
  const wanted = new Uint8Array(snapshot.skills.length);
  for (const skill of listing.skills) {
    const index = snapshot.skills.indexOf(skill);
    if (index >= 0) wanted[index] = 1;
  }
  // Each skill counts once per row, as a set intersection would (stamped with the row).
  const counted = new Uint32Array(snapshot.skills.length);
  // The best so far, most shared skills first; rows come newest first, so a tie keeps the earlier.
  const best: { row: number; shared: number }[] = [];
  for (let row = 0; row < snapshot.size; row++) {
    if (snapshot.role[row] !== role || !(snapshot.languages[row]! & mask) || snapshot.ids[row] === listing.id) continue;
    let shared = 0;
    for (let k = snapshot.skillStart[row]!; k < snapshot.skillStart[row + 1]!; k++) {
      const skill = snapshot.skillIds[k]!;
      if (wanted[skill] && counted[skill] !== row + 1) {
        counted[skill] = row + 1;
        shared++;
      }
    }
    if (best.length === limit && shared <= best[limit - 1]!.shared) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.shared < shared) at--;
    best.splice(at, 0, { row, shared });
    if (best.length > limit) best.pop();
  }
  return best.map(({ row }) => snapshot.ids[row]!);
}
