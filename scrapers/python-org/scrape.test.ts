import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_CAPTURES, readSharedCapture, SHARED_SKIP_REASON } from '../../test/support/shared-captures';
import { FEED_ACCEPT, HTML_ACCEPT } from '../fetch/board-requests';
import { fakeContext, okPage } from '../../test/support/scrape-context';
import { FetchError } from '../errors';
import type { FetchedBody } from '../types';
import { board, parsePythonOrgFeed } from './index';

if (!HAS_SHARED_CAPTURES) console.warn(SHARED_SKIP_REASON);

const FEED = readFileSync(new URL('./fixtures/python-jobs-rss.xml', import.meta.url), 'utf8');
const PAGE_7903 = readFileSync(new URL('./fixtures/job-7903.html', import.meta.url), 'utf8');
const FEED_URL = 'https://www.python.org/jobs/feed/rss/';
const jobUrl = (id: number) => `https://www.python.org/jobs/${id}/`;
const feed = (body = FEED) => okPage(FEED_URL, body, { contentType: 'application/rss+xml; charset=utf-8', lastModified: 'Tue, 01 Jul 2025 08:12:40 GMT' });

/** A job page for another id: the fixture page with its company, date and restrictions swapped. */
function pageFor(id: number, company: string, telecommuting: boolean): FetchedBody {
  const html = PAGE_7903.replace('Smith, Jones &amp; Partners', company)
    .replace('https://www.python.org/jobs/7903/', jobUrl(id))
    .replace('2025-06-30T14:05:09.118230+00:00', `2025-06-${20 + (id % 10)}T08:00:00+00:00`)
    .replace('No telecommuting', telecommuting ? 'Telecommuting is OK' : 'No telecommuting');
  return okPage(jobUrl(id), html);
}

