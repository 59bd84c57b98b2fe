import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { badFeedBodies } from '../../test/support/bad-bodies';
import { ParseError } from '../errors';
import { parseGolangCafe, parseGolangCafeFeed, salaryFromDescription } from './parse';

const FIXTURE = readFileSync(new URL('./fixtures/golang-cafe-rss.xml', import.meta.url), 'utf8');

describe('parseGolangCafe on the project fixture (gorilla/feeds RSS 2.0)', async () => {
  const { items, skipped } = await parseGolangCafe(FIXTURE);

  it('maps a full item: "{title} with {company} - {location}", link as id, salary line, RFC 1123 date', () => {
    expect(items[0]).toEqual({
      board: 'golang-cafe',
      externalId: 'https://golang.cafe/job/senior-go-engineer-upvest-1692003600',
      url: 'https://golang.cafe/job/senior-go-engineer-upvest-1692003600',
      title: 'Senior Go Engineer',
      company: 'Upvest',
      location: 'Berlin, Germany',
      salaryText: '€80k - €100k',
      tags: [],
      descriptionHtml:
        "<p>Upvest builds the investment API behind Europe's fintechs. You'll own order routing services written in Go.</p>\n\n<ul>\n<li>Go, gRPC, PostgreSQL</li>\n<li>Kubernetes on GCP</li>\n</ul>\n\n<p><strong>Salary Range:</strong> €80k - €100k</p>",
      postedAt: new Date('2023-08-14T09:00:00.000Z'),
    });
  });

  it('cuts ambiguous titles by the URL slug: " with " in the title, " - " in the location or in the company', () => {
    expect(items.slice(1, 3).map((item) => [item.title, item.company, item.location, item.salaryText])).toEqual([
      ['Backend Developer with Kubernetes experience', 'Acme Cloud', 'Remote - Europe', '$120k - $150k'],
      ['Go Developer', 'Smith - Jones Ltd', 'London, UK', '£70k - £90k'],
    ]);
  });

  it('reads a numeric zone (+0100) correctly', () => {
    expect(items[2]!.postedAt).toEqual(new Date('2023-08-12T09:00:00.000Z'));
  });

  it('leaves salaryText null when the description has no salary line, and decodes entities in the company', () => {
    expect(items[3]).toEqual({
      board: 'golang-cafe',
      externalId: 'https://golang.cafe/job/site-reliability-engineer-qanda-labs-1691744400',
      url: 'https://golang.cafe/job/site-reliability-engineer-qanda-labs-1691744400',
      title: 'Site Reliability Engineer',
      company: 'Q&A Labs',
      location: 'Remote',
      salaryText: null,
      tags: [],
      descriptionHtml: '<p>Keep our Go services up and our pagers quiet.</p>',
      postedAt: new Date('2023-08-11T09:00:00.000Z'),
    });
  });

  it('leaves location null when the title has no " - {location}"', () => {
    expect(items[4]).toMatchObject({ title: 'Platform Engineer (Go)', company: 'Northwind', location: null, salaryText: '€70k - €85k' });
  });

  it('skips the item whose link is not absolute', () => {
    expect(items).toHaveLength(5);
    expect(skipped).toEqual([
      { reason: 'link: not an absolute http(s) URL ("/job/golang-engineer-tidewater-1691571600")', ref: '/job/golang-engineer-tidewater-1691571600' },
    ]);
  });

  it('tells scrape() which headings the slug confirmed', async () => {
    const { jobs } = await parseGolangCafeFeed(FIXTURE);
    expect(jobs.map((job) => job.headingConfirmed)).toEqual([true, true, true, true, true]);
    const odd = FIXTURE.replace('https://golang.cafe/job/go-developer-smith-jones-ltd-1691830800', 'https://golang.cafe/job/7f3a');
    const oddJob = (await parseGolangCafeFeed(odd)).jobs[2]!;
    // Without the slug the fallback cuts at the first " - " after " with ".
    expect(oddJob).toMatchObject({ headingConfirmed: false, listing: { title: 'Go Developer', company: 'Smith', location: 'Jones Ltd - London, UK' } });
  });
});

describe('salaryFromDescription', () => {
  it('reads the rendered and the raw Markdown salary line', () => {
    expect(salaryFromDescription('<p>x</p>\n<p><strong>Salary Range:</strong> $100k - $120k</p>\n')).toBe('$100k - $120k');
    expect(salaryFromDescription('text\n**Salary Range:** ₹10L - ₹20L\n')).toBe('₹10L - ₹20L');
    expect(salaryFromDescription('<p>No salary here.</p>')).toBeNull();
  });
});

describe('parseGolangCafe on bad bodies', () => {
  for (const { name, body, message } of badFeedBodies(FIXTURE, 'Golang Cafe')) {
    it(`throws a ParseError for ${name}`, async () => {
      const error = await parseGolangCafe(body).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ParseError);
      expect((error as Error).message).toMatch(message);
    });
  }
});
