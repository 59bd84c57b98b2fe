import { parseJsonBody } from '../formats';
import type { BoardDefinition, ScrapeContext, ScrapeResult } from '../types';
import { BOARD_ID, findHiringStory, isSearchResponse, NAME, parseHnThreadData } from './parse';

export { extractJobHeader, type HeaderOutcome, type JobHeader } from './header';
export { findHiringStory, itemUrl, parseHnThread } from './parse';

const SEARCH_URL = 'https://hn.algolia.com/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=20';
const ACCEPT = 'application/json';

/** The Algolia items URL for a story, on the same origin as the search that found it. */
export function itemsUrlFor(searchUrl: string, storyId: string): string {
  return new URL(`/api/v1/items/${encodeURIComponent(storyId)}`, searchUrl).href;
}

/**
 * Two requests: the whoishiring account's newest stories (conditional, so a 304 ends the run),
 * then the current "Who is hiring?" thread's whole comment tree from Algolia's items API.
 * When ctx.url is already a thread (an items URL, or a Firebase-format {post, comments} file),
 * that one response is parsed.
 */
async function scrape(ctx: ScrapeContext): Promise<ScrapeResult> {
  const first = await ctx.fetchText(ctx.url, { conditional: ctx.conditional, accept: ACCEPT, signal: ctx.signal });
  if (first.status === 304) return { notModified: true, httpStatus: 304 };
  const data = parseJsonBody(first.body, NAME);

  let thread: unknown = data;
  if (isSearchResponse(data)) {
    const story = findHiringStory(data, first.url);
    const url = itemsUrlFor(first.url, story.id);
    ctx.log(`${BOARD_ID}: reading "${story.title}" (${url})`);
    const second = await ctx.fetchText(url, { accept: ACCEPT, signal: ctx.signal });
    // Nothing conditional was sent, so a 304 here can only mean the same thread as before.
    if (second.status === 304) return { notModified: true, httpStatus: 304 };
    thread = parseJsonBody(second.body, NAME);
  }

  const { items, skipped } = parseHnThreadData(thread);
  return {
    notModified: false,
    httpStatus: first.status,
    items,
    skipped,
    // One thread is every posting of the month.
    complete: true,
    // The validators belong to ctx.url's response, which is what the next run sends them to.
    etag: first.etag,
    lastModified: first.lastModified,
  };
}

export const board: BoardDefinition = {
  id: BOARD_ID,
  name: NAME,
  kind: 'json',
  url: SEARCH_URL,
  homepage: 'https://news.ycombinator.com',
  scrape,
};
