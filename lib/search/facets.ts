import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/types';
import type { JobFilters } from './filters';
import { whereFor, type FacetName } from './where';

export type Facets = Record<FacetName, Record<string, number>>;

const FACET_SQL = {
  language: sql`unnest(l.languages)`,
  seniority: sql`l.seniority::text`,
  role: sql`l.role::text`,
  remote: sql`l.remote::text`,
  board: sql`l.board_id`,
} as const;

/**
 * Counts beside each filter option for the current result. Each facet is counted with every
 * other filter applied but not its own, so choosing a second language shows what it would add.
 */
export async function facetCounts(db: Db, filters: JobFilters, usdPerUnit: Record<string, number>): Promise<Facets> {
  const names = Object.keys(FACET_SQL) as FacetName[];
  const parts = names.map(
    (name) => sql`select ${name} as facet, value, count(*)::int as n from (select ${FACET_SQL[name]} as value from listings l where ${whereFor(filters, usdPerUnit, name)}) f group by value`,
  );
  const rows = await queryRows<{ facet: FacetName; value: string | null; n: number }>(db, sql.join(parts, sql` union all `));
  const facets = Object.fromEntries(names.map((name) => [name, {}])) as Facets;
  for (const row of rows) if (row.value !== null) facets[row.facet][row.value] = Number(row.n);
  return facets;
}
