import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_CAPTURES, readSharedCapture, SHARED_SKIP_REASON } from '../../test/support/shared-captures';
import { ParseError } from '../errors';
import { FIELD_LIMITS } from '../formats';
import { badBodies } from '../../test/support/bad-bodies';
import { fakeContext, ok } from '../../test/support/scrape-context';
import { board } from './index';
import { mapSeniority, parseHimalayas } from './parse';

if (!HAS_SHARED_CAPTURES) console.warn(SHARED_SKIP_REASON);

const FIXTURE = readFileSync(new URL('./fixtures/himalayas-api.json', import.meta.url), 'utf8');

describe('mapSeniority', () => {
  it("maps Himalayas' labels onto intern|junior|mid|senior|lead", () => {
    expect(['Internship', 'Entry-level', 'Junior', 'Mid-level', 'Senior', 'Staff', 'Manager', 'Director', 'Executive', 'Lead', 'Other'].map(mapSeniority)).toEqual([
      'intern', 'junior', 'junior', 'mid', 'senior', 'senior', 'lead', 'lead', 'lead', 'lead', null,
    ]);
  });
});

describe('parseHimalayas on the project fixture', () => {
  const { items, skipped } = parseHimalayas(FIXTURE);

  it('maps a full job: salary with currency per year, the lowest listed seniority, countries, categories and skills as tags', () => {
    expect(items[0]).toEqual({
      board: 'himalayas',
      externalId: 'https://himalayas.app/companies/northwind-labs/jobs/staff-backend-engineer',
      url: 'https://himalayas.app/companies/northwind-labs/jobs/staff-backend-engineer',
      title: 'Staff Backend Engineer',
      company: 'Northwind Labs',
      location: 'Germany, Netherlands',
      salaryText: null,
      tags: ['full-time', 'backend engineer', 'go developer', 'go', 'postgresql'],
      descriptionHtml: '<p>Own our&nbsp;Go services.</p>',
      postedAt: new Date('2025-06-10T08:00:00.000Z'),
      stated: { remote: 'remote', salary: { min: 150000, max: 185000, currency: 'EUR', period: 'year' }, seniority: 'senior' },
    });
  });

  it('falls back to applicationLink without guid, states no salary when both bounds are null, location null without restrictions', () => {
    expect(items[1]).toEqual({
      board: 'himalayas',
      externalId: 'https://himalayas.app/companies/cirrus/jobs/junior-data-engineer',
      url: 'https://himalayas.app/companies/cirrus/jobs/junior-data-engineer',
      title: 'Junior Data Engineer',
      company: 'Cirrus',
      location: null,
      salaryText: null,
      tags: ['part-time', 'data engineer'],
      descriptionHtml: '<p>Pipelines in Python.</p>',
      postedAt: new Date('2025-06-09T15:45:00.000Z'),
      stated: { remote: 'remote', seniority: 'junior' },
    });
  });

  it('keeps a one-sided salary and upper-cases the currency', () => {
    expect(items[2]).toMatchObject({
      title: 'Platform Intern',
      location: 'United States',
      tags: ['intern'],
      stated: { remote: 'remote', salary: { min: 30000, max: null, currency: 'USD', period: 'year' }, seniority: 'intern' },
    });
  });

  it('skips a job whose seniority is not a list, naming the field', () => {
    expect(items).toHaveLength(3);
    expect(skipped).toEqual([{ reason: 'seniority: Invalid input: expected array, received string', ref: 'https://himalayas.app/companies/faulty/jobs/sre' }]);
  });
});

describe('parseHimalayas on bad bodies', () => {
  for (const { name, body, message } of badBodies(FIXTURE)) {
    it(`throws a ParseError for ${name}`, () => {
      expect(() => parseHimalayas(body)).toThrow(ParseError);
      expect(() => parseHimalayas(body)).toThrow(message);
    });
  }

  it('throws a ParseError for the wrong top-level shape', () => {
    expect(() => parseHimalayas('{"data": []}')).toThrow('Himalayas: expected an object with a "jobs" array, got an object with keys data');
    expect(() => parseHimalayas('null')).toThrow('Himalayas: expected an object with a "jobs" array, got null');
  });
});

