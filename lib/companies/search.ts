import type { Db } from '../../db/types';
import { withFollowedCompanies, withHiddenBoards, withHiddenCompanies, type JobFilters } from '../search/filters';
import { hiddenBoardIds } from '../profile/profile';
import { followedBoardIds } from './follow';
import { hiddenCompanyKeys } from './hide';

/**
 * A signed-in user's own lists applied to their filters: the boards and companies they hid, and
 * the companies they follow (which `followed` narrows to). Every search made for a user (/jobs,
 * /api/jobs, digests) goes through here, so none forgets one.
 */
export async function withUserLists(db: Db, userId: string, filters: JobFilters): Promise<JobFilters> {
  const [boards, companies, followed] = await Promise.all([
    hiddenBoardIds(db, userId),
    hiddenCompanyKeys(db, userId),
    filters.followed ? followedBoardIds(db, userId) : Promise.resolve([] as string[]),
  ]);
  return withFollowedCompanies(withHiddenCompanies(withHiddenBoards(filters, boards), companies), followed);
}
