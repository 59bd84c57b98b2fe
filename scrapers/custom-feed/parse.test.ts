import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors';
import { parseFeedDate } from '../formats/feed-xml';
import { companyFromAuthor, companyFromTitle, parseFeed } from './parse';
import { badFeedBodies } from '../../test/support/bad-bodies';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const BOARD = 'custom-rustacean-jobs';

describe('parseFeed on an RSS 2.0 feed (fixtures/rss2-jobs.xml)', async () => {
  const { items, skipped } = await parseFeed(fixture('rss2-jobs.xml'), BOARD);

  it('returns the three items with a link, in feed order', () => {
    expect(items.map((item) => item.title)).toEqual([
      'Senior Rust Engineer at Ferrous Systems - Berlin',
      'Northwind Traders: Go Backend Developer',
      'Python Developer (Django & Celery)',
    ]);
  });

  it('keeps "Title at Company - Place" as the title and reads the company from it; guid is the id; categories deduped', () => {
    expect(items[0]).toEqual({
      board: BOARD,
      externalId: 'job-101',
      url: 'https://jobs.rustacean.example/jobs/101-senior-rust-engineer',
      title: 'Senior Rust Engineer at Ferrous Systems - Berlin',
      company: 'Ferrous Systems',
      location: null,
      salaryText: null,
      tags: ['rust', 'backend'],
      descriptionHtml: '<p>Build <strong>embedded</strong> tooling in Rust.</p>',
      postedAt: new Date('2025-03-04T08:15:00.000Z'),
    });
  });

  it('reads "Company: Title", uses the link as id without a guid, and reads a two-digit-year RFC 822 date', () => {
    expect(items[1]).toEqual({
      board: BOARD,
      externalId: 'https://jobs.rustacean.example/jobs/102-go-backend-developer',
      url: 'https://jobs.rustacean.example/jobs/102-go-backend-developer',
      title: 'Northwind Traders: Go Backend Developer',
      company: 'Northwind Traders',
      location: null,
      salaryText: null,
      tags: ['go'],
      descriptionHtml: '<p>Payments APIs in Go &amp; PostgreSQL.</p>',
      postedAt: new Date('2025-03-03T18:00:00.000Z'),
    });
  });

  it('takes dc:creator as the company, WP Job Manager location and job type, content:encoded over description, garbage date -> null', () => {
    expect(items[2]).toEqual({
      board: BOARD,
      externalId: 'https://jobs.rustacean.example/jobs/103-python-developer',
      url: 'https://jobs.rustacean.example/jobs/103-python-developer',
      title: 'Python Developer (Django & Celery)',
      company: 'Harbor Analytics',
      location: 'Remote (EU)',
      salaryText: null,
      tags: ['python', 'full time'],
      descriptionHtml: '<h2>About</h2><p>Data pipelines in Python.</p><script>alert(1)</script>',
      postedAt: null,
    });
  });

  it('skips the item without a link, naming it by its guid', () => {
    expect(skipped).toEqual([{ reason: 'link: missing', ref: 'job-104' }]);
  });
});