describe.skipIf(!HAS_SHARED_CAPTURES)('parseHimalayas on the shared capture himalayas-1.json', () => {
  const parsed = () => parseHimalayas(readSharedCapture('himalayas-1.json'));
  const raw = () => JSON.parse(readSharedCapture('himalayas-1.json')) as { jobs: { guid: string; seniority: string[]; minSalary: number | null }[] };

  it('turns all 20 jobs into listings, none skipped', () => {
    const { items, skipped } = parsed();
    expect(items).toHaveLength(20);
    expect(skipped).toEqual([]);
    expect(items.map((item) => item.externalId)).toEqual(raw().jobs.map((job) => job.guid));
  });

  it('maps several jobs exactly', () => {
    const { items } = parsed();
    expect(items[0]).toMatchObject({
      url: 'https://himalayas.app/companies/peroptyx/jobs/data-analyst-punjabi-speaker',
      title: 'Data Analyst (Punjabi Speaker)',
      company: 'Peroptyx',
      location: 'India',
      tags: ['part-time', 'data analyst'],
      postedAt: new Date('2025-06-10T08:30:27.000Z'),
      stated: { remote: 'remote', seniority: 'junior' },
    });
    expect(items[0]!.stated?.salary).toBeUndefined();
    const franchise = items.find((item) => item.title === 'Franchise Development, Senior Manager')!;
    expect(franchise).toMatchObject({ company: 'Honor', location: 'United States', stated: { salary: { min: 144200, max: 170000, currency: 'USD', period: 'year' }, seniority: 'senior' } });
    const broker = items.find((item) => item.company === 'Zensurance' && item.title.startsWith('Commercial Broker'))!;
    expect(broker.stated).toEqual({ remote: 'remote', salary: { min: 47500, max: 56000, currency: 'CAD', period: 'year' }, seniority: 'junior' });
    expect(items.find((item) => item.title === 'Chief Financial Officer')!.stated?.seniority).toBe('lead');
  });

  it('states a salary for the 9 jobs that give one and a seniority for every job', () => {
    const { items } = parsed();
    expect(items.filter((item) => item.stated?.salary)).toHaveLength(raw().jobs.filter((job) => job.minSalary !== null).length);
    expect(items.filter((item) => item.stated?.salary)).toHaveLength(9);
    expect(items.every((item) => item.stated?.seniority)).toBe(true);
  });

  it('cuts a long country list to the location limit, saying how many were left out', () => {
    const growth = parsed().items.find((item) => item.company === 'Growth Troops')!;
    expect(growth.location!.length).toBeLessThanOrEqual(FIELD_LIMITS.location);
    expect(growth.location).toMatch(/^Algeria, Angola, Argentina, .*\(\+54 more\)$/);
  });
});

describe('Himalayas board', () => {
  it('is defined as the brief says, and is not complete (one page)', async () => {
    expect({ id: board.id, name: board.name, kind: board.kind, url: board.url, homepage: board.homepage }).toEqual({
      id: 'himalayas',
      name: 'Himalayas',
      kind: 'json',
      url: 'https://himalayas.app/jobs/api?limit=20',
      homepage: 'https://himalayas.app',
    });
    const { ctx } = fakeContext(board.url, { [board.url]: ok(board.url, FIXTURE) });
    await expect(board.scrape(ctx)).resolves.toMatchObject({ notModified: false, complete: false, httpStatus: 200 });
  });

  it('reports 304 as not modified', async () => {
    const { ctx } = fakeContext(board.url, { [board.url]: { status: 304, url: board.url } });
    await expect(board.scrape(ctx)).resolves.toEqual({ notModified: true, httpStatus: 304 });
  });
});
