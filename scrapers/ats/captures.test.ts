import { describe, expect, it } from 'vitest';
import { HAS_SHARED_ATS_CAPTURES, readSharedAtsCapture, SHARED_ATS_SKIP_REASON } from '../../test/support/shared-captures';
import { validateRawListing } from '../../lib/ingest/validate';
import type { RawListing } from '../types';
import { atsApiUrl, parseAtsResponse, type HiringSystem } from './index';

// The real captures in ../shared/fixtures/ats (SOURCES.md says what each holds), read in place.
if (!HAS_SHARED_ATS_CAPTURES) console.warn(SHARED_ATS_SKIP_REASON);

function read(system: HiringSystem, file: string, token: string) {
  const result = parseAtsResponse(system, readSharedAtsCapture(file), atsApiUrl({ system, token }));
  const raw = JSON.parse(readSharedAtsCapture(file)) as unknown;
  return { ...result, raw, byTitle: (title: string) => result.items.filter((item) => item.title === title) };
}

function everyValid(items: RawListing[]) {
  for (const item of items) expect(validateRawListing(item), item.externalId).toMatchObject({ ok: true });
}

describe.skipIf(!HAS_SHARED_ATS_CAPTURES)('Greenhouse captures', () => {
  it('greenhouse-1 (Airbnb): all 20 jobs, content entity-decoded once, the Workplace Type field, trailing spaces trimmed', () => {
    const { items, skipped, companyName, raw, byTitle } = read('greenhouse', 'greenhouse-1.json', 'airbnb');
    expect(skipped).toEqual([]);
    expect(items).toHaveLength(20);
    expect(companyName).toBe('Airbnb');
    expect(items.map((item) => item.externalId)).toEqual((raw as { jobs: { id: number }[] }).jobs.map((job) => String(job.id)));
    everyValid(items);
    const [android] = byTitle('Android Software Engineer, Quality Platform');
    expect(android).toMatchObject({
      externalId: '7744247',
      company: 'Airbnb',
      location: 'Remote, Brazil',
      tags: ['software engineering'],
      postedAt: new Date('2026-03-24T15:06:30.000Z'),
      stated: { remote: 'remote' },
    });
    expect(android!.url).toMatch(/^https:\/\/careers\.airbnb\.com\/positions\/7744247/);
    // Decoded once: real tags, and what was "&amp;amp;" in the API is "&amp;" in the HTML.
    expect(android!.descriptionHtml.startsWith('<div class="content-intro"><p><span style="font-family: helvetica, arial, sans-serif; font-size: 12pt;">Airbnb was born in 2007')).toBe(true);
    expect(android!.descriptionHtml).not.toContain('&lt;');
    expect(android!.descriptionHtml).toContain('&amp;');
    expect(android!.descriptionHtml).not.toContain('&amp;amp;');
    // "United States " (a trailing space in the capture) is trimmed.
    expect(items.find((item) => item.externalId === '7759713')!.location).toBe('United States');
    expect(items.find((item) => item.externalId === '7757160')!.stated).toEqual({ remote: 'onsite' });
    expect(items.find((item) => item.externalId === '7649441')!.stated).toEqual({ remote: 'hybrid' });
  });

  it('greenhouse-2 (Warp, keys sorted, newer fields): 4 jobs on job-boards.greenhouse.io', () => {
    const { items, skipped, companyName, byTitle } = read('greenhouse', 'greenhouse-2.json', 'warp');
    expect(skipped).toEqual([]);
    expect(companyName).toBe('Warp');
    expect(items.map((item) => item.title)).toEqual(['Expansion Account Manager', 'Forward Deployed Engineer', 'Senior Product Marketing Manager, Enterprise', 'Software Engineer']);
    everyValid(items);
    expect(byTitle('Software Engineer')[0]).toMatchObject({
      externalId: '4324888004',
      url: 'https://job-boards.greenhouse.io/warp/jobs/4324888004',
      location: 'New York, New York',
      tags: ['engineering'],
      postedAt: new Date('2022-02-02T00:00:42.000Z'),
    });
    expect(byTitle('Senior Product Marketing Manager, Enterprise')[0]!.location).toBe('Remote within US and Canada');
    expect(byTitle('Software Engineer')[0]!.descriptionHtml).toMatch(/^<div class="content-intro"><p><strong>Warp: We're Building/);
  });

  it('greenhouse-3 (Stripe, without content=true): 12 jobs parse with empty descriptions and free-text locations', () => {
    const { items, skipped, companyName } = read('greenhouse', 'greenhouse-3.json', 'stripe');
    expect(skipped).toEqual([]);
    expect(items).toHaveLength(12);
    expect(companyName).toBe('Stripe');
    everyValid(items);
    expect(items.every((item) => item.descriptionHtml === '' && item.tags.length === 0)).toBe(true);
    expect(items[0]).toMatchObject({ externalId: '8077887', title: 'Account Executive, Bridge', url: 'https://stripe.com/jobs/search?gh_jid=8077887', location: 'SF, NYC, SEA, CHI', postedAt: new Date('2026-07-22T17:15:53.000Z') });
    expect(items.find((item) => item.externalId === '7993151')!.location).toBe('US-Remote, US-San Francisco, US-Chicago, US-New York, US-Seattle, US-Texas');
  });
});

describe.skipIf(!HAS_SHARED_ATS_CAPTURES)('Lever captures', () => {
  it("lever-1 (Plaid): 20 postings, 19 with salaryRange as a stated yearly USD salary; all three workplace types", () => {
    const { items, skipped, companyName, byTitle } = read('lever', 'lever-1.json', 'plaid');
    expect(skipped).toEqual([]);
    expect(items).toHaveLength(20);
    expect(companyName).toBeNull();
    everyValid(items);
    expect(items.filter((item) => item.stated?.salary)).toHaveLength(19);
    expect(items.every((item) => !item.stated?.salary || (item.stated.salary.currency === 'USD' && item.stated.salary.period === 'year'))).toBe(true);
    expect(new Set(items.map((item) => item.stated?.remote))).toEqual(new Set(['hybrid', 'onsite', 'remote']));
    expect(items[0]).toMatchObject({
      externalId: 'd6389903-e642-4189-804c-02d271714bdb',
      url: 'https://jobs.lever.co/plaid/d6389903-e642-4189-804c-02d271714bdb',
      title: 'Account Executive - Fintech',
      location: 'New York; San Francisco',
      tags: ['sales', 'full-time'],
      postedAt: new Date(1767914803825),
      stated: { remote: 'hybrid', salary: { min: 240000, max: 240000, currency: 'USD', period: 'year' } },
    });
    expect(byTitle('Data Scientist - Network Value')[0]).toMatchObject({ tags: ['engineering', 'full-time'], stated: { remote: 'hybrid', salary: { min: 176400, max: 243600, currency: 'USD', period: 'year' } } });
    expect(byTitle('Engineering Manager - Europe')[0]).toMatchObject({ location: 'London', stated: { remote: 'hybrid' } });
    expect(byTitle('Engineering Manager - Europe')[0]!.stated!.salary).toBeUndefined();
    // The page as Lever shows it: the lists' headings and items, then the salary text.
    const manager = byTitle('Engineering Manager - Consumer')[0]!;
    expect(manager.descriptionHtml).toMatch(/<h3>[^<]+<\/h3>\n<ul>/);
  });

  it("lever-2 (Palantir): the Defense backend postings are onsite, the fellowship remote, no salaries", () => {
    const { items, skipped, byTitle } = read('lever', 'lever-2.json', 'palantir');
    expect(skipped).toEqual([]);
    expect(items).toHaveLength(10);
    everyValid(items);
    expect(items.some((item) => item.stated?.salary)).toBe(false);
    expect(byTitle('Backend Software Engineer - Defense').map((item) => [item.location, item.stated])).toEqual([
      ['Washington, D.C.', { remote: 'onsite' }],
      ['Palo Alto, CA', { remote: 'onsite' }],
    ]);
    expect(byTitle('Backend Software Engineer - Application Development').map((item) => [item.location, item.stated?.remote])).toEqual([
      ['London, United Kingdom', 'hybrid'],
      ['New York, NY', 'hybrid'],
    ]);
    expect(byTitle('American Tech Fellowship')[0]).toMatchObject({ location: 'North America', tags: ['business development', 'scholarship'], stated: { remote: 'remote' } });
    // Same title, different locations: different postings.
    expect(new Set(items.map((item) => item.externalId)).size).toBe(10);
  });
});

describe.skipIf(!HAS_SHARED_ATS_CAPTURES)('Ashby captures', () => {
  it("ashby-1 (Ramp): compensation as stated salaries, Hybrid despite isRemote, secondary locations, the title's leading space trimmed", () => {
    const { items, skipped, companyName } = read('ashby', 'ashby-1.json', 'ramp');
    expect(skipped).toEqual([]);
    expect(companyName).toBeNull();
    everyValid(items);
    expect(items.map((item) => [item.title, item.stated])).toEqual([
      ['Security Engineer, Cloud', { remote: 'hybrid', salary: { min: 211400, max: 290600, currency: 'USD', period: 'year' } }],
      ['Mobile Engineer, Android', { remote: 'hybrid', salary: { min: 189000, max: 330000, currency: 'USD', period: 'year' } }],
      ['Software Engineer, Frontend', { remote: 'hybrid', salary: { min: 143200, max: 284000, currency: 'USD', period: 'year' } }],
      ['Technical Program Manager', { remote: 'hybrid', salary: { min: 144600, max: 269000, currency: 'USD', period: 'year' } }],
    ]);
    expect(items[0]).toMatchObject({
      externalId: '34413f8d-26bf-4bbc-8ade-eb309a0e2245',
      url: 'https://jobs.ashbyhq.com/ramp/34413f8d-26bf-4bbc-8ade-eb309a0e2245',
      location: 'New York, NY (HQ); Remote (Canada); Remote (US); Miami, FL',
      salaryText: '$211.4K - $290.6K',
      tags: ['engineering', 'backend', 'full-time'],
      postedAt: new Date('2026-04-07T17:12:35.753Z'),
    });
    expect(items[0]!.descriptionHtml.startsWith('<h1><strong>About Ramp</strong></h1>')).toBe(true);
  });

  it('ashby-2 (Linear, no compensation): 19 jobs, Remote by region and Hybrid in London, no salaries', () => {
    const { items, skipped } = read('ashby', 'ashby-2.json', 'linear');
    expect(skipped).toEqual([]);
    expect(items).toHaveLength(19);
    everyValid(items);
    expect(items.some((item) => item.stated?.salary || item.salaryText)).toBe(false);
    for (const item of items) expect(item.stated?.remote, item.title).toBe(item.location === 'London' ? 'hybrid' : 'remote');
    expect(items.filter((item) => item.title === 'Senior / Staff Fullstack Engineer').map((item) => item.location)).toEqual(['Europe', 'North America']);
    expect(items.find((item) => item.title === 'Senior / Staff Product Engineer, AI')).toMatchObject({ location: 'North America', tags: ['product', 'engineering', 'full-time'] });
  });
});

describe.skipIf(!HAS_SHARED_ATS_CAPTURES)('Workable capture', () => {
  it("workable-1 (CrewAI): the account's name, telecommuting, locations, and the author's truncated descriptions kept as they are", () => {
    const { items, skipped, companyName, raw } = read('workable', 'workable-1.json', 'crewai');
    expect(skipped).toEqual([]);
    expect(companyName).toBe('CrewAI');
    everyValid(items);
    expect(items.map((item) => [item.externalId, item.title, item.location, item.stated?.remote ?? null])).toEqual([
      ['3862836931', 'Customer Success Manager, LATAM', 'São Paulo, State of São Paulo, Brazil', 'remote'],
      ['96051E9EDE', 'Forward Deployed Engineer - (East coast based)', 'United States', 'remote'],
      ['0AB5665160', 'Full-Stack Engineer, Agent Management Platform', 'San Francisco, California, United States', null],
      ['B778F12851', 'Senior Support Engineer', 'United States', 'remote'],
    ]);
    expect(items[2]).toMatchObject({ url: 'https://apply.workable.com/j/0AB5665160', company: 'CrewAI', tags: ['engineering', 'full-time'], postedAt: new Date('2026-06-26T00:00:00.000Z') });
    // Cut to 400 characters by the capture's author, some mid-tag ("<p></p><"): kept for the sanitizer, never a crash.
    const descriptions = (raw as { jobs: { description: string }[] }).jobs.map((job) => job.description.trim());
    expect(items.map((item) => item.descriptionHtml)).toEqual(descriptions);
    expect(items[3]!.descriptionHtml.endsWith('<p></p><')).toBe(true);
  });
});
