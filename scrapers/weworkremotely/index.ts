import { fetchBoardUrl } from '../custom-feed/feed-board';
import type { BoardDefinition, ScrapeContext, ScrapeResult } from '../types';
import { BOARD_ID, NAME, parseWeWorkRemotely } from './parse';

export { parseWeWorkRemotely, splitWwrTitle } from './parse';

/**
 * We Work Remotely's back-end programming category feed: one conditional GET. The feed lists
 * every live job of the category (59 in the 2022 capture), so it is complete.
 */
async function scrape(ctx: ScrapeContext): Promise<ScrapeResult> {
  const res = await fetchBoardUrl(ctx);
  if (!res) return { notModified: true, httpStatus: 304 };
  const { items, skipped } = await parseWeWorkRemotely(res.body);
  return { notModified: false, httpStatus: res.status, items, skipped, complete: true, etag: res.etag, lastModified: res.lastModified };
}

export const board: BoardDefinition = {
  id: BOARD_ID,
  name: NAME,
  kind: 'rss',
  url: 'https://weworkremotely.com/categories/remote-back-end-programming-jobs.rss',
  homepage: 'https://weworkremotely.com',
  scrape,
};
