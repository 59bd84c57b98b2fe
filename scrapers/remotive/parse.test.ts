import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_CAPTURES, readSharedCapture, SHARED_SKIP_REASON } from '../../test/support/shared-captures';
import { ParseError } from '../errors';
import { badBodies } from '../../test/support/bad-bodies';
import { fakeContext, ok } from '../../test/support/scrape-context';
import { board } from './index';
import { parseRemotive } from './parse';

if (!HAS_SHARED_CAPTURES) console.warn(SHARED_SKIP_REASON);

// Like the real API response saved to disk, the fixture starts with a UTF-8 BOM.
const FIXTURE = readFileSync(new URL('./fixtures/remote-jobs.json', import.meta.url), 'utf8');

describe('parseRemotive on the project fixture', () => {
  const { items, skipped } = parseRemotive(FIXTURE);

  it('reads the body despite its BOM', () => {
    expect(FIXTURE.charCodeAt(0)).toBe(0xfeff);
    expect(items.map((item) => item.externalId)).toEqual(['3000001', '3000002', '3000003']);
  });

  it('maps a full job: free-text salary to salaryText, candidate_required_location to location, job_type to a tag', () => {
    expect(items[0]).toEqual({
      board: 'remotive',
      externalId: '3000001',
      url: 'https://remotive.com/remote-jobs/software-dev/backend-engineer-node-3000001',
      title: 'Backend Engineer (Node.js)',
      company: 'Lambda & Co',
      location: 'Europe, UK',
      salaryText: '$90k - $120k',
      tags: ['node.js', 'aws', 'postgresql', 'full-time'],
      descriptionHtml: '<p>Build our APIs.</p>\n<p>Stack: Node, Postgres.</p>',
      postedAt: new Date('2026-07-20T14:05:09.000Z'),
      stated: { remote: 'remote' },
    });
  });

  it('trims the title, maps an empty salary to null', () => {
    expect(items[1]).toMatchObject({ title: 'Go Developer', company: 'Gopherworks', location: 'Worldwide', salaryText: null, tags: ['contract'], postedAt: new Date('2026-07-19T08:00:00.000Z') });
  });

  it('keeps a job whose date is garbage, with postedAt null', () => {
    expect(items[2]).toMatchObject({ title: 'Junior Python Engineer', salaryText: '$25 - $30/hr', tags: ['python', 'django'], postedAt: null });
  });

  it('skips a relative URL and a wrongly typed salary, naming the field', () => {
    expect(skipped).toEqual([
      { reason: 'url: not an absolute http(s) URL ("/remote-jobs/software-dev/relative-3000004")', ref: '3000004' },
      { reason: 'salary: Invalid input: expected string, received number', ref: '3000005' },
    ]);
  });
});

describe('parseRemotive on bad bodies', () => {
  for (const { name, body, message } of badBodies(FIXTURE)) {
    it(`throws a ParseError for ${name}`, () => {
      expect(() => parseRemotive(body)).toThrow(ParseError);
      expect(() => parseRemotive(body)).toThrow(message);
    });
  }

  it('throws a ParseError for the wrong top-level shape', () => {
    expect(() => parseRemotive('[{"id": 1}]')).toThrow('Remotive: expected an object with a "jobs" array, got an array of 1');
    expect(() => parseRemotive('{"job-count": 0, "jobs": "none"}')).toThrow('Remotive: expected an object with a "jobs" array, got an object with keys job-count, jobs');
  });
});

describe.skipIf(!HAS_SHARED_CAPTURES)('parseRemotive on the shared capture remotive-1.json (with its BOM)', () => {
  const parsed = () => parseRemotive(readSharedCapture('remotive-1.json'));

  it('turns all 35 jobs into listings, none skipped', () => {
    const raw = JSON.parse(readSharedCapture('remotive-1.json').replace(/^\ufeff/, '')) as { jobs: { id: number }[] };
    const { items, skipped } = parsed();
    expect(items).toHaveLength(35);
    expect(skipped).toEqual([]);
    expect(items.map((item) => item.externalId)).toEqual(raw.jobs.map((job) => String(job.id)));
  });

  it('maps several jobs exactly', () => {
    const { items } = parsed();
    const byId = (id: string) => items.find((item) => item.externalId === id)!;
    expect(byId('2090903')).toMatchObject({
      url: 'https://remotive.com/remote-jobs/data/data-labeling-specialists-2090903',
      title: 'Data Labeling Specialists',
      company: 'Workada',
      location: 'USA',
      salaryText: '$18 - $22/hr',
      tags: ['research', 'digital content', 'spreadsheets', 'freelance'],
      postedAt: new Date('2026-07-26T20:49:11.000Z'),
      stated: { remote: 'remote' },
    });
    expect(byId('1680495')).toMatchObject({ title: 'Remote Office Assistant', company: 'Coalition Technologies', location: 'Worldwide', salaryText: '$31,2k- $52k' });
    expect(byId('2091055')).toMatchObject({ title: 'Staff Software Engineer, Product (São Paulo)', company: 'LawnStarter', location: 'Brazil', salaryText: '$80k - $100k' });
    expect(byId('2091072')).toMatchObject({ title: 'Product Sales Specialist - Pet Health (CST timezone)', salaryText: null, tags: ['excel', 'salesforce', 'video', 'spark'] });
    expect(byId('2086540').salaryText).toBe('OTE $25k - $35k');
  });

  it('gives every listing a date and 27 of them a salary text', () => {
    const { items } = parsed();
    expect(items.every((item) => item.postedAt instanceof Date && !Number.isNaN(item.postedAt.getTime()))).toBe(true);
    expect(items.filter((item) => item.salaryText !== null)).toHaveLength(27);
  });
});

describe('Remotive board', () => {
  it('is defined as the brief says', () => {
    expect({ id: board.id, name: board.name, kind: board.kind, url: board.url, homepage: board.homepage }).toEqual({
      id: 'remotive',
      name: 'Remotive',
      kind: 'json',
      url: 'https://remotive.com/api/remote-jobs?category=software-dev',
      homepage: 'https://remotive.com',
    });
  });

  it('scrapes one response as a complete list', async () => {
    const { ctx } = fakeContext(board.url, { [board.url]: ok(board.url, FIXTURE, { lastModified: 'Sun, 26 Jul 2026 21:00:00 GMT' }) });
    const result = await board.scrape(ctx);
    expect(result).toMatchObject({ notModified: false, httpStatus: 200, complete: true, etag: null, lastModified: 'Sun, 26 Jul 2026 21:00:00 GMT' });
  });

  it('reports 304 as not modified', async () => {
    const { ctx } = fakeContext(board.url, { [board.url]: { status: 304, url: board.url } });
    await expect(board.scrape(ctx)).resolves.toEqual({ notModified: true, httpStatus: 304 });
  });
});
