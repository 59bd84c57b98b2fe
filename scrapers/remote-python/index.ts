import { fetchBoardUrl, HTML_ACCEPT } from '../custom-feed/feed-board';
import type { BoardDefinition, ScrapeContext, ScrapeResult } from '../types';
import { BOARD_ID, LIST_URL, NAME, parseRemotePython } from './parse';

export { jobIdFromUrl, parseDjangoDate, parseRemotePython } from './parse';

/**
 * Remote Python has no feed: one conditional GET of the job list page, parsed with cheerio.
 * Not complete: the list is paginated and only its first page is read.
 */
async function scrape(ctx: ScrapeContext): Promise<ScrapeResult> {
  const res = await fetchBoardUrl(ctx, HTML_ACCEPT);
  if (!res) return { notModified: true, httpStatus: 304 };
  const { items, skipped } = parseRemotePython(res.body, res.url);
  return { notModified: false, httpStatus: res.status, items, skipped, complete: false, etag: res.etag, lastModified: res.lastModified };
}

export const board: BoardDefinition = {
  id: BOARD_ID,
  name: NAME,
  kind: 'html',
  url: LIST_URL,
  homepage: 'https://www.remotepython.com',
  scrape,
};
