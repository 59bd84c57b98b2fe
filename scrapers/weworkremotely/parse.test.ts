import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_CAPTURES, readSharedCapture, SHARED_SKIP_REASON } from '../../test/support/shared-captures';
import { FEED_ACCEPT } from '../fetch/board-requests';
import { badFeedBodies } from '../../test/support/bad-bodies';
import { ParseError } from '../errors';
import { fakeContext, ok } from '../../test/support/scrape-context';
import { board } from './index';
import { parseWeWorkRemotely, splitWwrTitle } from './parse';

if (!HAS_SHARED_CAPTURES) console.warn(SHARED_SKIP_REASON);

const FIXTURE = readFileSync(new URL('./fixtures/back-end-programming.rss', import.meta.url), 'utf8');
const FEED_URL = 'https://weworkremotely.com/categories/remote-back-end-programming-jobs.rss';

describe('parseWeWorkRemotely on the project fixture (newer item shape with skills, country, state)', async () => {
  const { items, skipped } = await parseWeWorkRemotely(FIXTURE);

  it('maps a full item: "Company: Title", region, type + category + skills as deduped tags, remote stated', () => {
    expect(items[0]).toEqual({
      board: 'weworkremotely',
      externalId: 'https://weworkremotely.com/remote-jobs/kiln-labs-senior-go-engineer-payments',
      url: 'https://weworkremotely.com/remote-jobs/kiln-labs-senior-go-engineer-payments',
      title: 'Senior Go Engineer (Payments)',
      company: 'Kiln Labs',
      location: 'Anywhere in the World',
      salaryText: null,
      tags: ['full-time', 'back-end programming', 'go', 'postgresql', 'kafka'],
      descriptionHtml:
        '<img src="https://we-work-remotely.imgix.net/logos/0091/1204/logo.gif?ixlib=rails-4.0.0&amp;w=50&amp;h=50" />\n\n<p>\n  <strong>Headquarters:</strong> Lisbon, Portugal\n    <br /><strong>URL:</strong> <a href="https://kilnlabs.example">https://kilnlabs.example</a>\n</p>\n\n<div>We move money for small businesses. You will own our ledger service.</div>\n\n<p><strong>To apply:</strong> <a href="https://weworkremotely.com/remote-jobs/kiln-labs-senior-go-engineer-payments">https://weworkremotely.com/remote-jobs/kiln-labs-senior-go-engineer-payments</a></p>',
      postedAt: new Date('2025-03-04T16:20:50.000Z'),
      stated: { remote: 'remote' },
    });
  });

  it('splits at the first ": " only, decodes entities, and adds state and country to the region', () => {
    expect(items[1]).toEqual({
      board: 'weworkremotely',
      externalId: 'https://weworkremotely.com/remote-jobs/harbor-sons-python-developer-data-platform',
      url: 'https://weworkremotely.com/remote-jobs/harbor-sons-python-developer-data-platform',
      title: 'Python Developer: Data Platform',
      company: 'Harbor & Sons',
      location: 'USA Only, California, United States',
      salaryText: null,
      tags: ['contract', 'back-end programming', 'python', 'django', 'aws'],
      descriptionHtml: '<p>Pipelines in Python.</p>',
      postedAt: new Date('2025-03-03T09:05:00.000Z'),
      stated: { remote: 'remote' },
    });
  });

  it('handles empty skills and state, and a missing pubDate (postedAt null)', () => {
    expect(items[2]).toEqual({
      board: 'weworkremotely',
      externalId: 'https://weworkremotely.com/remote-jobs/quillstack-ruby-on-rails-engineer',
      url: 'https://weworkremotely.com/remote-jobs/quillstack-ruby-on-rails-engineer',
      title: 'Ruby on Rails Engineer',
      company: 'Quillstack',
      location: 'Europe Only, Germany',
      salaryText: null,
      tags: ['full-time', 'back-end programming'],
      descriptionHtml: '<p>Rails monolith, Sidekiq, Postgres.</p>',
      postedAt: null,
      stated: { remote: 'remote' },
    });
  });

  it('skips the item with an empty link and a guid that is not a URL', () => {
    expect(items).toHaveLength(3);
    expect(skipped).toEqual([{ reason: 'link: missing', ref: 'acme-cloud-sre' }]);
  });
});

describe('splitWwrTitle', () => {
  it('cuts "Company: Title" at the first colon and keeps a title without one whole', () => {
    expect(splitWwrTitle('Acme: Engineer: Platform')).toEqual({ company: 'Acme', title: 'Engineer: Platform' });
    expect(splitWwrTitle('Backend Engineer')).toEqual({ company: null, title: 'Backend Engineer' });
    expect(splitWwrTitle(': Backend Engineer')).toEqual({ company: null, title: ': Backend Engineer' });
  });
});

describe('parseWeWorkRemotely on bad bodies', () => {
  for (const { name, body, message } of badFeedBodies(FIXTURE, 'We Work Remotely')) {
    it(`throws a ParseError for ${name}`, async () => {
      const error = await parseWeWorkRemotely(body).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ParseError);
      expect((error as Error).message).toMatch(message);
    });
  }

  it('throws a ParseError for an Atom feed where RSS was expected', async () => {
    await expect(parseWeWorkRemotely('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')).rejects.toThrow(
      'We Work Remotely: expected an RSS feed but got an Atom feed',
    );
  });
});

