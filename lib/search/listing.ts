import { sql } from 'drizzle-orm';
import type { listings } from '../../db/schema';
import { queryRows, type Db, type RawRow } from '../../db/types';
import { SUMMARY_COLUMNS, toSummary, type JobSummary, type SummaryRow } from './search';

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

/** Open listings most like this one: same role, a shared language, most shared skills, newest. */
export async function similarListings(db: Db, listing: Pick<JobSummary, 'id' | 'role' | 'languages' | 'skills'>, limit = 5): Promise<JobSummary[]> {
  if (listing.languages.length === 0) return [];
  const rows = await queryRows<SummaryRow>(
    db,
    sql`select ${SUMMARY_COLUMNS} from listings l
        where l.removed_at is null and l.duplicate_of is null and l.id <> ${listing.id}
          and l.role = ${listing.role} and l.languages && ${sql.param(listing.languages)}::text[]
        order by cardinality(array(select unnest(l.skills) intersect select unnest(${sql.param(listing.skills)}::text[]))) desc,
          l.posted_at desc, l.id desc
        limit ${limit}`,
  );
  return rows.map(toSummary);
}
