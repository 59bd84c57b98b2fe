import { cleanText, FIELD_LIMITS } from '../formats';
import { singleFetchBoard } from '../single-fetch';
import type { BoardDefinition, ParseResult, RawListing, ScrapeContext, ScrapeResult } from '../types';
import { atsApiUrl, hiringBoardPageUrl } from './api-url';
import { atsBoardId } from './board-id';
import { parseAtsResponse } from './parse';
import type { HiringBoardRef } from './systems';

/**
 * One followed company as a board: one conditional GET of its job-board API, which lists every
 * open job (so absent ones may be marked removed). `name` is the company's name as stored; it
 * fills `company` on listings whose response names none (Lever, Ashby). That happens after the
 * parse, so it holds whether the parse ran here or in ingestion's worker pool (which knows only
 * the board id).
 */
export function createAtsBoard(ref: HiringBoardRef & { name: string }): BoardDefinition {
  const id = atsBoardId(ref);
  const company = cleanText(ref.name, FIELD_LIMITS.company);
  const withCompany = (items: RawListing[]) => (company ? items.map((item) => (item.company ? item : { ...item, company })) : items);
  const parse = (body: string, sourceUrl: string): ParseResult => {
    const { items, skipped } = parseAtsResponse(ref.system, body, sourceUrl);
    return { items: withCompany(items), skipped };
  };
  const inner = singleFetchBoard({
    id,
    name: ref.name,
    kind: 'json',
    url: atsApiUrl(ref),
    homepage: hiringBoardPageUrl(ref),
    complete: true,
    accept: 'application/json',
    parse,
  });
  return {
    ...inner,
    async scrape(ctx: ScrapeContext): Promise<ScrapeResult> {
      const result = await inner.scrape(ctx);
      return result.notModified ? result : { ...result, items: withCompany(result.items) };
    },
  };
}
