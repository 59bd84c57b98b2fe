import { parseJobPage, type JobPage } from '../../scrapers/job-page/parse';
import type { StatedSalary } from '../../scrapers/types';
import { prepareListing, type PreparedListing } from '../ingest/prepare';
import { validateRawListing } from '../ingest/validate';
import type { UsdRates } from '../salary/normalize';

// A job page read and prepared like a board's listing: cheerio over up to 3 MB of someone's
// HTML, then sanitize and classify. CPU work on what a person named, so it runs in the
// ingestion worker pool (lib/ingest/prepare-worker.ts), never on the serving thread.

/** What a page (or the save form) says about a job, before it is classified and sanitized. */
export interface PageSnapshot {
  url: string;
  title: string;
  company: string | null;
  location: string | null;
  salaryText: string | null;
  salary?: StatedSalary | null;
  remote?: boolean;
  postedAt: Date | null;
  /** Untrusted HTML. */
  descriptionHtml: string;
}

export type PreparedPage = { ok: true; prepared: PreparedListing } | { ok: false; reason: string };
export type PageListing = { ok: true; page: JobPage & { title: string; source: Exclude<JobPage['source'], 'none'> }; prepared: PreparedListing } | { ok: false; reason: string };

/** Classified and sanitized like any listing (lib/ingest/prepare.ts), so a saved page and a board's copy agree. */
export function preparePage(s: PageSnapshot, rates: UsdRates): PreparedPage {
  const stated = { ...(s.salary ? { salary: s.salary } : {}), ...(s.remote ? { remote: 'remote' as const } : {}) };
  const checked = validateRawListing({
    board: 'page',
    externalId: s.url,
    url: s.url,
    title: s.title,
    company: s.company,
    location: s.location,
    salaryText: s.salaryText,
    tags: [],
    descriptionHtml: s.descriptionHtml,
    postedAt: s.postedAt,
    stated,
  });
  if (!checked.ok) return { ok: false, reason: `The page's job could not be used: ${checked.reason}.` };
  return { ok: true, prepared: prepareListing(checked.item, '', { isSample: false, rates }) };
}

/** Read a job page's HTML and prepare its job. */
export function pageListing(html: string, url: string, rates: UsdRates): PageListing {
  const page = parseJobPage(html, url);
  const { title, source } = page;
  if (!title || source === 'none') return { ok: false, reason: 'No job title found on the page (no JobPosting data, Open Graph title or <title>).' };
  const prepared = preparePage({ ...page, title, salaryText: null }, rates);
  return prepared.ok ? { ok: true, page: { ...page, title, source }, prepared: prepared.prepared } : prepared;
}
