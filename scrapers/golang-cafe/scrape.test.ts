import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEED_ACCEPT, HTML_ACCEPT } from '../fetch/board-requests';
import { fakeContext, okPage } from '../../test/support/scrape-context';
import { FetchError, ParseError } from '../errors';
import { board, mergeJobPage, parseGolangCafeFeed, parseJobPage } from './index';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const FEED = fixture('golang-cafe-rss.xml');
const LIVE_PAGE = fixture('job-page-live.html');
const EXPIRED_PAGE = fixture('job-page-expired.html');

const FEED_URL = 'https://golang.cafe/rss';
const QA_URL = 'https://golang.cafe/job/site-reliability-engineer-qanda-labs-1691744400';
const NORTHWIND_URL = 'https://golang.cafe/job/platform-engineer-go-northwind-1691658000';
const feed = (body = FEED) => okPage(FEED_URL, body, { contentType: 'application/rss+xml', etag: '"feed-2"' });
const pageOptions = { accept: HTML_ACCEPT, signal: undefined };

describe('Golang Cafe board', () => {
  it('is defined as the brief says', () => {
    expect({ id: board.id, name: board.name, kind: board.kind, url: board.url, homepage: board.homepage }).toEqual({
      id: 'golang-cafe',
      name: 'Golang Cafe',
      kind: 'rss',
      url: FEED_URL,
      homepage: 'https://golang.cafe',
    });
  });

  it('reads the job pages of the new items that lack salary or location, and merges them', async () => {
    const { ctx, calls, logs } = fakeContext(
      FEED_URL,
      { [FEED_URL]: feed(), [QA_URL]: okPage(QA_URL, LIVE_PAGE), [NORTHWIND_URL]: okPage(NORTHWIND_URL, EXPIRED_PAGE) },
      { conditional: { etag: '"feed-1"' } },
    );
    const result = await board.scrape(ctx);
    expect(calls).toEqual([
      { url: FEED_URL, options: { conditional: { etag: '"feed-1"' }, accept: FEED_ACCEPT, signal: undefined } },
      { url: QA_URL, options: pageOptions },
      { url: NORTHWIND_URL, options: pageOptions },
    ]);
    expect(logs).toEqual([]);
    if (result.notModified) throw new Error('expected items');
    expect(result).toMatchObject({ httpStatus: 200, complete: false, etag: '"feed-2"', lastModified: null });
    expect(result.items).toHaveLength(5);
    expect(result.skipped).toHaveLength(1);
    // The salary line, stated salary (period from the visible line), remote and visa come from the page.
    expect(result.items[3]).toEqual({
      board: 'golang-cafe',
      externalId: QA_URL,
      url: QA_URL,
      title: 'Site Reliability Engineer',
      company: 'Q&A Labs',
      location: 'Remote',
      salaryText: '$9k - $12k a month',
      tags: [],
      descriptionHtml: '<p>Keep our Go services up and our pagers quiet.</p>',
      postedAt: new Date('2023-08-11T09:00:00.000Z'),
      stated: { salary: { min: 9000, max: 12000, currency: '$', period: 'month' }, remote: 'remote', visaSponsorship: true },
    });
    // The location comes from the (expired) page's heading; nothing is stated without JSON-LD.
    expect(result.items[4]).toEqual({
      board: 'golang-cafe',
      externalId: NORTHWIND_URL,
      url: NORTHWIND_URL,
      title: 'Platform Engineer (Go)',
      company: 'Northwind',
      location: 'Amsterdam, Netherlands',
      salaryText: '€70k - €85k',
      tags: [],
      descriptionHtml: '<p>Build the internal developer platform.</p>\n\n<p><strong>Salary Range:</strong> €70k - €85k</p>',
      postedAt: new Date('2023-08-10T09:00:00.000Z'),
    });
    // Complete feed items are untouched.
    expect(result.items[0]).toMatchObject({ title: 'Senior Go Engineer', company: 'Upvest', salaryText: '€80k - €100k' });
    expect(result.items[0]!.stated).toBeUndefined();
  });

  it('does not read pages of items already stored', async () => {
    const { ctx, calls } = fakeContext(
      FEED_URL,
      { [FEED_URL]: feed(), [NORTHWIND_URL]: okPage(NORTHWIND_URL, EXPIRED_PAGE) },
      { knownExternalIds: new Set([QA_URL]) },
    );
    const result = await board.scrape(ctx);
    expect(calls.map((call) => call.url)).toEqual([FEED_URL, NORTHWIND_URL]);
    if (result.notModified) throw new Error('expected items');
    expect(result.items[3]).toMatchObject({ externalId: QA_URL, salaryText: null });
    expect(result.items[3]!.stated).toBeUndefined();
  });

  it('keeps the feed item when its page fails to load or is not a job page, and logs why', async () => {
    const { ctx, calls, logs } = fakeContext(FEED_URL, {
      [FEED_URL]: feed(),
      [QA_URL]: new FetchError('http', QA_URL, `GET ${QA_URL} failed: HTTP 503`, { status: 503 }),
      [NORTHWIND_URL]: okPage(NORTHWIND_URL, '<!DOCTYPE html><html><head><title>Golang Cafe</title></head><body><h2>Latest Go jobs</h2></body></html>'),
    });
    const result = await board.scrape(ctx);
    expect(calls).toHaveLength(3);
    expect(logs).toEqual([
      `golang-cafe: detail page ${QA_URL} failed, keeping the feed item as it is: GET ${QA_URL} failed: HTTP 503`,
      `golang-cafe: detail page ${NORTHWIND_URL} failed, keeping the feed item as it is: Golang Cafe: the page has neither the "{title} at {company} - {location}" heading nor JobPosting data: not a job page`,
    ]);
    if (result.notModified) throw new Error('expected items');
    const expected = (await parseGolangCafeFeed(FEED)).jobs.map((job) => job.listing);
    expect(result.items).toEqual(expected);
  });

  it('ends the run as not modified on 304, reading no pages', async () => {
    const { ctx, calls } = fakeContext(FEED_URL, { [FEED_URL]: { status: 304, url: FEED_URL } }, { conditional: { etag: '"feed-2"' } });
    await expect(board.scrape(ctx)).resolves.toEqual({ notModified: true, httpStatus: 304 });
    expect(calls).toHaveLength(1);
  });

  it('reads at most 20 job pages per run', async () => {
    const items = Array.from({ length: 25 }, (_, index) => {
      const link = `https://golang.cafe/job/go-engineer-acme-${1690000000 + index}`;
      return `<item><title>Go Engineer with Acme - Remote</title><link>${link}</link><description>&lt;p&gt;No salary line.&lt;/p&gt;</description><author>Golang Cafe</author><pubDate>Mon, 14 Aug 2023 09:00:00 +0000</pubDate></item>`;
    });
    const body = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Golang Cafe Jobs</title>${items.join('')}</channel></rss>`;
    const responses: Record<string, ReturnType<typeof okPage>> = { [FEED_URL]: feed(body) };
    for (let index = 0; index < 25; index++) {
      const link = `https://golang.cafe/job/go-engineer-acme-${1690000000 + index}`;
      responses[link] = okPage(link, EXPIRED_PAGE);
    }
    const { ctx, calls, logs } = fakeContext(FEED_URL, responses);
    const result = await board.scrape(ctx);
    expect(calls).toHaveLength(1 + 20);
    expect(calls.at(-1)!.url).toBe('https://golang.cafe/job/go-engineer-acme-1690000019');
    expect(logs).toEqual(['golang-cafe: 25 new items lack fields; reading the first 20 detail pages this run']);
    if (result.notModified) throw new Error('expected items');
    expect(result.items).toHaveLength(25);
    expect(result.items.filter((item) => item.salaryText === '€70k - €85k a year')).toHaveLength(20);
  });

  it('stops when the run is cancelled instead of logging the failure', async () => {
    const controller = new AbortController();
    controller.abort();
    const aborted = new FetchError('aborted', QA_URL, 'the request was aborted');
    const { ctx, logs } = fakeContext(FEED_URL, { [FEED_URL]: feed(), [QA_URL]: aborted }, { signal: controller.signal });
    await expect(board.scrape(ctx)).rejects.toBe(aborted);
    expect(logs).toEqual([]);
  });

  it('fails with a ParseError when the feed URL answers an HTML page', async () => {
    const { ctx } = fakeContext(FEED_URL, { [FEED_URL]: okPage(FEED_URL, '<html><head><title>502 Bad Gateway</title></head></html>') });
    const error = await board.scrape(ctx).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).toBe('Golang Cafe: expected an RSS feed but got an HTML page ("502 Bad Gateway")');
  });
});