describe('parseFeed on an Atom feed (fixtures/atom-jobs.xml)', async () => {
  const { items, skipped } = await parseFeed(fixture('atom-jobs.xml'), BOARD);

  it('maps an entry: Atom id, alternate link, author name as company, category labels/terms, published date', () => {
    expect(items[0]).toEqual({
      board: BOARD,
      externalId: 'tag:beam-jobs.example,2025:job-7',
      url: 'https://beam-jobs.example/jobs/platform-engineer-tidewater',
      title: 'Platform Engineer',
      company: 'Tidewater',
      location: null,
      salaryText: null,
      tags: ['devops', 'kubernetes'],
      descriptionHtml: '<p>Run our <em>Elixir</em> clusters.</p>',
      postedAt: new Date('2025-03-01T08:30:00.000Z'),
    });
  });

  it('decodes an HTML title, ignores an email-only author, and falls back to <updated> when <published> is garbage', () => {
    expect(items[1]).toEqual({
      board: BOARD,
      externalId: 'tag:beam-jobs.example,2025:job-8',
      url: 'https://beam-jobs.example/jobs/backend-sre',
      title: 'Backend Engineer & SRE',
      company: null,
      location: null,
      salaryText: null,
      tags: [],
      descriptionHtml: 'Keep the BEAM humming.',
      postedAt: new Date('2025-03-02T08:00:00.000Z'),
    });
  });

  it('skips the untitled entry and the one with a relative link, with reasons', () => {
    expect(items).toHaveLength(2);
    expect(skipped).toEqual([
      { reason: 'title: missing or empty', ref: 'tag:beam-jobs.example,2025:job-9' },
      { reason: 'link: not an absolute http(s) URL ("/jobs/erlang-developer")', ref: 'tag:beam-jobs.example,2025:job-10' },
    ]);
  });

  it('does not fail the whole feed for one unparseable date (rss-parser alone would throw RangeError)', async () => {
    const body = fixture('atom-jobs.xml').replace('<updated>2025-03-02T08:00:00Z</updated>', '<updated>also garbage</updated>');
    const result = await parseFeed(body, BOARD);
    expect(result.items[1]).toMatchObject({ title: 'Backend Engineer & SRE', postedAt: null });
  });

  it('reads a link written as element text and an xhtml title', async () => {
    const body = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Go <b>Engineer</b></div></title>
      <link>https://beam-jobs.example/jobs/go</link><id>urn:x:1</id><updated>2025-01-02T03:04:05Z</updated></entry></feed>`;
    const result = await parseFeed(body, BOARD);
    expect(result.skipped).toEqual([]);
    expect(result.items[0]).toMatchObject({ title: 'Go Engineer', url: 'https://beam-jobs.example/jobs/go', externalId: 'urn:x:1', postedAt: new Date('2025-01-02T03:04:05Z') });
  });
});

describe('parseFeed on an RSS 1.0 (RDF) feed (fixtures/rdf-jobs.xml)', async () => {
  const { items, skipped } = await parseFeed(fixture('rdf-jobs.xml'), BOARD);

  it('maps items with rdf:about as id, dc:date and dc:creator, and "Title at Company (Remote)"', () => {
    expect(items).toEqual([
      {
        board: BOARD,
        externalId: 'https://fp-jobs.example/job/41',
        url: 'https://fp-jobs.example/job/41',
        title: 'Elixir Developer at Bleacher Co (Remote)',
        company: 'Bleacher Co',
        location: null,
        salaryText: null,
        tags: [],
        descriptionHtml: '<p>Phoenix and Ecto.</p>',
        postedAt: new Date('2025-02-28T10:00:00.000Z'),
      },
      {
        board: BOARD,
        externalId: 'https://fp-jobs.example/job/42',
        url: 'https://fp-jobs.example/job/42',
        title: 'Haskell Engineer',
        company: 'Mercury',
        location: null,
        salaryText: null,
        tags: [],
        descriptionHtml: '',
        postedAt: new Date('2025-02-27T00:00:00.000Z'),
      },
    ]);
  });

  it('skips the ftp: link', () => {
    expect(skipped).toEqual([{ reason: 'link: not an absolute http(s) URL ("ftp://fp-jobs.example/job/43")', ref: 'https://fp-jobs.example/job/43' }]);
  });
});

describe('parseFeed on bodies that are not a feed', () => {
  for (const { name, body, message } of badFeedBodies(fixture('rss2-jobs.xml'), BOARD, 'an RSS or Atom feed')) {
    it(`throws a ParseError for ${name}`, async () => {
      const error = await parseFeed(body, BOARD).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ParseError);
      expect((error as Error).message).toMatch(message);
    });
  }

  it('throws a ParseError for a truncated Atom feed, naming </feed>', async () => {
    const atom = fixture('atom-jobs.xml');
    await expect(parseFeed(atom.slice(0, atom.length - 20), BOARD)).rejects.toThrow(
      `${BOARD}: the feed ends early (no closing </feed> tag): truncated response?`,
    );
  });

  it('accepts trailing whitespace and comments after the closing tag, and an empty feed', async () => {
    await expect(parseFeed(`${fixture('rdf-jobs.xml')}\n<!-- cached 2025-03-01 -->\n`, BOARD)).resolves.toMatchObject({ skipped: [{ ref: 'https://fp-jobs.example/job/43' }] });
    await expect(parseFeed('<rss version="2.0"><channel><title>Nothing yet</title></channel></rss>', BOARD)).resolves.toEqual({ items: [], skipped: [] });
  });
});