describe('Python.org Jobs board', () => {
  it('is defined as the brief says', () => {
    expect({ id: board.id, name: board.name, kind: board.kind, url: board.url, homepage: board.homepage }).toEqual({
      id: 'python-org',
      name: 'Python.org Jobs',
      kind: 'rss',
      url: FEED_URL,
      homepage: 'https://www.python.org/jobs/',
    });
  });

  it('reads the job page of every new item (the feed has no dates) and merges company, date, tags, remote', async () => {
    const { ctx, calls, logs } = fakeContext(
      FEED_URL,
      {
        [FEED_URL]: feed(),
        [jobUrl(7901)]: pageFor(7901, 'Kiln Labs', true),
        [jobUrl(7902)]: pageFor(7902, 'UpDoc, Inc.', true),
        [jobUrl(7903)]: okPage(jobUrl(7903), PAGE_7903),
        [jobUrl(7904)]: pageFor(7904, 'Pepper Wireless', false),
      },
      { conditional: { lastModified: 'Mon, 30 Jun 2025 08:00:00 GMT' } },
    );
    const result = await board.scrape(ctx);
    expect(calls).toEqual([
      { url: FEED_URL, options: { conditional: { lastModified: 'Mon, 30 Jun 2025 08:00:00 GMT' }, accept: FEED_ACCEPT, signal: undefined } },
      ...[7901, 7902, 7903, 7904].map((id) => ({ url: jobUrl(id), options: { accept: HTML_ACCEPT, signal: undefined } })),
    ]);
    expect(logs).toEqual([]);
    if (result.notModified) throw new Error('expected items');
    expect(result).toMatchObject({ httpStatus: 200, complete: false, etag: null, lastModified: 'Tue, 01 Jul 2025 08:12:40 GMT' });
    expect(result.skipped).toEqual([{ reason: 'title: missing or empty', ref: jobUrl(7905) }]);
    // The page's company re-cuts the ambiguous feed title.
    expect(result.items[2]).toEqual({
      board: 'python-org',
      externalId: jobUrl(7903),
      url: jobUrl(7903),
      title: 'Python Developer, R&D',
      company: 'Smith, Jones & Partners',
      location: 'Leeds, West Yorkshire, United Kingdom',
      salaryText: null,
      tags: ['django', 'numeric', 'software engineering'],
      descriptionHtml: '<p>Simulation tooling for engineers.</p>\n\n<p>NumPy, Django.</p>',
      postedAt: new Date('2025-06-30T14:05:09.118Z'),
      stated: { remote: 'onsite' },
    });
    expect(result.items.map((item) => [item.title, item.company, item.postedAt?.toISOString(), item.stated?.remote])).toEqual([
      ['Senior Backend Engineer (Django)', 'Kiln Labs', '2025-06-21T08:00:00.000Z', 'remote'],
      ['Senior Software Engineer, AI', 'UpDoc, Inc.', '2025-06-22T08:00:00.000Z', 'remote'],
      ['Python Developer, R&D', 'Smith, Jones & Partners', '2025-06-30T14:05:09.118Z', 'onsite'],
      ['Data Engineer', 'Pepper Wireless', '2025-06-24T08:00:00.000Z', 'onsite'],
    ]);
  });

  it('reads no page for items already stored', async () => {
    const known = new Set([jobUrl(7901), jobUrl(7902), jobUrl(7904)]);
    const { ctx, calls } = fakeContext(FEED_URL, { [FEED_URL]: feed(), [jobUrl(7903)]: okPage(jobUrl(7903), PAGE_7903) }, { knownExternalIds: known });
    const result = await board.scrape(ctx);
    expect(calls.map((call) => call.url)).toEqual([FEED_URL, jobUrl(7903)]);
    if (result.notModified) throw new Error('expected items');
    expect(result.items[0]).toMatchObject({ company: 'Kiln Labs', postedAt: null, tags: [] });
    expect(result.items[0]!.stated).toBeUndefined();
  });

  it('keeps the feed item when its page fails, and logs why', async () => {
    const known = new Set([jobUrl(7901), jobUrl(7902)]);
    const { ctx, logs } = fakeContext(
      FEED_URL,
      {
        [FEED_URL]: feed(),
        [jobUrl(7903)]: new FetchError('timeout', jobUrl(7903), `GET ${jobUrl(7903)} timed out after 20000 ms`),
        [jobUrl(7904)]: okPage(jobUrl(7904), '<!doctype html><html><head><title>Page Not Found | Python.org</title></head><body><h1>Error 404</h1></body></html>'),
      },
      { knownExternalIds: known },
    );
    const result = await board.scrape(ctx);
    expect(logs).toEqual([
      `python-org: detail page ${jobUrl(7903)} failed, keeping the feed item as it is: GET ${jobUrl(7903)} timed out after 20000 ms`,
      `python-org: detail page ${jobUrl(7904)} failed, keeping the feed item as it is: Python.org Jobs: the page has no h1.listing-company: not a job page ("Page Not Found | Python.org")`,
    ]);
    if (result.notModified) throw new Error('expected items');
    expect(result.items).toEqual((await parsePythonOrgFeed(FEED)).jobs.map((job) => job.listing));
  });

  it('ends the run as not modified on 304', async () => {
    const { ctx, calls } = fakeContext(FEED_URL, { [FEED_URL]: { status: 304, url: FEED_URL } });
    await expect(board.scrape(ctx)).resolves.toEqual({ notModified: true, httpStatus: 304 });
    expect(calls).toHaveLength(1);
  });
});

describe.skipIf(!HAS_SHARED_CAPTURES)('Python.org Jobs board on the shared captures', () => {
  it('reads at most 20 pages for a first run over the 20-item capture, merging the real job page', async () => {
    const feedBody = readSharedCapture('pythonorg-1.rss');
    const realPage = readSharedCapture('pythonorg-2.html');
    const responses: Record<string, FetchedBody> = { [FEED_URL]: feed(feedBody) };
    for (const match of feedBody.matchAll(/<guid>([^<]+)<\/guid>/g)) responses[match[1]!] = okPage(match[1]!, realPage);
    const { ctx, calls, logs } = fakeContext(FEED_URL, responses);
    const result = await board.scrape(ctx);
    expect(calls).toHaveLength(21);
    expect(logs).toEqual([]);
    if (result.notModified) throw new Error('expected items');
    expect(result.items).toHaveLength(20);
    // Every page is the same captured job (7915), so every item gets its date, tags and company.
    expect(result.items[0]).toMatchObject({
      externalId: 'https://www.python.org/jobs/7831/',
      title: 'Python Data Engineer (Junior/Medior level)',
      company: 'Confidential',
      location: 'CLAYMONT, Utah, United States',
      tags: ['cloud', 'data analyst'],
      postedAt: new Date('2025-06-19T10:00:14.532Z'),
      stated: { remote: 'remote' },
    });
  });
});
