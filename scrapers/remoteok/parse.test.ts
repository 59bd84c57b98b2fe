import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_CAPTURES, readSharedCapture, SHARED_SKIP_REASON } from '../../test/support/shared-captures';
import { ParseError } from '../errors';
import { badBodies } from '../../test/support/bad-bodies';
import { prepareListing } from '../../lib/ingest/prepare';
import { validateRawListing } from '../../lib/ingest/validate';
import { fakeContext, ok } from '../../test/support/scrape-context';
import { board } from './index';
import { parseRemoteOk } from './parse';

if (!HAS_SHARED_CAPTURES) console.warn(SHARED_SKIP_REASON);

const FIXTURE = readFileSync(new URL('./fixtures/remoteok-api.json', import.meta.url), 'utf8');

describe('parseRemoteOk on the project fixture', () => {
  const { items, skipped } = parseRemoteOk(FIXTURE);

  it('skips the legal notice silently and returns the three good jobs', () => {
    expect(items.map((item) => item.externalId)).toEqual(['1200001', '1200002', '1200003']);
  });

  it('maps a full job: remoteok.com URL (not apply_url), repaired short texts, the description as sent, yearly USD salary, tags', () => {
    expect(items[0]).toEqual({
      board: 'remoteok',
      externalId: '1200001',
      url: 'https://remoteok.com/remote-jobs/remote-senior-go-backend-engineer-zocalo-cloud-1200001',
      title: 'Senior Go Backend Engineer',
      company: 'Zócalo Cloud',
      location: 'Berlin, Germany',
      salaryText: null,
      tags: ['golang', 'backend', 'api', 'postgres'],
      descriptionHtml: '<p>We\u00e2\u0080\u0099re building a payments API in Go.\u00c2\u00a0You\u00e2\u0080\u0099ll own services end to end.</p><ul><li>Go \u00e2\u0080\u00a2 PostgreSQL \u00e2\u0080\u00a2 Kafka</li></ul>',
      postedAt: new Date('2026-03-16T09:30:00.000Z'),
      stated: { remote: 'remote', salary: { min: 120000, max: 150000, currency: 'USD', period: 'year' } },
    });
  });

  it('states an hourly figure per hour, reads the date when epoch is 0, and maps an empty location to null', () => {
    expect(items[1]).toMatchObject({
      title: 'Junior Python Developer',
      company: 'TinyCo',
      location: null,
      url: 'https://remoteok.com/remote-jobs/remote-junior-python-developer-tinyco-1200002',
      tags: ['python', 'django'],
      postedAt: new Date('2026-03-15T18:00:00.000Z'),
      stated: { remote: 'remote', salary: { min: 40, max: 55, currency: 'USD', period: 'hour' } },
    });
  });

  it('builds the listing URL from the slug when url is empty, decodes entities, and states no salary for 0/0', () => {
    expect(items[2]).toEqual({
      board: 'remoteok',
      externalId: '1200003',
      url: 'https://remoteok.com/remote-jobs/remote-site-reliability-engineer-acme-1200003',
      title: 'Site Reliability Engineer & On-call Lead',
      company: 'Acme & Sons',
      location: 'Remote, USA',
      salaryText: null,
      tags: [],
      descriptionHtml: '<p>Keep the lights on.</p>',
      postedAt: new Date('2026-03-14T12:00:00.000Z'),
      stated: { remote: 'remote' },
    });
  });

  it('skips the bad items with reasons naming the field', () => {
    expect(skipped).toEqual([
      { reason: 'position: Invalid input: expected string, received number', ref: '1200004' },
      { reason: 'position: missing or empty (no title)', ref: '1200005' },
    ]);
  });
});

describe('parseRemoteOk on bad bodies', () => {
  for (const { name, body, message } of badBodies(FIXTURE)) {
    it(`throws a ParseError for ${name}`, () => {
      expect(() => parseRemoteOk(body)).toThrow(ParseError);
      expect(() => parseRemoteOk(body)).toThrow(message);
    });
  }

  it('throws a ParseError for the wrong top-level shape', () => {
    expect(() => parseRemoteOk('{"jobs": []}')).toThrow('Remote OK: expected a JSON array (legal notice, then jobs), got an object with keys jobs');
    expect(() => parseRemoteOk('[]')).toThrow('Remote OK: expected a JSON array starting with the legal notice, got an array of 0');
    expect(() => parseRemoteOk('"maintenance"')).toThrow(ParseError);
  });

  it('skips a job whose url points off Remote OK and that has no slug', () => {
    const body = JSON.stringify([{ legal: 'notice' }, { id: '9', position: 'Go Engineer', url: 'https://elsewhere.example/job/9' }]);
    expect(parseRemoteOk(body)).toEqual({
      items: [],
      skipped: [{ reason: 'url: no usable remoteok.com listing URL (url "https://elsewhere.example/job/9", slug null)', ref: '9' }],
    });
  });
});

