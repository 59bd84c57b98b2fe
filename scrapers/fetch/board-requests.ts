import type { BoardDefinition, FetchedBody, RawListing, ScrapeContext, SkippedItem } from '../types';

// The requests a feed or HTML board makes (custom-feed/, golang-cafe/, weworkremotely/,
// python-org/, remote-python/): the conditional GET of the board's URL (a feed or a list
// page), and the capped, failure-tolerant reading of detail pages for new items whose entry
// lacks fields; and the board they make together (a feed completed from job pages). A board
// read in one request is single-fetch.ts's.

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
export const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** At most this many detail pages per run, so one run stays a handful of requests. */
export const DETAIL_PAGE_LIMIT = 20;

/** GET ctx.url (the feed, or a list page) with the stored validators. null means 304 Not Modified. */
export async function fetchBoardUrl(ctx: ScrapeContext, accept: string = FEED_ACCEPT): Promise<FetchedBody | null> {
  const res = await ctx.fetchText(ctx.url, { conditional: ctx.conditional, accept, signal: ctx.signal });
  return res.status === 304 ? null : res;
}

export interface DetailEnrichment<T> {
  ctx: ScrapeContext;
  boardId: string;
  entries: readonly T[];
  /** The entry's externalId (compared with ctx.knownExternalIds). */
  key: (entry: T) => string;
  /** The detail page to read. */
  url: (entry: T) => string;
  /** Does the feed entry lack something the page has? */
  needsDetail: (entry: T) => boolean;
  /** The entry completed from the page. May throw (a ParseError for a page that is not the job page). */
  merge: (entry: T, html: string, pageUrl: string) => T;
  limit?: number;
}

/**
 * Read the detail page of each new entry (not in ctx.knownExternalIds) that lacks fields, at
 * most `limit` per run, one at a time (the shared fetcher paces per host anyway). A page that
 * fails to load or parse is logged and the entry is kept as the feed gave it. Entries already
 * stored are never re-read: their pages were read (or tried) when they were new.
 */
export async function enrichFromDetailPages<T>(options: DetailEnrichment<T>): Promise<T[]> {
  const { ctx, boardId, entries, limit = DETAIL_PAGE_LIMIT } = options;
  const out = [...entries];
  const wanted = out.flatMap((entry, index) =>
    !ctx.knownExternalIds.has(options.key(entry)) && options.needsDetail(entry) ? [index] : [],
  );
  if (wanted.length > limit) {
    ctx.log(`${boardId}: ${wanted.length} new items lack fields; reading the first ${limit} detail pages this run`);
  }
  for (const index of wanted.slice(0, limit)) {
    const entry = out[index]!;
    const url = options.url(entry);
    try {
      const res = await ctx.fetchText(url, { accept: HTML_ACCEPT, signal: ctx.signal });
      if (res.status === 304) throw new Error('answered 304 Not Modified to an unconditional request');
      out[index] = options.merge(entry, res.body, res.url);
    } catch (error) {
      // A cancelled run stops here; anything else costs only this page.
      if (ctx.signal?.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      ctx.log(`${boardId}: detail page ${url} failed, keeping the feed item as it is: ${message}`);
    }
  }
  return out;
}

/**
 * A feed whose entries are completed from their job pages (Golang Cafe, Python.org): the feed
 * (conditional GET: 304 ends the run), then enrichFromDetailPages. Never complete: such feeds
 * hold only the newest jobs.
 */
export function detailPageFeedBoard<T extends { listing: RawListing }>(
  spec: Pick<BoardDefinition, 'id' | 'name' | 'url' | 'homepage'> & {
    parseFeed: (body: string) => Promise<{ jobs: T[]; skipped: SkippedItem[] }>;
    needsDetail: (entry: T) => boolean;
    merge: (entry: T, html: string) => T;
  },
): BoardDefinition {
  const { parseFeed, needsDetail, merge, ...place } = spec;
  return {
    ...place,
    kind: 'rss',
    async scrape(ctx) {
      const res = await fetchBoardUrl(ctx);
      if (!res) return { notModified: true, httpStatus: 304 };
      const { jobs, skipped } = await parseFeed(res.body);
      const entries = await enrichFromDetailPages({
        ctx,
        boardId: spec.id,
        entries: jobs,
        key: (job) => job.listing.externalId,
        url: (job) => job.listing.url,
        needsDetail,
        merge,
      });
      const items = entries.map((job) => job.listing);
      return { notModified: false, httpStatus: res.status, items, skipped, complete: false, etag: res.etag, lastModified: res.lastModified };
    },
  };
}
