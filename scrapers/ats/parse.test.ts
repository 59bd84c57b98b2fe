import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors';
import { badBodies } from '../../test/support/bad-bodies';
import { prepareListing } from '../../lib/ingest/prepare';
import { validateRawListing } from '../../lib/ingest/validate';
import { atsApiUrl, HIRING_SYSTEMS, MAX_JOBS_PER_RESPONSE, parseAtsResponse, type HiringSystem } from './index';

// The project's own fixtures (fixtures/README.md), in each system's exact format.
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const FIXTURES: Record<HiringSystem, { body: string; token: string }> = {
  greenhouse: { body: fixture('greenhouse-jobs.json'), token: 'gophercloud' },
  lever: { body: fixture('lever-postings.json'), token: 'lambdaworks' },
  'lever-eu': { body: fixture('lever-postings.json'), token: 'lambdaworks' },
  ashby: { body: fixture('ashby-job-board.json'), token: 'tidepool' },
  workable: { body: fixture('workable-account.json'), token: 'northwind' },
};
const parse = (system: HiringSystem, body = FIXTURES[system].body) => parseAtsResponse(system, body, atsApiUrl({ system, token: FIXTURES[system].token }));

describe('every system on its project fixture', () => {
  for (const system of HIRING_SYSTEMS) {
    it(`${system}: three listings, none skipped, each one ingestion accepts`, () => {
      const { items, skipped } = parse(system);
      expect(items).toHaveLength(3);
      expect(skipped).toEqual([]);
      for (const item of items) expect(validateRawListing(item)).toMatchObject({ ok: true });
    });
  }
});

describe('the project fixtures as ingestion prepares them', () => {
  // What fixtures/README.md promises (and the companies page counts): one backend role per board, in Go.
  for (const system of HIRING_SYSTEMS) {
    it(`${system}: exactly one backend role, and it is the Go one`, () => {
      const prepared = parse(system).items.map((item) => {
        const checked = validateRawListing(item);
        if (!checked.ok) throw new Error(checked.reason);
        return prepareListing(checked.item, 'hash', { isSample: false, rates: { USD: 1, EUR: 1.1 } });
      });
      const backend = prepared.filter((listing) => listing.role === 'backend');
      expect(backend.map((listing) => [listing.title, listing.languages])).toEqual([[prepared[0]!.title, ['go']]]);
      expect(backend[0]!.title).toMatch(/\bGo\b/);
    });
  }
});

