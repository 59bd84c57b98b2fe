import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { boards, type Board } from '../../db/schema';
import type { Db } from '../../db/types';

export type BoardName = Pick<Board, 'id' | 'name'>;

/**
 * The names the /jobs filters show: every approved board (not the companies people follow,
 * which are boards too), by name, and the companies `companyIds` names (only those the URL asks for).
 */
export async function filterBoardNames(db: Db, companyIds: readonly string[]): Promise<{ boards: BoardName[]; companies: BoardName[] }> {
  const columns = { id: boards.id, name: boards.name };
  const [approved, companies] = await Promise.all([
    db.select(columns).from(boards).where(and(eq(boards.pending, false), isNull(boards.atsSystem))).orderBy(asc(boards.name)),
    companyIds.length ? db.select(columns).from(boards).where(inArray(boards.id, [...companyIds])) : Promise.resolve([]),
  ]);
  return { boards: approved, companies };
}