describe('We Work Remotely board', () => {
  it('is defined as the brief says', () => {
    expect({ id: board.id, name: board.name, kind: board.kind, url: board.url, homepage: board.homepage }).toEqual({
      id: 'weworkremotely',
      name: 'We Work Remotely',
      kind: 'rss',
      url: FEED_URL,
      homepage: 'https://weworkremotely.com',
    });
  });

  it('fetches the feed conditionally in one request and reports it complete', async () => {
    const { ctx, calls } = fakeContext(FEED_URL, { [FEED_URL]: ok(FEED_URL, FIXTURE, { etag: 'W/"wwr-2"' }) }, { conditional: { etag: 'W/"wwr-1"' } });
    const result = await board.scrape(ctx);
    expect(calls).toEqual([{ url: FEED_URL, options: { conditional: { etag: 'W/"wwr-1"' }, accept: FEED_ACCEPT, signal: undefined } }]);
    if (result.notModified) throw new Error('expected items');
    expect(result).toMatchObject({ httpStatus: 200, complete: true, etag: 'W/"wwr-2"', lastModified: null });
    expect(result.items).toHaveLength(3);
    expect(result.skipped).toHaveLength(1);
  });

  it('ends the run as not modified on 304', async () => {
    const { ctx } = fakeContext(FEED_URL, { [FEED_URL]: { status: 304, url: FEED_URL } });
    await expect(board.scrape(ctx)).resolves.toEqual({ notModified: true, httpStatus: 304 });
  });
});

describe.skipIf(!HAS_SHARED_CAPTURES)('parseWeWorkRemotely on the shared capture wwr-1.rss (2022 item shape)', () => {
  const parsed = () => parseWeWorkRemotely(readSharedCapture('wwr-1.rss'));
  const guids = () => [...readSharedCapture('wwr-1.rss').matchAll(/<guid>([^<]+)<\/guid>/g)].map((match) => match[1]!);

  it('accounts for all 59 items: 59 listings, none skipped, none lost', async () => {
    const { items, skipped } = await parsed();
    expect(guids()).toHaveLength(59);
    expect(items).toHaveLength(59);
    expect(skipped).toEqual([]);
    expect(items.map((item) => item.externalId)).toEqual(guids());
  });

  it('maps the first item exactly', async () => {
    const first = (await parsed()).items[0]!;
    expect(first).toMatchObject({
      board: 'weworkremotely',
      externalId: 'https://weworkremotely.com/remote-jobs/findox-inc-senior-csharp-and-postgresql-backend-developer-3',
      url: 'https://weworkremotely.com/remote-jobs/findox-inc-senior-csharp-and-postgresql-backend-developer-3',
      title: 'Senior C# and PostgreSQL Backend Developer',
      company: 'FinDox Inc',
      location: 'Anywhere in the World',
      salaryText: null,
      tags: ['full-time', 'back-end programming'],
      postedAt: new Date('2022-11-07T16:20:50.000Z'),
      stated: { remote: 'remote' },
    });
    expect(first.descriptionHtml.startsWith('<img src="https://we-work-remotely.imgix.net/logos/0074/8743/logo.gif?ixlib=rails-4.0.0&w=50&h=50')).toBe(true);
    expect(first.descriptionHtml).toContain('<li>Positive attitude</li>');
    expect(first.descriptionHtml.endsWith('findox-inc-senior-csharp-and-postgresql-backend-developer-3</a></p>')).toBe(true);
  });

  it('spot-checks titles with entities and colons, contract type, regions and dates', async () => {
    const { items } = await parsed();
    const byId = (suffix: string) => items.find((item) => item.externalId.endsWith(suffix))!;
    expect(byId('/salesflow-io-back-end-developer-net-core-c-english-russian-ukranian-speaking-eu')).toMatchObject({
      title: 'Back-End Developer (.Net Core / C#) - English & Russian / Ukranian Speaking, EU Remote',
      company: 'Salesflow.io',
      location: 'Europe Only',
      postedAt: new Date('2022-11-07T11:14:11.000Z'),
    });
    expect(byId('/draft-dev-technical-writer-cyber-security')).toMatchObject({
      title: 'Technical Writer – Cyber Security',
      company: 'Draft.dev',
      tags: ['contract', 'back-end programming'],
    });
    expect(byId('/tesorio-inc-backend-support-engineer-integrations-latam')).toMatchObject({
      title: 'Backend Support Engineer - Integrations - (LatAm)',
      company: 'Tesorio, Inc.',
      location: 'Americas Only',
    });
    expect(byId('/files-com-ftp-and-sftp-server-developer-java')).toMatchObject({
      title: 'FTP and SFTP Server Developer (Java)',
      company: 'Files.com',
      location: 'USA Only',
      postedAt: new Date('2019-06-21T20:40:58.000Z'),
    });
  });

  it('keeps two postings with the same title apart by their guids', async () => {
    const housecall = (await parsed()).items.filter((item) => item.title === 'Ruby on Rails Engineer (Mid-Senior)');
    expect(housecall.map((item) => [item.externalId, item.location])).toEqual([
      ['https://weworkremotely.com/remote-jobs/housecall-pro-ruby-on-rails-engineer-mid-senior-1', 'Latin America Only'],
      ['https://weworkremotely.com/remote-jobs/housecall-pro-ruby-on-rails-engineer-mid-senior', 'Europe Only'],
    ]);
  });

  it('reads every item with a company, a region and a date', async () => {
    const { items } = await parsed();
    expect(items.every((item) => item.company && item.location && item.postedAt && item.title)).toBe(true);
    const regions = new Set(items.map((item) => item.location));
    expect([...regions].sort()).toEqual([
      'Americas Only',
      'Anywhere in the World',
      'Canada Only',
      'EMEA Only',
      'Europe Only',
      'Latin America Only',
      'North America Only',
      'USA Only',
    ]);
  });
});
