import type { Db } from '../../db/types';
import { withFollowedCompanies, withHiddenBoards, withHiddenCompanies, type JobFilters } from '../search/filters';
import { hiddenBoardIds } from '../profile/profile';
import { followedBoardIds } from './follow';
import { hiddenCompanyKeys } from './hide';

/** What a signed-in user's searches carry besides their filters: the boards and companies they hid, the companies they follow. */
export interface UserLists {
  hiddenBoards: string[];
  hiddenCompanies: string[];
  followedBoards: string[];
}

/** The user's lists, read once (`followed: false` skips the follows, which only `followed=1` reads). */
export async function loadUserLists(db: Db, userId: string, options: { followed: boolean }): Promise<UserLists> {
  const [hiddenBoards, hiddenCompanies, followedBoards] = await Promise.all([
    hiddenBoardIds(db, userId),
    hiddenCompanyKeys(db, userId),
    options.followed ? followedBoardIds(db, userId) : Promise.resolve([] as string[]),
  ]);
  return { hiddenBoards, hiddenCompanies, followedBoards };
}

export function applyUserLists(filters: JobFilters, lists: UserLists): JobFilters {
  return withFollowedCompanies(withHiddenCompanies(withHiddenBoards(filters, lists.hiddenBoards), lists.hiddenCompanies), lists.followedBoards);
}

/**
 * A signed-in user's own lists applied to their filters (`followed` narrows to the companies
 * they follow). Every search made for a user (/jobs, /api/jobs, saved searches' counts and feeds,
 * digests) goes through here, so none forgets one.
 */
export async function withUserLists(db: Db, userId: string, filters: JobFilters): Promise<JobFilters> {
  return applyUserLists(filters, await loadUserLists(db, userId, { followed: Boolean(filters.followed) }));
}
