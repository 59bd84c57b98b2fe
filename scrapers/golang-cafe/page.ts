import { jsonLdObjects, labelValue, loadHtmlPage } from '../formats/html-page';
import { ParseError } from '../errors';
import { cleanHtml, cleanText, FIELD_LIMITS, httpUrl, parseDate, salaryBounds } from '../formats';
import type { SalaryPeriod, StatedSalary } from '../types';
import { splitHeading } from './heading';
import { NAME } from './parse';

// A Golang Cafe job page, https://golang.cafe/job/{slug}, as its template (static/views/job.html
// in golang-cafe/job-board, 2023) writes it:
//   <link rel="canonical" href="https://golang.cafe/job/{slug}">
//   <h2 ...>{title} at {company} - {location}</h2>
//   <b>Salary</b> {range} a {period}<br>   <b>Company Website</b> ...<br>   <b>Published</b> {Month Year}<br>
//   while the job is live, a schema.org JobPosting in <script type="application/ld+json">:
//   title, datePosted, hiringOrganization.name, baseSalary { currency, value { minValue, maxValue, unitText } }.
// Notes on that JSON-LD: "currency" is the board's currency SYMBOL ("$", "€"), not ISO 4217
// (passed on as written: lib/classify knows the symbols),
// and unitText is hard-coded "YEAR" even for monthly or hourly salaries, so the period on the
// "<b>Salary</b> ... a month" line wins. jobLocationType TELECOMMUTE marks a remote job. The
// board stores a visa-sponsorship flag; a "<b>Visa Sponsorship</b> Yes|No" line is read when
// the page has one (no published page shows where it is rendered).

export interface GolangCafeJobPage {
  /** The canonical job URL. */
  url: string | null;
  title: string | null;
  company: string | null;
  location: string | null;
  /** The salary line as written ("$100k - $120k a year"). */
  salaryText: string | null;
  salary: StatedSalary | null;
  remote: 'remote' | null;
  visaSponsorship: boolean | null;
  postedAt: Date | null;
  /** The JobPosting description, for an item whose feed entry had none. */
  descriptionHtml: string | null;
  /** The page says the posting is no longer available. */
  expired: boolean;
}

const PERIODS: Readonly<Record<string, SalaryPeriod>> = { year: 'year', month: 'month', week: 'week', day: 'day', hour: 'hour' };

/** "a year" / "per month" / "/hour" in a salary line, or schema.org unitText ("YEAR"). */
function periodOf(text: string | null | undefined): SalaryPeriod | null {
  if (!text) return null;
  const unit = /^\s*(year|month|week|day|hour)\s*$/i.exec(text)?.[1] ?? /(?:\ba|\bper|\/)\s*(year|month|week|day|hour)\b/i.exec(text)?.[1];
  return unit ? (PERIODS[unit.toLowerCase()] ?? null) : null;
}

function currencyText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function isJobPosting(value: Record<string, unknown>): boolean {
  const type = value['@type'];
  return type === 'JobPosting' || (Array.isArray(type) && type.includes('JobPosting'));
}

function statedSalary(posting: Record<string, unknown>, salaryLine: string | null): StatedSalary | null {
  const base = record(posting.baseSalary);
  if (!base) return null;
  const value = record(base.value);
  const bounds = salaryBounds(numberOf(value?.minValue ?? value?.value ?? base.minValue), numberOf(value?.maxValue ?? base.maxValue));
  if (!bounds) return null;
  return {
    ...bounds,
    // The board's symbol as it wrote it ("$"); lib/classify reads it.
    currency: currencyText(base.currency ?? value?.currency),
    // The template writes unitText "YEAR" whatever the period; the visible line knows better.
    period: periodOf(salaryLine) ?? periodOf(typeof value?.unitText === 'string' ? value.unitText : null),
  };
}

function visaFlag(text: string | null): boolean | null {
  if (!text) return null;
  if (/^(?:yes|true|available|offered|provided|sponsored)\b/i.test(text)) return true;
  if (/^(?:no|false|not\b|none|unavailable)/i.test(text)) return false;
  return null;
}

/**
 * Parse a Golang Cafe job page. Throws ParseError when the body is not HTML or has neither the
 * job heading nor JobPosting data (a login wall, an error page, another site).
 */
export function parseJobPage(html: string): GolangCafeJobPage {
  const $ = loadHtmlPage(html, NAME, 'a job page');
  const canonical = httpUrl($('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content'));
  const posting = jsonLdObjects($).find(isJobPosting) ?? null;
  const heading = $('h2')
    .toArray()
    .map((element) => cleanText($(element).text()))
    .find((text): text is string => !!text && / at /.test(text));
  if (!posting && !heading) {
    throw new ParseError(`${NAME}: the page has neither the "{title} at {company} - {location}" heading nor JobPosting data: not a job page`);
  }

  const structuredTitle = cleanText(typeof posting?.title === 'string' ? posting.title : null, FIELD_LIMITS.title);
  const organization = record(posting?.hiringOrganization);
  const structuredCompany = cleanText(typeof organization?.name === 'string' ? organization.name : null, FIELD_LIMITS.company);

  let title = structuredTitle;
  let company = structuredCompany;
  let location: string | null = null;
  if (heading) {
    const prefix = structuredTitle && structuredCompany ? `${structuredTitle} at ${structuredCompany} - ` : null;
    if (prefix && heading.startsWith(prefix)) {
      location = heading.slice(prefix.length).trim() || null;
    } else {
      const parts = splitHeading(heading, ' at ', canonical);
      title ??= parts.title;
      company ??= parts.company;
      location = parts.location;
    }
  }

  const salaryText = cleanText(labelValue($, 'Salary'), FIELD_LIMITS.salaryText);
  const locationType = posting?.jobLocationType;
  const telecommute = locationType === 'TELECOMMUTE' || (Array.isArray(locationType) && locationType.includes('TELECOMMUTE'));
  const description = typeof posting?.description === 'string' ? cleanHtml(posting.description) : '';
  return {
    url: canonical,
    title,
    company,
    location: location ? cleanText(location, FIELD_LIMITS.location) : null,
    salaryText,
    salary: posting ? statedSalary(posting, salaryText) : null,
    remote: telecommute ? 'remote' : null,
    visaSponsorship: visaFlag(labelValue($, 'Visa Sponsorship')),
    postedAt: parseDate(posting?.datePosted),
    descriptionHtml: description || null,
    expired: /this job posting is no longer available/i.test($('body').text()),
  };
}
