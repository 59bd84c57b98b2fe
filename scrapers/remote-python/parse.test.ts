import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTML_ACCEPT } from '../fetch/board-requests';
import { fakeContext, okPage } from '../../test/support/scrape-context';
import { ParseError } from '../errors';
import { board } from './index';
import { jobIdFromUrl, parseDjangoDate, parseRemotePython } from './parse';

const FIXTURE = readFileSync(new URL('./fixtures/jobs-list.html', import.meta.url), 'utf8');
const LIST_URL = 'https://www.remotepython.com/jobs/';

describe('parseRemotePython on the project fixture (fixtures/jobs-list.html)', () => {
  const { items, skipped } = parseRemotePython(FIXTURE, LIST_URL);

  it('maps a full item: h3 title and relative link, h5 company and location, "Posted:" date, hex id', () => {
    expect(items[0]).toEqual({
      board: 'remote-python',
      externalId: '8c1f3a0e5b6d4f2a9e7c1b3d5f7a9c0e',
      url: 'https://www.remotepython.com/jobs/8c1f3a0e5b6d4f2a9e7c1b3d5f7a9c0e/',
      title: 'Senior Python / Django Developer',
      company: 'Kiln Labs',
      location: 'Lisbon, Portugal',
      salaryText: null,
      tags: [],
      descriptionHtml: '',
      postedAt: new Date('2025-09-01T00:00:00.000Z'),
    });
  });

  it('decodes entities and reads a full month name', () => {
    expect(items[1]).toEqual({
      board: 'remote-python',
      externalId: '2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e1b',
      url: 'https://www.remotepython.com/jobs/2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e1b/',
      title: 'Backend Engineer (FastAPI & Postgres)',
      company: 'Harbor & Sons',
      location: 'Remote, Europe',
      salaryText: null,
      tags: [],
      descriptionHtml: '',
      postedAt: new Date('2025-03-03T00:00:00.000Z'),
    });
  });

  it('accepts an absolute link, a missing location and an unreadable date', () => {
    expect(items[2]).toEqual({
      board: 'remote-python',
      externalId: 'f00dfeedf00dfeedf00dfeedf00dfeed',
      url: 'https://www.remotepython.com/jobs/f00dfeedf00dfeedf00dfeedf00dfeed/',
      title: 'Data Engineer',
      company: 'Tidewater',
      location: null,
      salaryText: null,
      tags: [],
      descriptionHtml: '',
      postedAt: null,
    });
  });

  it('skips the item whose title has no link', () => {
    expect(items).toHaveLength(3);
    expect(skipped).toEqual([{ reason: 'link (h3 a[href]): missing', ref: 'Python Developer (listing withdrawn)' }]);
  });

  it('resolves relative links against the URL the page came from', () => {
    const { items: moved } = parseRemotePython(FIXTURE, 'https://remotepython.com/jobs/?page=2');
    expect(moved[0]!.url).toBe('https://remotepython.com/jobs/8c1f3a0e5b6d4f2a9e7c1b3d5f7a9c0e/');
    expect(moved[2]!.url).toBe('https://www.remotepython.com/jobs/f00dfeedf00dfeedf00dfeedf00dfeed/');
  });

  it('skips a title and a non-http link with reasons', () => {
    const body = FIXTURE.replace('Data Engineer <i', '<i').replace('href="/jobs/2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e1b/"', 'href="mailto:jobs@harbor.example"');
    expect(parseRemotePython(body, LIST_URL).skipped).toEqual([
      { reason: 'link (h3 a[href]): not an http(s) URL ("mailto:jobs@harbor.example")', ref: 'mailto:jobs@harbor.example' },
      { reason: 'title (h3): missing or empty', ref: 'https://www.remotepython.com/jobs/f00dfeedf00dfeedf00dfeedf00dfeed/' },
      { reason: 'link (h3 a[href]): missing', ref: 'Python Developer (listing withdrawn)' },
    ]);
  });
});