describe('companyFromTitle', () => {
  it.each([
    ['Go Engineer at Acme', 'Acme'],
    ['Go Engineer @ Acme Cloud', 'Acme Cloud'],
    ['Senior Engineer at Acme - Berlin', 'Acme'],
    ['Senior Engineer at Acme (Remote)', 'Acme'],
    ['Backend Developer at Acme | Go, Postgres', 'Acme'],
    ['Acme Inc: Backend Developer', 'Acme Inc'],
  ])('%s -> %s', (title, company) => {
    expect(companyFromTitle(title)).toBe(company);
  });

  it.each([
    'Senior Engineer: Payments',
    'Hiring: Python Developer',
    'Engineer working at scale',
    'Backend Developer',
    'Work at home Go developer',
  ])('finds no company in %s', (title) => {
    expect(companyFromTitle(title)).toBeNull();
  });
});

describe('companyFromAuthor', () => {
  it('takes a name, the name part of "email (Name)" or "Name <email>"', () => {
    expect(companyFromAuthor('Tidewater', 'Jobs')).toBe('Tidewater');
    expect(companyFromAuthor('jobs@acme.example (Acme Inc)', null)).toBe('Acme Inc');
    expect(companyFromAuthor('Acme Inc <jobs@acme.example>', null)).toBe('Acme Inc');
  });

  it('rejects an email alone, role accounts and the feed naming itself', () => {
    expect(companyFromAuthor('jobs@acme.example', null)).toBeNull();
    expect(companyFromAuthor('admin', null)).toBeNull();
    expect(companyFromAuthor('Golang Cafe', 'Golang Cafe Jobs')).toBeNull();
    expect(companyFromAuthor(null, null)).toBeNull();
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Mon, 07 Nov 2022 16:20:50 +0000', '2022-11-07T16:20:50.000Z'],
    ['Mon, 03 Mar 25 18:00:00 GMT', '2025-03-03T18:00:00.000Z'],
    ['Wed, 02 Oct 2002 08:00:00 EST', '2002-10-02T13:00:00.000Z'],
    ['Wed, 02 Oct 2002 15:00:00 CEST', '2002-10-02T13:00:00.000Z'],
    ['2 Oct 2002 15:00 +0200', '2002-10-02T13:00:00.000Z'],
    ['Tue, 04 Mar 2025 09:15:00 +01:00', '2025-03-04T08:15:00.000Z'],
    ['2025-03-01T09:30:00+01:00', '2025-03-01T08:30:00.000Z'],
    ['2025-06-19T10:00:14.532363+00:00', '2025-06-19T10:00:14.532Z'],
    ['2025-02-27', '2025-02-27T00:00:00.000Z'],
  ])('%s -> %s', (text, iso) => {
    expect(parseFeedDate(text)?.toISOString()).toBe(iso);
  });

  it.each(['', '   ', 'garbage', 'Mon, 31 Feb 2025 10:00:00 GMT', 'Mon, 32 Jan 2025 10:00:00 GMT', 'Tue, 4 Mar 2025 09:15:00 XYZ', '2025-13-01', '0000-00-00'])(
    '%j -> null, never an Invalid Date',
    (text) => {
      expect(parseFeedDate(text)).toBeNull();
    },
  );

  it('reads xml2js values ({ _: text }) and ignores missing ones', () => {
    expect(parseFeedDate({ _: '2025-02-27T10:00:00Z', $: { type: 'x' } })?.toISOString()).toBe('2025-02-27T10:00:00.000Z');
    expect(parseFeedDate(undefined)).toBeNull();
    expect(parseFeedDate(null)).toBeNull();
  });
});
