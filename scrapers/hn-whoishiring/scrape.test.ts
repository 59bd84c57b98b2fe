import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors';
import { fakeContext, ok } from '../../test/support/scrape-context';
import { board, itemsUrlFor } from './index';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const SEARCH = fixture('algolia-search.json');
const ITEMS = fixture('algolia-items.json');
const FIREBASE = fixture('firebase-thread.json');

const SEARCH_URL = 'https://hn.algolia.com/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=20';
const ITEMS_URL = 'https://hn.algolia.com/api/v1/items/47000001';

describe('Hacker News: Who is hiring? board', () => {
  it('is defined as the brief says', () => {
    expect({ id: board.id, name: board.name, kind: board.kind, url: board.url, homepage: board.homepage }).toEqual({
      id: 'hn-whoishiring',
      name: 'Hacker News: Who is hiring?',
      kind: 'json',
      url: SEARCH_URL,
      homepage: 'https://news.ycombinator.com',
    });
  });

  it('finds the newest thread in the search response, then reads its whole tree from the items API', async () => {
    const { ctx, calls, logs } = fakeContext(
      SEARCH_URL,
      { [SEARCH_URL]: ok(SEARCH_URL, SEARCH, { etag: 'W/"search-2"' }), [ITEMS_URL]: ok(ITEMS_URL, ITEMS, { etag: 'W/"items"' }) },
      { conditional: { etag: 'W/"search-1"' } },
    );
    const result = await board.scrape(ctx);
    expect(calls).toEqual([
      { url: SEARCH_URL, options: { conditional: { etag: 'W/"search-1"' }, accept: 'application/json', signal: undefined } },
      { url: ITEMS_URL, options: { accept: 'application/json', signal: undefined } },
    ]);
    expect(logs).toEqual([`hn-whoishiring: reading "Ask HN: Who is hiring? (March 2026)" (${ITEMS_URL})`]);
    if (result.notModified) throw new Error('expected listings');
    expect(result).toMatchObject({ httpStatus: 200, complete: true, etag: 'W/"search-2"', lastModified: null });
    expect(result.items.map((item) => [item.externalId, item.company, item.title])).toEqual([
      ['47000101', 'Kiln Labs', 'Senior Backend Engineer (Go, Postgres)'],
      ['47000102', 'Harbor Analytics', 'Data Engineer, Backend Developer + 1 more'],
      ['47000105', 'Quillstack', 'Senior Rails Developer'],
      ['47000106', 'Tidewater', 'Open roles at Tidewater'],
    ]);
    expect(result.skipped.map((skip) => skip.ref)).toEqual(['47000103', '47000104']);
  });

  it('ends the run as not modified when the search answers 304', async () => {
    const { ctx, calls } = fakeContext(SEARCH_URL, { [SEARCH_URL]: { status: 304, url: SEARCH_URL } }, { conditional: { etag: 'W/"search-1"' } });
    await expect(board.scrape(ctx)).resolves.toEqual({ notModified: true, httpStatus: 304 });
    expect(calls).toHaveLength(1);
  });

  it('fails with a clear ParseError when no "Who is hiring?" story is in the search results', async () => {
    const onlyOthers = JSON.stringify({
      hits: [
        { objectID: '47000002', title: 'Ask HN: Who wants to be hired? (March 2026)', created_at_i: 1772467215 },
        { objectID: '47000003', title: 'Ask HN: Freelancer? Seeking freelancer? (March 2026)', created_at_i: 1772467215 },
      ],
    });
    const { ctx, calls } = fakeContext(SEARCH_URL, { [SEARCH_URL]: ok(SEARCH_URL, onlyOthers) });
    const error = await board.scrape(ctx).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).toBe(
      `Hacker News: Who is hiring?: no "Ask HN: Who is hiring?" story among the 2 search results from ${SEARCH_URL} (titles: "Ask HN: Who wants to be hired? (March 2026)", "Ask HN: Freelancer? Seeking freelancer? (March 2026)")`,
    );
    expect(calls).toHaveLength(1);
  });

  it('fails with a ParseError when the search answers HTML', async () => {
    const { ctx } = fakeContext(SEARCH_URL, { [SEARCH_URL]: ok(SEARCH_URL, '<html><title>502 Bad Gateway</title></html>') });
    await expect(board.scrape(ctx)).rejects.toThrow('Hacker News: Who is hiring?: expected JSON but got an HTML page ("502 Bad Gateway")');
  });

  it('reads an items URL given directly as ctx.url in one request', async () => {
    const { ctx, calls } = fakeContext(ITEMS_URL, { [ITEMS_URL]: ok(ITEMS_URL, ITEMS, { lastModified: 'Mon, 02 Mar 2026 18:00:00 GMT' }) });
    const result = await board.scrape(ctx);
    expect(calls.map((call) => call.url)).toEqual([ITEMS_URL]);
    expect(result).toMatchObject({ notModified: false, complete: true, lastModified: 'Mon, 02 Mar 2026 18:00:00 GMT' });
    if (!result.notModified) expect(result.items).toHaveLength(4);
  });

  it('reads a Firebase-format thread file given as ctx.url', async () => {
    const url = 'http://127.0.0.1:8080/hn-thread.json';
    const { ctx } = fakeContext(url, { [url]: ok(url, FIREBASE) });
    const result = await board.scrape(ctx);
    if (result.notModified) throw new Error('expected listings');
    expect(result.items.map((item) => item.externalId)).toEqual(['46000101', '46000106']);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['dead comment (flagged or killed)', 'deleted comment', 'text: Invalid input: expected string, received number']);
  });

  it('follows an overridden search URL to the items API on the same origin', async () => {
    const search = 'http://127.0.0.1:9000/api/v1/search_by_date?tags=story,author_whoishiring';
    const items = 'http://127.0.0.1:9000/api/v1/items/47000001';
    expect(itemsUrlFor(search, '47000001')).toBe(items);
    const { ctx, calls } = fakeContext(search, { [search]: ok(search, SEARCH), [items]: ok(items, ITEMS) });
    await expect(board.scrape(ctx)).resolves.toMatchObject({ notModified: false, complete: true });
    expect(calls.map((call) => call.url)).toEqual([search, items]);
  });
});
