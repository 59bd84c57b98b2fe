import type { BoardDefinition, BoardKind, FetchedBody, ParseResult, ScrapeContext, ScrapeResult } from './types';

/** How a board reads its one response. */
type BodyParser =
  /** Pure and synchronous: exposed as the board's `parse`, so ingestion may run it in its worker pool. */
  | { parse: (body: string, sourceUrl: string) => ParseResult }
  /** Asynchronous (rss-parser's is), or a board that is not in the registry (a user's feed): run in place. */
  | { parseInPlace: (body: string, sourceUrl: string) => Promise<ParseResult> };

/**
 * The shape most boards have: one conditional GET of one URL (304 ends the run), then a parse.
 * Boards that need more requests (detail pages, a thread lookup) write their own scrape().
 */
export function singleFetchBoard(
  spec: {
    id: string;
    name: string;
    kind: BoardKind;
    url: string;
    homepage: string;
    /** Does one response list every live posting? (Only then may absent ones be marked removed.) */
    complete: boolean;
    accept?: string;
  } & BodyParser,
): BoardDefinition {
  const parse = 'parse' in spec ? spec.parse : undefined;
  const read = (ctx: ScrapeContext, res: FetchedBody): Promise<ParseResult> | ParseResult => {
    if ('parseInPlace' in spec) return spec.parseInPlace(res.body, res.url);
    return ctx.parseOffThread ? ctx.parseOffThread(spec.id, res) : spec.parse(res.body, res.url);
  };
  return {
    id: spec.id,
    name: spec.name,
    kind: spec.kind,
    url: spec.url,
    homepage: spec.homepage,
    ...(parse ? { parse } : {}),
    async scrape(ctx: ScrapeContext): Promise<ScrapeResult> {
      const res = await ctx.fetchText(ctx.url, {
        conditional: ctx.conditional,
        accept: spec.accept,
        signal: ctx.signal,
      });
      if (res.status === 304) return { notModified: true, httpStatus: 304 };
      const { items, skipped } = await read(ctx, res);
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