describe('mergeJobPage', () => {
  const page = (h2: string, jsonLd: string) =>
    `<!DOCTYPE html><html><head><link rel="canonical" href="https://golang.cafe/job/x-1"></head><body><article><h2>${h2}</h2><b>Salary</b> $100k - $130k a year<br></article><script type="application/ld+json">${jsonLd}</script></body></html>`;

  it('lets the page correct a heading the slug did not confirm', async () => {
    const body = FEED.replace(
      '<title>Senior Go Engineer with Upvest - Berlin, Germany</title>\n      <link>https://golang.cafe/job/senior-go-engineer-upvest-1692003600</link>',
      '<title>Go Engineer with Work with Us - Remote</title>\n      <link>https://golang.cafe/job/x-1</link>',
    );
    const job = (await parseGolangCafeFeed(body)).jobs[0]!;
    expect(job).toMatchObject({ headingConfirmed: false, listing: { title: 'Go Engineer with Work', company: 'Us', location: 'Remote' } });
    const jobPage = parseJobPage(
      page(
        'Go Engineer at Work with Us - Remote',
        '{"@type":"JobPosting","title":"Go Engineer","hiringOrganization":{"@type":"Organization","name":"Work with Us"},"baseSalary":{"currency":"$","value":{"minValue":100000,"maxValue":130000,"unitText":"YEAR"}}}',
      ),
    );
    expect(mergeJobPage(job, jobPage).listing).toMatchObject({
      title: 'Go Engineer',
      company: 'Work with Us',
      location: 'Remote',
      salaryText: '€80k - €100k',
      stated: { salary: { min: 100000, max: 130000, currency: '$', period: 'year' } },
    });
  });

  it('keeps a confirmed heading and only fills what the feed lacks', async () => {
    const job = (await parseGolangCafeFeed(FEED)).jobs[4]!;
    const merged = mergeJobPage(job, parseJobPage(page('Platform Engineer at Someone Else - Paris', '{"@type":"JobPosting","title":"Platform Engineer","hiringOrganization":{"name":"Someone Else"}}')));
    expect(merged.listing).toMatchObject({ title: 'Platform Engineer (Go)', company: 'Northwind', location: 'Paris', salaryText: '€70k - €85k' });
  });
});
