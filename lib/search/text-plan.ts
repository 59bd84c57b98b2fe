import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/types';

/** A search box's text (websearch syntax) as a tsquery. */
export const tsQuery = (q: string): SQL => sql`websearch_to_tsquery('english', ${q})`;

/**
 * Find text-search matches with only bitmap scans allowed. The planner does not cost the
 * detoasting of each row's tsvector, so for a common word it picks a scan that tests
 * `search @@ q` on every open listing: about 1 s over 200,000 listings, where a bitmap scan of
 * the GIN index finds the matches without reading their tsvectors in 0.1-0.25 s
 * (bench/reports/search.md). The settings are local to the transaction, and set in one
 * statement (one round trip).
 */
export const TEXT_SEARCH_PLAN = `select ${['enable_seqscan', 'enable_indexscan', 'enable_indexonlyscan'].map((setting) => `set_config('${setting}', 'off', true)`).join(', ')}`;

export function withTextSearchPlan<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(TEXT_SEARCH_PLAN));
    return work(tx);
  });
}
