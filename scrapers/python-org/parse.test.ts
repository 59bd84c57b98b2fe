import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_CAPTURES, readSharedCapture, SHARED_SKIP_REASON } from '../../test/support/shared-captures';
import { badFeedBodies } from '../../test/support/bad-bodies';
import { ParseError } from '../errors';
import { parsePythonOrg, splitPythonOrgTitle, tidyLocation, titleWithoutCompany } from './parse';

if (!HAS_SHARED_CAPTURES) console.warn(SHARED_SKIP_REASON);

const FIXTURE = readFileSync(new URL('./fixtures/python-jobs-rss.xml', import.meta.url), 'utf8');

describe('parsePythonOrg on the project fixture (Django syndication feed)', async () => {
  const { items, skipped } = await parsePythonOrg(FIXTURE);

  it('maps a full item: "{title}, {company}", the description\'s first line as location (repeats removed), guid as id', () => {
    expect(items[0]).toEqual({
      board: 'python-org',
      externalId: 'https://www.python.org/jobs/7901/',
      url: 'https://www.python.org/jobs/7901/',
      title: 'Senior Backend Engineer (Django)',
      company: 'Kiln Labs',
      location: 'Lisbon, Portugal',
      salaryText: null,
      tags: [],
      descriptionHtml:
        '<p>We build invoicing APIs with <strong>Django</strong> and PostgreSQL.</p>\n\n<ul class="simple">\n<li>5+ years of Python</li>\n<li>Celery &amp; Redis</li>\n</ul>',
      postedAt: null,
    });
  });

  it('keeps a legal suffix with the company ("UpDoc, Inc.")', () => {
    expect(items[1]).toEqual({
      board: 'python-org',
      externalId: 'https://www.python.org/jobs/7902/',
      url: 'https://www.python.org/jobs/7902/',
      title: 'Senior Software Engineer, AI',
      company: 'UpDoc, Inc.',
      location: 'Remote, United States',
      salaryText: null,
      tags: [],
      descriptionHtml: '<p>LLM features for clinicians.</p>\n\n<p>FastAPI, Python 3.12.</p>',
      postedAt: null,
    });
  });

  it('cuts at the last ", " when the feed alone cannot tell (the job page corrects it, see scrape tests)', () => {
    expect(items[2]).toMatchObject({
      title: 'Python Developer, R&D, Smith',
      company: 'Jones & Partners',
      location: 'Leeds, West Yorkshire, United Kingdom',
    });
    expect(items[3]).toMatchObject({ title: 'Data Engineer', company: 'Pepper Wireless', location: 'Richmond, BC, Canada' });
  });

  it('skips the item with an empty title', () => {
    expect(items).toHaveLength(4);
    expect(skipped).toEqual([{ reason: 'title: missing or empty', ref: 'https://www.python.org/jobs/7905/' }]);
  });
});

describe('splitPythonOrgTitle / titleWithoutCompany / tidyLocation', () => {
  it.each([
    ['Senior Software Engineer, UpDoc', 'Senior Software Engineer', 'UpDoc'],
    ['Senior Software Engineer, AI, UpDoc, Inc.', 'Senior Software Engineer, AI', 'UpDoc, Inc.'],
    ['Backend Developer, Acme GmbH', 'Backend Developer', 'Acme GmbH'],
    ['Python Engineer, Data, Acme, LLC', 'Python Engineer, Data', 'Acme, LLC'],
    ['[Hiring] Engineers (Remote, Flexible Hours), G2i', '[Hiring] Engineers (Remote, Flexible Hours)', 'G2i'],
  ])('%s', (text, title, company) => {
    expect(splitPythonOrgTitle(text)).toEqual({ title, company });
  });

  it('gives a title without ", " no company', () => {
    expect(splitPythonOrgTitle('Python Developer')).toEqual({ title: 'Python Developer', company: null });
  });

  it('re-cuts the title once the company is known', () => {
    expect(titleWithoutCompany('Python Developer, R&D, Smith, Jones & Partners', 'Smith, Jones & Partners')).toBe('Python Developer, R&D');
    expect(titleWithoutCompany('Python Developer, Acme', 'Other Co')).toBeNull();
    expect(titleWithoutCompany(', Acme', 'Acme')).toBeNull();
  });

  it('drops repeated neighbouring parts of a location', () => {
    expect(tidyLocation('Remote, Remote, United States')).toBe('Remote, United States');
    expect(tidyLocation('remote, remote, remote')).toBe('remote');
    expect(tidyLocation('Remote, MG, Remote')).toBe('Remote, MG, Remote');
    expect(tidyLocation(' , ')).toBeNull();
    expect(tidyLocation(null)).toBeNull();
  });
});