describe('Greenhouse', () => {
  it('maps the Go role: entity-encoded content decoded exactly once, first_published, departments, the Workplace Type field', () => {
    const { items, companyName } = parse('greenhouse');
    expect(companyName).toBe('Gopher Cloud');
    expect(items[0]).toEqual({
      board: 'greenhouse-gophercloud',
      externalId: '4100001',
      url: 'https://job-boards.greenhouse.io/gophercloud/jobs/4100001',
      title: 'Backend Engineer (Go)',
      company: 'Gopher Cloud',
      location: 'Berlin, Germany',
      salaryText: null,
      tags: ['engineering'],
      // "&amp;amp;" was "&amp;" in the HTML and stays so; "&amp;#39;" stays "&#39;" (the sanitizer's job, not ours).
      descriptionHtml:
        '<div class="content-intro"><p>Gopher Cloud runs managed Postgres for 4,000 teams.</p></div><h3>What you&#39;ll do</h3><ul><li>Build our control-plane APIs in Go &amp; gRPC</li><li>Run PostgreSQL &amp; Kafka in production</li></ul><p>Salary: &euro;70,000 &ndash; &euro;90,000</p>',
      postedAt: new Date('2026-11-18T14:00:00.000Z'),
      stated: { remote: 'remote' },
    });
    expect(items[1]).toMatchObject({ title: 'Frontend Engineer, Dashboard', tags: ['engineering', 'product'], descriptionHtml: '<p>React, TypeScript &amp; design systems.</p>' });
    expect(items[1]!.stated).toBeUndefined();
    // No first_published: updated_at is the date.
    expect(items[2]).toMatchObject({ title: 'Account Executive, EMEA', postedAt: new Date('2026-11-22T16:45:00.000Z'), stated: { remote: 'hybrid' } });
  });

  it('parses the list shape (no ?content=true): empty description, location from offices when location is missing', () => {
    const body = JSON.stringify({
      jobs: [
        { id: 1, title: 'Go Engineer', absolute_url: 'https://acme.example/jobs?gh_jid=1', location: { name: 'Remote, EU' }, updated_at: '2026-11-01T00:00:00Z', company_name: 'Acme' },
        { id: 2, title: 'SRE', absolute_url: 'https://acme.example/jobs?gh_jid=2', location: null, offices: [{ name: 'Oslo' }, { name: 'Bergen' }], metadata: 'junk' },
      ],
      meta: { total: 2 },
    });
    const { items, skipped, companyName } = parse('greenhouse', body);
    expect(skipped).toEqual([]);
    expect(companyName).toBe('Acme');
    expect(items.map((item) => [item.title, item.location, item.descriptionHtml, item.tags])).toEqual([
      ['Go Engineer', 'Remote, EU', '', []],
      ['SRE', 'Oslo; Bergen', '', []],
    ]);
  });

  it('a board with no jobs is an empty list and no company name', () => {
    expect(parse('greenhouse', '{"jobs": [], "meta": {"total": 0}}')).toEqual({ items: [], skipped: [], companyName: null });
  });

  it('skips jobs without id, title or URL, saying why', () => {
    const body = JSON.stringify({
      jobs: [
        { title: 'No id', absolute_url: 'https://acme.example/1' },
        { id: 2, title: '   ', absolute_url: 'https://acme.example/2' },
        { id: 3, title: 'Relative', absolute_url: '/jobs/3' },
        { id: 4, title: 'Script', absolute_url: 'javascript:alert(1)' },
        { id: 5, title: 42, absolute_url: 'https://acme.example/5' },
        'not a job',
        { id: 6, title: 'Fine', absolute_url: 'https://acme.example/6' },
      ],
    });
    const { items, skipped } = parse('greenhouse', body);
    expect(items.map((item) => item.externalId)).toEqual(['6']);
    expect(skipped).toEqual([
      { reason: 'id: missing or empty (null)', ref: 'https://acme.example/1' },
      { reason: 'title: missing or empty ("   ")', ref: '2' },
      { reason: 'absolute_url: not an absolute http(s) URL ("/jobs/3")', ref: '3' },
      { reason: 'absolute_url: not an absolute http(s) URL ("javascript:alert(1)")', ref: '4' },
      { reason: 'title: Invalid input: expected string, received number', ref: '5' },
      { reason: 'item is a string, not an object', ref: '#5' },
    ]);
  });

  it('throws a ParseError for its error answer', () => {
    expect(() => parse('greenhouse', '{"status": 404, "error": "Job not found"}')).toThrow('Greenhouse: expected an object with a "jobs" array, got an object with keys status, error');
  });
});

