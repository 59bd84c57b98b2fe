import { FEED_ACCEPT } from '../fetch/board-requests';
import { singleFetchBoard } from '../single-fetch';
import type { BoardDefinition } from '../types';
import { BOARD_ID, NAME, parseWeWorkRemotely } from './parse';

export { parseWeWorkRemotely, splitWwrTitle } from './parse';

/**
 * We Work Remotely's back-end programming category feed: one conditional GET. The feed lists
 * every live job of the category (59 in the 2022 capture), so it is complete.
 */
export const board: BoardDefinition = singleFetchBoard({
  id: BOARD_ID,
  name: NAME,
  kind: 'rss',
  url: 'https://weworkremotely.com/categories/remote-back-end-programming-jobs.rss',
  homepage: 'https://weworkremotely.com',
  accept: FEED_ACCEPT,
  complete: true,
  parseInPlace: parseWeWorkRemotely,
});