describe('parsePythonOrg on bad bodies', () => {
  for (const { name, body, message } of badFeedBodies(FIXTURE, 'Python.org Jobs')) {
    it(`throws a ParseError for ${name}`, async () => {
      const error = await parsePythonOrg(body).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ParseError);
      expect((error as Error).message).toMatch(message);
    });
  }
});

describe.skipIf(!HAS_SHARED_CAPTURES)('parsePythonOrg on the shared capture pythonorg-1.rss', () => {
  const parsed = () => parsePythonOrg(readSharedCapture('pythonorg-1.rss'));

  it('accounts for all 20 items: 20 listings, none skipped, none lost', async () => {
    const { items, skipped } = await parsed();
    const guids = [...readSharedCapture('pythonorg-1.rss').matchAll(/<guid>([^<]+)<\/guid>/g)].map((match) => match[1]!);
    expect(guids).toHaveLength(20);
    expect(skipped).toEqual([]);
    expect(items.map((item) => item.externalId)).toEqual(guids);
  });

  it('maps the first item exactly', async () => {
    const first = (await parsed()).items[0]!;
    expect(first).toMatchObject({
      board: 'python-org',
      externalId: 'https://www.python.org/jobs/7831/',
      url: 'https://www.python.org/jobs/7831/',
      title: 'Senior Full-stack Developer (Python, React, Elixir)',
      company: 'Lemon.io',
      location: 'CLAYMONT, Utah, United States',
      salaryText: null,
      tags: [],
      postedAt: null,
    });
    expect(first.descriptionHtml.startsWith('<p>Are you a talented Senior Full-stack Developer <strong>with AI expertise</strong>')).toBe(true);
    expect(first.descriptionHtml).not.toContain('CLAYMONT');
  });

  it('spot-checks the hard titles and locations', async () => {
    const { items } = await parsed();
    const byId = (id: number) => items.find((item) => item.externalId === `https://www.python.org/jobs/${id}/`)!;
    expect([7747, 7830, 7752, 7748, 7787, 7824, 7734].map((id) => [byId(id).title, byId(id).company, byId(id).location])).toEqual([
      ['Senior Software Engineer, AI', 'UpDoc, Inc.', 'Remote, United States'],
      ['Senior Software Engineer', 'UpDoc', 'Remote, United States'],
      ['Sr. Software Engineer - R&D Modeling and Simulation', 'ASML', 'San Jose, US'],
      ['[Hiring] Software Engineers to Train Advanced AI Models (Remote, Flexible Hours)', 'G2i', 'Remote, MG, Remote'],
      ['Python Odoo programer needed', 'gcsupply.com', 'remote'],
      ['Senior Python Backend Developer with Blockchain Experience', 'rotki Solutions GmbH', 'Berlin, (remote), Germany'],
      ['Software Programmer', 'J.F.T. Maintenance Services Limited', 'West Winch, Norfolk, United Kingdom'],
    ]);
  });

  it('gives every item a title, company, location and description, and no date (the feed has none)', async () => {
    const { items } = await parsed();
    expect(items.every((item) => item.title && item.company && item.location && item.descriptionHtml.length > 100)).toBe(true);
    expect(items.every((item) => item.postedAt === null)).toBe(true);
  });
});
