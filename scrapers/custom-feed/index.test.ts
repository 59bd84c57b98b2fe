import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors';
import { fakeContext, ok } from '../../test/support/scrape-context';
import { FEED_ACCEPT } from '../fetch/board-requests';
import { createCustomFeedBoard, slugifyBoardId } from './index';

const FEED = readFileSync(new URL('./fixtures/rss2-jobs.xml', import.meta.url), 'utf8');
const URL_ = 'https://jobs.rustacean.example/feed.xml?tag=backend';
const rss = (body: string, extra: Parameters<typeof ok>[2] = {}) => ok(URL_, body, { contentType: 'application/rss+xml; charset=utf-8', ...extra });

describe('slugifyBoardId', () => {
  it.each([
    ['Rust Weekly Jobs!', 'custom-rust-weekly-jobs'],
    ['  Élixir   Jobs — Europe ', 'custom-elixir-jobs-europe'],
    ['Go & Rust', 'custom-go-and-rust'],
    ['Straße Jobs', 'custom-strasse-jobs'],
    ['rust.weekly', 'custom-rust-weekly'],
  ])('%j -> %s', (name, id) => {
    expect(slugifyBoardId(name)).toBe(id);
  });

  it('never exceeds 40 characters and never ends with a hyphen', () => {
    const id = slugifyBoardId('The Very Long Name Of A Board About Backend Jobs In Europe');
    expect(id).toBe('custom-the-very-long-name-of-a-board-abo');
    expect(id.length).toBeLessThanOrEqual(40);
    expect(slugifyBoardId('Backend Jobs In The Netherlands And Belgium')).toBe('custom-backend-jobs-in-the-netherlands-a');
    expect(slugifyBoardId('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b')).toBe('custom-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  });

  it('is never empty, and names without Latin letters get distinct stable ids', () => {
    const japanese = slugifyBoardId('求人情報');
    expect(japanese).toMatch(/^custom-[0-9a-f]{8}$/);
    expect(slugifyBoardId('求人情報')).toBe(japanese);
    expect(slugifyBoardId('仕事')).not.toBe(japanese);
    expect(slugifyBoardId('')).toMatch(/^custom-[0-9a-f]{8}$/);
    expect(slugifyBoardId('---')).toBe('custom-c4e4dc86');
    for (const id of [japanese, slugifyBoardId('Go & Rust'), slugifyBoardId('')]) expect(id).toMatch(/^[a-z0-9-]{1,40}$/);
  });
});

describe('createCustomFeedBoard', () => {
  const board = createCustomFeedBoard({ id: 'custom-rustacean-jobs', name: 'Rustacean Jobs', url: URL_ });

  it('is an rss board whose homepage is the feed origin', () => {
    expect({ id: board.id, name: board.name, kind: board.kind, url: board.url, homepage: board.homepage }).toEqual({
      id: 'custom-rustacean-jobs',
      name: 'Rustacean Jobs',
      kind: 'rss',
      url: URL_,
      homepage: 'https://jobs.rustacean.example',
    });
  });

  it('fetches ctx.url conditionally and returns the parsed items, never complete', async () => {
    const { ctx, calls } = fakeContext(URL_, { [URL_]: rss(FEED, { etag: '"v2"', lastModified: 'Tue, 04 Mar 2025 09:00:00 GMT' }) }, { conditional: { etag: '"v1"' } });
    const result = await board.scrape(ctx);
    expect(calls).toEqual([{ url: URL_, options: { conditional: { etag: '"v1"' }, accept: FEED_ACCEPT, signal: undefined } }]);
    if (result.notModified) throw new Error('expected items');
    expect(result).toMatchObject({ httpStatus: 200, complete: false, etag: '"v2"', lastModified: 'Tue, 04 Mar 2025 09:00:00 GMT' });
    expect(result.items.map((item) => [item.board, item.externalId, item.company])).toEqual([
      ['custom-rustacean-jobs', 'job-101', 'Ferrous Systems'],
      ['custom-rustacean-jobs', 'https://jobs.rustacean.example/jobs/102-go-backend-developer', 'Northwind Traders'],
      ['custom-rustacean-jobs', 'https://jobs.rustacean.example/jobs/103-python-developer', 'Harbor Analytics'],
    ]);
    expect(result.skipped).toEqual([{ reason: 'link: missing', ref: 'job-104' }]);
  });

  it('ends the run as not modified on 304', async () => {
    const { ctx } = fakeContext(URL_, { [URL_]: { status: 304, url: URL_ } });
    await expect(board.scrape(ctx)).resolves.toEqual({ notModified: true, httpStatus: 304 });
  });

  it('fails with a ParseError naming the board when the URL answers an HTML page', async () => {
    const { ctx } = fakeContext(URL_, { [URL_]: rss('<!doctype html><html><head><title>Jobs | Rustacean</title></head><body></body></html>') });
    const error = await board.scrape(ctx).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).toBe('custom-rustacean-jobs: expected an RSS or Atom feed but got an HTML page ("Jobs | Rustacean")');
  });
});