describe('Lever', () => {
  it('maps the Go role: salaryRange, workplaceType, allLocations, categories, the page put together from description, lists and additional', () => {
    const { items, companyName } = parse('lever');
    expect(companyName).toBeNull();
    expect(items[0]).toEqual({
      board: 'lever-lambdaworks',
      externalId: '7b1e2c3d-0000-4000-8000-000000000001',
      url: 'https://jobs.lever.co/lambdaworks/7b1e2c3d-0000-4000-8000-000000000001',
      title: 'Senior Backend Engineer (Go)',
      company: null,
      location: 'Amsterdam; Remote - Europe',
      salaryText: null,
      tags: ['engineering', 'platform', 'full-time'],
      descriptionHtml: [
        '<div>Lambda Works builds payment rails for small banks.</div>',
        '<h3>What you will do</h3>',
        '<ul><li>Design and run Go services on PostgreSQL</li><li>Own our ledger API</li></ul>',
        '<h3>Requirements</h3>',
        '<ul><li>3+ years of backend work in Go</li></ul>',
        '<div>We hire people from every background.</div>',
        '<div>The range for this role is €65,000 – €85,000.</div>',
      ].join('\n'),
      postedAt: new Date(1763800000000),
      stated: { remote: 'remote', salary: { min: 65000, max: 85000, currency: 'EUR', period: 'year' } },
    });
    expect(items[1]).toMatchObject({ title: 'Data Engineer', location: 'Lisbon', tags: ['engineering', 'data', 'contract'], stated: { remote: 'onsite', salary: { min: 45, max: 60, currency: 'EUR', period: 'hour' } } });
    // "unspecified" states nothing: classify reads the text.
    expect(items[2]).toMatchObject({ title: 'Recruiter', descriptionHtml: '<div>Help us hire.</div>' });
    expect(items[2]!.stated).toBeUndefined();
  });

  it('puts opening and descriptionBody together when description is empty', () => {
    const body = JSON.stringify([{ id: 'o', text: 'Go dev', hostedUrl: 'https://jobs.lever.co/acme/o', description: '', opening: '<p>Open</p>', descriptionBody: '<p>Body</p>' }]);
    expect(parse('lever', body).items[0]!.descriptionHtml).toBe('<p>Open</p>\n<p>Body</p>');
  });

  it('Lever (EU) reads the same format; listings carry the EU board id', () => {
    expect(parse('lever-eu').items[0]!.board).toBe('lever-eu-lambdaworks');
  });

  it('an unknown interval or empty range states no period or no salary; a heading is escaped', () => {
    const base = { id: 'x1', text: 'Go dev', hostedUrl: 'https://jobs.lever.co/acme/x1', lists: [{ text: 'A < B & <b>C</b>', content: '<li>x</li>' }] };
    const body = JSON.stringify([
      { ...base, salaryRange: { min: 1000, max: 2000, currency: 'USD', interval: 'one-time' } },
      { ...base, id: 'x2', salaryRange: { min: 0, max: 0, currency: 'USD', interval: 'per-year-salary' } },
      { ...base, id: 'x3', salaryRange: 'broken', createdAt: 'yesterday' },
    ]);
    const { items, skipped } = parse('lever', body);
    expect(skipped).toEqual([]);
    expect(items[0]!.stated).toEqual({ salary: { min: 1000, max: 2000, currency: 'USD', period: null } });
    expect(items[1]!.stated).toBeUndefined();
    expect(items[2]).toMatchObject({ postedAt: null, descriptionHtml: '<h3>A &lt; B &amp; C</h3>\n<ul><li>x</li></ul>' });
  });

  it('skips postings without id, text or hostedUrl', () => {
    const body = JSON.stringify([{ text: 'No id', hostedUrl: 'https://jobs.lever.co/acme/1' }, { id: 'b', hostedUrl: 'https://jobs.lever.co/acme/b' }, { id: 'c', text: 'No URL' }]);
    expect(parse('lever', body).skipped).toEqual([
      { reason: 'id: missing or empty (null)', ref: 'https://jobs.lever.co/acme/1' },
      { reason: 'text: missing or empty (null)', ref: 'b' },
      { reason: 'hostedUrl: not an absolute http(s) URL (null)', ref: 'c' },
    ]);
  });

  it('throws a ParseError for its "Document not found" answer and for an object', () => {
    expect(() => parse('lever', '{"ok": false, "error": "Document not found"}')).toThrow(ParseError);
    expect(() => parse('lever', '{"ok": false, "error": "Document not found"}')).toThrow('Lever says: Document not found');
    expect(() => parse('lever', '{"jobs": []}')).toThrow('Lever: expected an array of postings, got an object with keys jobs');
  });
});

