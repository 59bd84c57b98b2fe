import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_ATS_CAPTURES, readSharedAtsCapture, SHARED_ATS_SKIP_REASON } from '../../test/support/shared-captures';
import { MAX_PAGE_CHARS, parseJobPage } from './parse';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const URL_ = 'https://jobs.example/posting/1';

if (!HAS_SHARED_ATS_CAPTURES) console.warn(SHARED_ATS_SKIP_REASON);

describe.skipIf(!HAS_SHARED_ATS_CAPTURES)('parseJobPage on real pages (../shared/fixtures/ats)', () => {
  it('jsonld-1 (Indeed): a JS-escaped block with an AUD 130000–160000 yearly range', () => {
    const page = parseJobPage(readSharedAtsCapture('jsonld-1.html'), 'https://au.indeed.com/viewjob?jk=54f1f8af68d722d2');
    expect(page).toMatchObject({
      source: 'json-ld',
      title: 'Senior DevOps Engineer',
      company: 'PaperCut Software',
      location: 'Camberwell, VIC, AU',
      remote: false,
      salary: { min: 130000, max: 160000, currency: 'AUD', period: 'year' },
      employmentType: ['FULL_TIME'],
    });
    expect(page.postedAt?.toISOString()).toBe('2026-08-06T07:39:35.941Z');
    expect(page.validThrough).toBeInstanceOf(Date);
    // \u003C in the JSON is a real tag once parsed, not text.
    expect(page.descriptionHtml).toMatch(/^<div>\s*<b>Company Description<\/b>/);
  });

  it('jsonld-2 (profession.hu): a BOM, a @graph of 15 nodes, TELECOMMUTE with a country requirement', () => {
    const html = readSharedAtsCapture('jsonld-2.html');
    expect(html.charCodeAt(0)).toBe(0xfeff);
    const page = parseJobPage(html, 'https://www.profession.hu/allas/x-2743596');
    expect(page).toMatchObject({
      source: 'json-ld',
      title: 'Senior Machine Learning Engineer (AI)',
      company: 'Job Személyzeti Tanácsadó Kft.',
      remote: true,
      location: 'Remote (Magyarország)',
      salary: null,
      employmentType: ['Alkalmazotti jogviszony'],
    });
    expect(page.postedAt?.toISOString().slice(0, 10)).toBe('2025-10-06');
    expect(page.descriptionHtml).toContain('<p>FELADATOK:</p>');
  });

  it('jsonld-3 (LinkedIn): an entity-escaped description is unescaped exactly once', () => {
    const page = parseJobPage(readSharedAtsCapture('jsonld-3.html'), 'https://it.linkedin.com/jobs/view/3707037202');
    expect(page).toMatchObject({ source: 'json-ld', title: 'C++ Developer', company: 'MindPal', employmentType: ['FULL_TIME'] });
    expect(page.location).toContain('IT');
    expect(page.descriptionHtml).toMatch(/^We are looking for <strong>C\+\+ Developer<br><br><strong>Responsibilities/);
    expect(page.descriptionHtml).not.toContain('&lt;strong');
    expect(page.validThrough?.toISOString().slice(0, 10)).toBe('2024-07-23');
  });

  it("jsonld-4 (Workday): the JSON-LD is the only job data and the <title> is empty", () => {
    const page = parseJobPage(readSharedAtsCapture('jsonld-4.html'), 'https://autodesk.wd1.myworkdayjobs.com/en-US/Ext/job/x');
    expect(page).toMatchObject({
      source: 'json-ld',
      title: 'Senior Industry Strategy Manager - Content Creation',
      company: 'Autodesk Canada Co.',
      location: 'AMER - Canada - Quebec - Montreal - 10 Rue Duke, Canada',
      employmentType: ['FULL_TIME'],
      salary: null,
    });
    expect(page.postedAt?.toISOString().slice(0, 10)).toBe('2024-09-24');
    expect(page.descriptionHtml).toContain('24WD81528');
  });
});