describe('parseRemotePython on bodies that are not the list page', () => {
  it.each([
    ['an empty body', '', /^Remote Python: the response body is empty, expected the job list page$/],
    ['JSON', '{"detail":"Not found."}', /^Remote Python: expected the job list page but got JSON/],
    ['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel/></rss>', /^Remote Python: expected the job list page but got an XML feed$/],
    ['garbage', 'upstream connect error', /^Remote Python: expected the job list page but the body is not HTML: upstream connect error$/],
    [
      'a page without job items',
      '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div class="cf-browser-verification"></div></body></html>',
      /^Remote Python: no job items \(div\.item with an h3\) on the page "Just a moment\.\.\.": the list markup may have changed$/,
    ],
    ['a truncated page cut before the first item', FIXTURE.slice(0, FIXTURE.indexOf('<div class="item">')), /^Remote Python: no job items/],
  ])('throws a ParseError for %s', (_name, body, message) => {
    expect(() => parseRemotePython(body, LIST_URL)).toThrow(ParseError);
    expect(() => parseRemotePython(body, LIST_URL)).toThrow(message);
  });

  it('still reads the items of a page truncated after them', () => {
    const cut = FIXTURE.slice(0, FIXTURE.indexOf('<div class="text-center">'));
    expect(parseRemotePython(cut, LIST_URL).items).toHaveLength(3);
  });
});

describe('parseDjangoDate and jobIdFromUrl', () => {
  it.each([
    ['Posted: Sept. 1, 2022', '2022-09-01'],
    ['Jan. 15, 2025', '2025-01-15'],
    ['March 3, 2025', '2025-03-03'],
    ['May 9, 2025', '2025-05-09'],
    ['June 30, 2025', '2025-06-30'],
    ['Aug. 4, 2025', '2025-08-04'],
    ['posted: Dec. 31, 2024', '2024-12-31'],
  ])('%s -> %s', (text, day) => {
    expect(parseDjangoDate(text)?.toISOString()).toBe(`${day}T00:00:00.000Z`);
  });

  it.each(['Posted: yesterday', 'Sept. 31, 2025', 'Foo. 1, 2025', '1 Sept 2025', '', null, undefined])('%j -> null', (text) => {
    expect(parseDjangoDate(text)).toBeNull();
  });

  it('reads the 32-hex job id from the path', () => {
    expect(jobIdFromUrl('https://www.remotepython.com/jobs/3EDF4109D642494D81719FC9FE8DD5D6/')).toBe('3edf4109d642494d81719fc9fe8dd5d6');
    expect(jobIdFromUrl('https://www.remotepython.com/jobs/new/')).toBeNull();
  });
});

describe('Remote Python board', () => {
  it('is an html board over the list page', () => {
    expect({ id: board.id, name: board.name, kind: board.kind, url: board.url, homepage: board.homepage }).toEqual({
      id: 'remote-python',
      name: 'Remote Python',
      kind: 'html',
      url: LIST_URL,
      homepage: 'https://www.remotepython.com',
    });
  });

  it('fetches the list page conditionally and is not complete (the list is paginated)', async () => {
    const { ctx, calls } = fakeContext(LIST_URL, { [LIST_URL]: okPage(LIST_URL, FIXTURE, { etag: '"list-2"' }) }, { conditional: { etag: '"list-1"' } });
    const result = await board.scrape(ctx);
    expect(calls).toEqual([{ url: LIST_URL, options: { conditional: { etag: '"list-1"' }, accept: HTML_ACCEPT, signal: undefined } }]);
    if (result.notModified) throw new Error('expected items');
    expect(result).toMatchObject({ httpStatus: 200, complete: false, etag: '"list-2"' });
    expect(result.items.map((item) => item.externalId)).toEqual(['8c1f3a0e5b6d4f2a9e7c1b3d5f7a9c0e', '2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e1b', 'f00dfeedf00dfeedf00dfeedf00dfeed']);
    expect(result.skipped).toHaveLength(1);
  });

  it('ends the run as not modified on 304', async () => {
    const { ctx } = fakeContext(LIST_URL, { [LIST_URL]: { status: 304, url: LIST_URL } });
    await expect(board.scrape(ctx)).resolves.toEqual({ notModified: true, httpStatus: 304 });
  });
});