describe('Ashby', () => {
  it('maps the Go role: Salary component, workplaceType, secondary locations, department/team/employment type', () => {
    const { items, companyName } = parse('ashby');
    expect(companyName).toBeNull();
    expect(items[0]).toEqual({
      board: 'ashby-tidepool',
      externalId: '0c5a7d11-1111-4111-8111-000000000001',
      url: 'https://jobs.ashbyhq.com/tidepool/0c5a7d11-1111-4111-8111-000000000001',
      title: 'Backend Engineer, Go',
      company: null,
      location: 'Remote (US); Remote (Canada)',
      salaryText: '$150K - $190K',
      tags: ['engineering', 'core api', 'full-time'],
      descriptionHtml: '<p>Tidepool schedules clinics. You will write Go services on PostgreSQL and Redis.</p>',
      postedAt: new Date('2026-11-10T15:30:00.000Z'),
      stated: { remote: 'remote', salary: { min: 150000, max: 190000, currency: 'USD', period: 'year' } },
    });
  });

  it('Hybrid with isRemote true is hybrid (workplaceType wins); OnSite is onsite; a tier salary counts when the summary has none', () => {
    const { items } = parse('ashby');
    expect(items[1]).toMatchObject({ location: 'New York, NY (HQ); Remote (US)', stated: { remote: 'hybrid', salary: { min: 160000, max: 200000, period: 'year' } } });
    expect(items[2]).toMatchObject({ tags: ['support', 'part-time'], salaryText: '$25 – $30 per hour', stated: { remote: 'onsite', salary: { min: 25, max: 30, currency: 'USD', period: 'hour' } } });
  });

  it('isRemote alone says remote; no compensation states no salary; an unlisted posting is skipped', () => {
    const body = JSON.stringify({
      jobs: [
        { id: 'a', title: 'Go dev', jobUrl: 'https://jobs.ashbyhq.com/acme/a', isRemote: true },
        { id: 'b', title: 'Hidden', jobUrl: 'https://jobs.ashbyhq.com/acme/b', isListed: false },
        { id: 'c', title: 'Equity only', jobUrl: 'https://jobs.ashbyhq.com/acme/c', compensation: { summaryComponents: [{ compensationType: 'EquityPercentage', interval: 'NONE' }] } },
      ],
    });
    const { items, skipped } = parse('ashby', body);
    expect(items.map((item) => [item.externalId, item.stated])).toEqual([
      ['a', { remote: 'remote' }],
      ['c', undefined],
    ]);
    expect(skipped).toEqual([{ reason: 'isListed: false (an unlisted posting)', ref: 'b' }]);
  });

  it('throws a ParseError for a body without jobs', () => {
    expect(() => parse('ashby', '{"success": false, "errors": ["not found"]}')).toThrow('Ashby: expected an object with a "jobs" array');
  });
});

describe('Workable', () => {
  it('maps the Go role: name as the company, telecommuting, visible locations, published_on', () => {
    const { items, companyName } = parse('workable');
    expect(companyName).toBe('Northwind Logistics');
    expect(items[0]).toEqual({
      board: 'workable-northwind',
      externalId: 'A1B2C3D4E5',
      url: 'https://apply.workable.com/j/A1B2C3D4E5',
      title: 'Backend Developer (Go)',
      company: 'Northwind Logistics',
      location: 'Warsaw, Masovian Voivodeship, Poland; Prague, Czechia',
      salaryText: null,
      tags: ['engineering', 'full-time'],
      descriptionHtml: '<p>Build the tracking API in Go and PostgreSQL.</p><p>Junior-friendly: we pair every week.</p>',
      postedAt: new Date('2026-11-15T00:00:00.000Z'),
      stated: { remote: 'remote' },
    });
  });

  it('telecommuting false states nothing; city/country when locations is empty; created_at when published_on is empty; hidden locations left out', () => {
    const { items } = parse('workable');
    expect(items[1]).toMatchObject({ location: 'Kraków, Poland', postedAt: new Date('2026-11-16T00:00:00.000Z'), tags: ['design', 'contract'] });
    expect(items[1]!.stated).toBeUndefined();
    expect(items[2]!.location).toBe('Hamburg, Hamburg, Germany');
  });

  it('skips jobs without shortcode, title or url, and reads no name as null', () => {
    const body = JSON.stringify({ jobs: [{ title: 'x', url: 'https://apply.workable.com/j/1' }, { shortcode: 'B', url: 'https://apply.workable.com/j/B' }, { shortcode: 'C', title: 'No URL', url: '' }] });
    const result = parse('workable', body);
    expect(result.companyName).toBeNull();
    expect(result.skipped).toEqual([
      { reason: 'shortcode: missing or empty (null)', ref: 'https://apply.workable.com/j/1' },
      { reason: 'title: missing or empty (null)', ref: 'B' },
      { reason: 'url: not an absolute http(s) URL ("")', ref: 'C' },
    ]);
  });
});

