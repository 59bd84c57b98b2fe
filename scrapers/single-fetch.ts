import type { BoardDefinition, BoardKind, ParseResult, ScrapeContext, ScrapeResult } from './types';

/**
 * The shape most boards have: one conditional GET of one URL, then a pure parse.
 * Boards that need more requests (detail pages, a thread lookup) write their own scrape().
 */
export function singleFetchBoard(spec: {
  id: string;
  name: string;
  kind: BoardKind;
  url: string;
  homepage: string;
  /** Does one response list every live posting? (Only then may absent ones be marked removed.) */
  complete: boolean;
  accept?: string;
  parse: (body: string, sourceUrl: string) => ParseResult;
}): BoardDefinition {
  return {
    id: spec.id,
    name: spec.name,
    kind: spec.kind,
    url: spec.url,
    homepage: spec.homepage,
    parse: spec.parse,
    async scrape(ctx: ScrapeContext): Promise<ScrapeResult> {
      const res = await ctx.fetchText(ctx.url, {
        conditional: ctx.conditional,
        accept: spec.accept,
        signal: ctx.signal,
      });
      if (res.status === 304) return { notModified: true, httpStatus: 304 };
      const { items, skipped } = ctx.parseOffThread ? await ctx.parseOffThread(spec.id, res) : spec.parse(res.body, res.url);
      return {
        notModified: false,
        httpStatus: res.status,
        items,
        skipped,
        complete: spec.complete,
        etag: res.etag,
        lastModified: res.lastModified,
      };
    },
  };
}