describe('parseJobPage on the project fixtures', () => {
  it('several blocks: skips the broken one and the other types, reads an array block with a range in strings', () => {
    const page = parseJobPage(fixture('several-blocks.html'), URL_);
    expect(page).toMatchObject({
      url: URL_,
      source: 'json-ld',
      title: 'Backend Engineer (Go) & Platform',
      company: 'Gopher Works GmbH',
      location: 'Berlin, DE; Hamburg, DE',
      salary: { min: 70000, max: 90000, currency: 'EUR', period: 'year' },
      employmentType: ['FULL_TIME', 'CONTRACTOR'],
    });
    expect(page.postedAt?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(page.validThrough?.toISOString()).toBe('2027-01-20T00:00:00.000Z');
    // The reader says what the page says; lib/sanitize removes the script before anything renders it.
    expect(page.descriptionHtml).toContain('<p>Build our Go services on PostgreSQL.</p>');
  });

  it('a @graph: resolves the hiring organization by @id; a single hourly value; remote with allowed countries', () => {
    const page = parseJobPage(fixture('graph-remote.html'), URL_);
    expect(page).toMatchObject({
      title: 'Senior Python Developer',
      company: 'Snake Oil Ltd',
      remote: true,
      location: 'Remote (Germany, Poland)',
      salary: { min: 45, max: 45, currency: 'EUR', period: 'hour' },
      employmentType: ['CONTRACTOR'],
      descriptionHtml: '<p>Django and <strong>FastAPI</strong>.</p>',
    });
  });

  it('a salary as a plain number, a full type IRI, a string organization, an unreadable date, an escaped description', () => {
    const page = parseJobPage(fixture('salary-number.html'), URL_);
    expect(page).toMatchObject({
      title: 'Rust Backend Engineer',
      company: 'Crab Systems',
      salary: { min: 120000, max: 120000, currency: 'USD', period: 'year' },
      postedAt: null,
    });
    // Unescaped once: the escaped "&amp;lt;3" stays the text "&lt;3", never a tag.
    expect(page.descriptionHtml).toBe('We are hiring <strong>Rust</strong> engineers &lt;3<br>Tokio, Axum.');
  });

  it('Open Graph only (with a BOM): title, site name as the company, description as escaped text', () => {
    const page = parseJobPage(fixture('og-only.html'), URL_);
    expect(page).toMatchObject({
      source: 'open-graph',
      title: 'Staff Engineer, Payments & Ledger',
      company: 'Ledgerly',
      location: null,
      salary: null,
      descriptionHtml: '<p>Own our Java &lt;ledger&gt; services. Remote in the EU.</p>',
    });
  });

  it('nothing at all: no title, empty description', () => {
    expect(parseJobPage(fixture('nothing.html'), URL_)).toMatchObject({ source: 'none', title: null, company: null, descriptionHtml: '', employmentType: [] });
    expect(parseJobPage('', URL_)).toMatchObject({ source: 'none', title: null });
    expect(parseJobPage('{"@type":"JobPosting","title":"x"}', URL_).title).toBeNull();
  });

  it('falls back to the <title> when the posting names no title', () => {
    const html = '<title>Go Developer | Acme</title><script type="application/ld+json">{"@type":"JobPosting","hiringOrganization":{"name":"Acme"}}</script>';
    expect(parseJobPage(html, URL_)).toMatchObject({ source: 'title', title: 'Go Developer | Acme', company: 'Acme' });
  });

  it('stays bounded on hostile input: a huge page, deep nesting, long strings, absurd salaries', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const long = 'x'.repeat(100_000);
    const html =
      `<script type="application/ld+json">${deep}</script>` +
      `<script type="application/ld+json">{"@type":"JobPosting","title":"${long}","hiringOrganization":{"name":"${long}"},` +
      `"baseSalary":{"currency":"US Dollars","value":{"value":1e300}},"employmentType":${JSON.stringify(Array.from({ length: 500 }, (_, i) => `T${i}`))}}</script>` +
      '<p>'.repeat(10) +
      'y'.repeat(MAX_PAGE_CHARS);
    const started = performance.now();
    const page = parseJobPage(html, URL_);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(page.title).toHaveLength(300);
    expect(page.company).toHaveLength(200);
    expect(page.salary).toBeNull();
    expect(page.employmentType).toHaveLength(10);
  });
});