describe('bodies that are not the API response', () => {
  for (const system of HIRING_SYSTEMS) {
    for (const { name, body, message } of badBodies(FIXTURES[system].body)) {
      it(`${system}: ParseError for ${name}`, () => {
        expect(() => parse(system, body)).toThrow(ParseError);
        expect(() => parse(system, body)).toThrow(message);
      });
    }
    it(`${system}: ParseError for JSON of another shape`, () => {
      for (const body of ['null', '42', '"jobs"', system.startsWith('lever') ? '{}' : '[]']) expect(() => parse(system, body)).toThrow(ParseError);
    });
  }
});

describe('hostile responses', () => {
  it(`reads at most ${MAX_JOBS_PER_RESPONSE} jobs and says what it left out`, () => {
    const jobs = Array.from({ length: MAX_JOBS_PER_RESPONSE + 7 }, (_, i) => ({ id: `j${i}`, text: 'Go dev', hostedUrl: `https://jobs.lever.co/acme/j${i}` }));
    const { items, skipped } = parse('lever', JSON.stringify(jobs));
    expect(items).toHaveLength(MAX_JOBS_PER_RESPONSE);
    expect(skipped).toEqual([{ reason: `the response lists ${MAX_JOBS_PER_RESPONSE + 7} jobs; only the first ${MAX_JOBS_PER_RESPONSE} are read`, ref: `#${MAX_JOBS_PER_RESPONSE}…` }]);
  });

  it('bounds titles, companies and locations to what ingestion stores, and keeps script in the description for the sanitizer', () => {
    const locations = Array.from({ length: 500 }, (_, i) => ({ city: `City ${i} ${'x'.repeat(20)}`, country: 'Nowhere' }));
    const body = JSON.stringify({
      name: 'N'.repeat(1000),
      jobs: [{ shortcode: 'A', title: 'T'.repeat(1000), url: 'https://apply.workable.com/j/A', locations, description: '<p>Hi</p><script>alert(1)</script>', department: '<img src=x onerror=alert(1)>' }],
    });
    const { items, companyName } = parse('workable', body);
    const item = items[0]!;
    expect(item.title.length).toBeLessThanOrEqual(300);
    expect(companyName!.length).toBeLessThanOrEqual(200);
    expect(item.location!.length).toBeLessThanOrEqual(300);
    expect(item.location).toMatch(/\(\+\d+ more\)$/);
    expect(item.descriptionHtml).toBe('<p>Hi</p><script>alert(1)</script>');
    // Tags are plain text: the markup is gone.
    expect(item.tags).toEqual([]);
    expect(validateRawListing(item)).toMatchObject({ ok: true });
  });

  it('a prototype-polluting key does nothing', () => {
    const body = '{"jobs": [{"id": 1, "title": "Go", "absolute_url": "https://acme.example/1", "__proto__": {"polluted": true}, "location": {"__proto__": {"name": "x"}}}]}';
    const { items } = parse('greenhouse', body);
    expect(items[0]!.location).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a system it does not know', () => {
    expect(() => parseAtsResponse('constructor' as HiringSystem, '{"jobs": []}', 'x')).toThrow(TypeError);
  });

  it('a listing parsed from an unrecognised source URL is still parsed (ingestion sets its board id)', () => {
    expect(parseAtsResponse('ashby', FIXTURES.ashby.body, 'http://127.0.0.1:9/elsewhere').items[0]!.board).toBe('ashby');
  });
});