describe.skipIf(!HAS_SHARED_CAPTURES)('parseRemoteOk on the shared capture remoteok-1.json', () => {
  const raw = () => JSON.parse(readSharedCapture('remoteok-1.json')) as Record<string, unknown>[];
  const parsed = () => parseRemoteOk(readSharedCapture('remoteok-1.json'));

  it('accounts for all 97 jobs: 96 listings and 1 skipped (no title), the legal notice not counted', () => {
    const { items, skipped } = parsed();
    expect(raw()).toHaveLength(98);
    expect(items).toHaveLength(96);
    expect(skipped).toEqual([{ reason: 'position: missing or empty (no title)', ref: '1130784' }]);
    const jobIds = raw().slice(1).map((job) => String(job.id));
    expect([...items.map((item) => item.externalId), ...skipped.map((skip) => skip.ref)].sort()).toEqual(jobIds.sort());
  });

  it('maps the first job exactly', () => {
    const first = parsed().items[0]!;
    expect(first).toMatchObject({
      externalId: '1130788',
      url: 'https://remoteok.com/remote-jobs/remote-benefits-advisor-leadership-training-program-fisher-agencies-1130788',
      title: 'Benefits Advisor Leadership Training Program',
      company: 'Fisher Agencies',
      location: null,
      salaryText: null,
      tags: ['training', 'support', 'growth', 'management'],
      postedAt: new Date('2026-03-16T00:00:03.000Z'),
      stated: { remote: 'remote' },
    });
    expect(first.descriptionHtml.startsWith('Launch Your Career in Leadership<p>Fisher Organization is seeking')).toBe(true);
  });

  it('repairs mojibake in locations and companies; ingestion repairs the descriptions', () => {
    const { items } = parsed();
    const graphcore = items.find((item) => item.externalId === '1130779')!;
    expect(graphcore).toMatchObject({
      title: 'Engineering Manager Workload Management',
      company: 'Graphcore',
      location: 'Gdańsk',
      stated: { remote: 'remote', salary: { min: 350700, max: 474400, currency: 'USD', period: 'year' } },
    });
    const zocalo = items.find((item) => item.externalId === '1130733')!;
    expect(zocalo).toMatchObject({
      company: 'Zócalo Health',
      title: 'Recruiting Coordinator',
      stated: { salary: { min: 25, max: 27, currency: 'USD', period: 'hour' } },
    });
    const damaged = /[\u00c2-\u00f4][\u0080-\u00bf]/;
    expect(items.filter((item) => damaged.test(item.company ?? '') || damaged.test(item.location ?? ''))).toEqual([]);
    const stored = items.map((item) => {
      const checked = validateRawListing(item);
      if (!checked.ok) throw new Error(checked.reason);
      return prepareListing(checked.item, 'hash', { isSample: false, rates: { USD: 1 } });
    });
    expect(stored.find((row) => row.externalId === '1130733')!.descriptionHtml).toContain('<p>at Zócalo Health</p>');
    expect(stored.filter((row) => damaged.test(row.descriptionHtml ?? '') || damaged.test(row.descriptionText ?? ''))).toEqual([]);
  });

  it('states salaries only for the 18 jobs with salary_min above 0, and links every listing to remoteok.com', () => {
    const { items } = parsed();
    expect(items.filter((item) => item.stated?.salary).length).toBe(18);
    expect(items.every((item) => item.url.startsWith('https://remoteok.com/remote-jobs/'))).toBe(true);
    const vp = items.find((item) => item.externalId === '1130780')!;
    expect(vp).toMatchObject({ title: 'VP Corporate Marketing Brand & Communications', company: 'Blackpoint Cyber', stated: { salary: { min: 180000, max: 210000, period: 'year' } } });
  });
});

describe('Remote OK board', () => {
  it('is defined as the brief says', () => {
    expect({ id: board.id, name: board.name, kind: board.kind, url: board.url, homepage: board.homepage }).toEqual({
      id: 'remoteok',
      name: 'Remote OK',
      kind: 'json',
      url: 'https://remoteok.com/api',
      homepage: 'https://remoteok.com',
    });
  });

  it('scrapes one response as a complete list, passing the validators through', async () => {
    const { ctx, calls } = fakeContext('https://remoteok.com/api', { 'https://remoteok.com/api': ok('https://remoteok.com/api', FIXTURE, { etag: '"v1"' }) }, { conditional: { etag: '"v0"' } });
    const result = await board.scrape(ctx);
    expect(calls).toEqual([{ url: 'https://remoteok.com/api', options: { conditional: { etag: '"v0"' }, accept: 'application/json', signal: undefined } }]);
    expect(result).toMatchObject({ notModified: false, httpStatus: 200, complete: true, etag: '"v1"', lastModified: null });
    if (result.notModified) throw new Error('expected a body');
    expect(result.items).toHaveLength(3);
    expect(result.skipped).toHaveLength(2);
  });

  it('reports 304 as not modified', async () => {
    const { ctx } = fakeContext('https://remoteok.com/api', { 'https://remoteok.com/api': { status: 304, url: 'https://remoteok.com/api' } });
    await expect(board.scrape(ctx)).resolves.toEqual({ notModified: true, httpStatus: 304 });
  });
});
