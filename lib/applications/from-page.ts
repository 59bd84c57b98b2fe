import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { listings, type Application, type PostingSnapshot } from '../../db/schema';
import type { Db } from '../../db/types';
import { FetchError } from '../../scrapers/errors';
import type { FetchText, StatedSalary } from '../../scrapers/types';
import { canonicalUrl } from '../dedupe/keys';
import { recordHit, type RateLimit } from '../auth/rate-limit';
import { BadInputError, fieldErrors, TooManyRequestsError, UnreadablePageError } from '../errors';
import { createGuardedFetcher } from '../ingest/fetchers';
import { preparePool } from '../ingest/prepare-pool';
import { loadUsdRates } from '../salary/rates';
import { insertApplicationOnce } from './applications';
import { APPLIED_OR_BEYOND, dateSchema, sourceSchema, statusSchema, urlSchema } from './schemas';
import type { ApplicationSource } from './statuses';

// Saving a job from any page: the link is fetched only through the guarded fetcher (a person
// supplied it), read by scrapers/job-page, then classified and sanitized the way ingestion
// prepares a board's listing, in the worker pool (page-listing.ts). The form shows what was read before saving; POST /api/applications
// with a bare { url } reads and saves in one go.

/** What a page said about its job, ready to show and to correct (dates as ISO strings). */
export interface PageRead {
  /** The page's final URL, after redirects. */
  url: string;
  title: string;
  company: string | null;
  location: string | null;
  salaryText: string | null;
  postedAt: string | null;
  closesAt: string | null;
  employmentType: string[];
  remote: PostingSnapshot['remote'];
  languages: string[];
  seniority: string;
  role: string;
  /** Sanitized. */
  descriptionHtml: string;
  /** The description as text, for the form's editable excerpt. */
  descriptionText: string;
  /** The trackend listing with this canonical URL, when there is one. */
  listingId: number | null;
  /** A guess at where the job was found, for the form's source field. */
  suggestedSource: ApplicationSource | null;
  /** Where the title came from. */
  readFrom: 'json-ld' | 'open-graph' | 'title';
}

export interface ReadDeps {
  fetchText?: FetchText;
}

/** Longest page body read; real job pages are well under 1 MB. */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;
/** How much description text the form offers to edit. */
export const DESCRIPTION_EXCERPT_CHARS = 4000;

let defaultFetch: FetchText | null = null;
/** A person waits on this fetch: no retries, a short deadline. One fetcher, so one queue per host. */
function pageFetcher(): FetchText {
  defaultFetch ??= createGuardedFetcher({ retries: 0, connectTimeoutMs: 5_000, totalTimeoutMs: 15_000, maxBodyBytes: MAX_PAGE_BYTES, minIntervalMsPerHost: 200 }).fetchText;
  return defaultFetch;
}

const requiredUrl = urlSchema.refine((value) => typeof value === 'string', { error: 'Enter the link to the job.' });

function checkUrl(input: unknown): string {
  const result = requiredUrl.safeParse(input);
  if (!result.success) throw new BadInputError('Check the link.', fieldErrors(result.error, 'url'));
  return result.data;
}

const PERIOD_TEXT = { year: 'per year', month: 'per month', week: 'per week', day: 'per day', hour: 'per hour' } as const;
const amount = (n: number) => Math.round(n).toLocaleString('en-US');

/** "AUD 130,000–160,000 per year": what the form shows, and what lib/classify reads back when saved. */
export function salaryText(salary: StatedSalary | null): string | null {
  if (!salary || (salary.min === null && salary.max === null)) return null;
  const range = salary.min !== null && salary.max !== null && salary.min !== salary.max ? `${amount(salary.min)}–${amount(salary.max)}` : amount((salary.min ?? salary.max)!);
  return [salary.currency, range, salary.period ? PERIOD_TEXT[salary.period] : null].filter(Boolean).join(' ');
}

const HIRING_SYSTEMS = /(^|\.)(greenhouse\.io|lever\.co|ashbyhq\.com|workable\.com|myworkdayjobs\.com|smartrecruiters\.com|recruitee\.com|personio\.(de|com)|teamtailor\.com|bamboohr\.com)$/i;

function suggestSource(url: string, listingId: number | null): ApplicationSource | null {
  if (listingId !== null) return 'board';
  const host = new URL(url).hostname;
  if (/(^|\.)linkedin\.com$/i.test(host)) return 'linkedin';
  return HIRING_SYSTEMS.test(host) ? 'company_site' : null;
}

/** The listing trackend has under this link (either URL, canonicalised as ingestion does), as the job pages show it. */
async function listingAt(db: Db, urls: string[]): Promise<{ id: number; boardId: string } | null> {
  const keys = [...new Set(urls.map(canonicalUrl))];
  const [row] = await db
    .select({ id: sql<number>`coalesce(${listings.duplicateOf}, ${listings.id})`.mapWith(Number) })
    .from(listings)
    .where(inArray(listings.canonicalUrl, keys))
    .orderBy(sql`${listings.duplicateOf} is not null`, asc(listings.id))
    .limit(1);
  if (!row) return null;
  const [primary] = await db.select({ id: listings.id, boardId: listings.boardId }).from(listings).where(eq(listings.id, row.id));
  return primary ?? null;
}

function unreachable(error: unknown): never {
  if (error instanceof FetchError) {
    const reason =
      error.kind === 'refused'
        ? `${error.message}. trackend reads only public web pages.`
        : error.kind === 'http'
          ? `The page answered HTTP ${error.status ?? 'error'} (${error.message}).`
          : error.kind === 'too_large'
            ? `The page is too large to read (${error.message}).`
            : error.kind === 'timeout'
              ? `The page took too long to answer (${error.message}).`
              : error.message;
    throw new UnreadablePageError(reason);
  }
  throw error;
}

/**
 * Fetch a job page (guarded), read what it says and prepare it like a listing. BadInputError (400)
 * for a link that is not http(s); UnreadablePageError (422, with the reason) for a page that
 * cannot be reached or holds no job title.
 */
export async function readJobPage(db: Db, url: unknown, deps: ReadDeps = {}): Promise<PageRead> {
  const link = checkUrl(url);
  const fetchText = deps.fetchText ?? pageFetcher();
  const response = await fetchText(link, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' }).catch(unreachable);
  if (response.status === 304) throw new UnreadablePageError('The page answered 304 Not Modified with no content.');
  const type = response.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type && !/html|xml/.test(type)) throw new UnreadablePageError(`The link is ${type}, not a web page.`);
  const read = await preparePool().readPage(response, await loadUsdRates(db));
  if (!read.ok) throw new UnreadablePageError(read.reason);
  const { page, prepared } = read;
  const listing = await listingAt(db, [link, response.url]);
  return {
    url: response.url,
    title: prepared.title,
    company: prepared.company ?? null,
    location: prepared.location ?? null,
    salaryText: salaryText(page.salary),
    postedAt: page.postedAt?.toISOString() ?? null,
    closesAt: page.validThrough?.toISOString() ?? null,
    employmentType: page.employmentType,
    remote: prepared.remote ?? 'unknown',
    languages: prepared.languages ?? [],
    seniority: prepared.seniority ?? 'unknown',
    role: prepared.role ?? 'other',
    descriptionHtml: prepared.descriptionHtml ?? '',
    descriptionText: (prepared.descriptionText ?? '').slice(0, DESCRIPTION_EXCERPT_CHARS),
    listingId: listing?.id ?? null,
    suggestedSource: suggestSource(response.url, listing?.id ?? null),
    readFrom: page.source,
  };
}

/** Each read makes this server fetch a page someone named: a person saving jobs stays far below this. */
export const PAGE_READ_LIMIT: RateLimit = { limit: 60, windowMs: 10 * 60_000 };

async function countRead(db: Db, userId: string) {
  const state = await recordHit(db, `page-read:${userId}`, PAGE_READ_LIMIT);
  if (!state.allowed) throw new TooManyRequestsError('You read many pages in a short time. Wait a few minutes and try again.', state.retryAt);
}

/** The form's "Read page" (POST /api/applications/preview): what the page says, nothing saved. */
export async function previewJobPage(db: Db, userId: string, url: unknown, deps: ReadDeps = {}): Promise<PageRead> {
  checkUrl(url);
  await countRead(db, userId);
  return readJobPage(db, url, deps);
}

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const text = (max: number, label: string) => z.preprocess(blank, z.string({ error: `${label} must be text.` }).trim().max(max, { error: `${label}: at most ${max} characters.` }).nullable().optional());

/** The save form (and the read page, uncorrected): every field the user saw, as they left it. */
export const postingSaveSchema = z.object({
  url: requiredUrl,
  title: z.preprocess((v) => v ?? '', z.string({ error: 'Title must be text.' }).trim().min(1, { error: 'Enter the title.' }).max(300, { error: 'Title: at most 300 characters.' })),
  company: z.preprocess((v) => v ?? '', z.string({ error: 'Company must be text.' }).trim().min(1, { error: 'Enter the company.' }).max(200, { error: 'Company: at most 200 characters.' })),
  location: text(300, 'Location'),
  salaryText: text(200, 'Salary'),
  postedAt: dateSchema,
  closesAt: dateSchema,
  /** "FULL_TIME, CONTRACTOR" as the form shows it. */
  employmentType: text(300, 'Employment type'),
  description: text(20_000, 'Description'),
  status: z.preprocess(blank, statusSchema.nullable().optional()),
  source: z.preprocess(blank, sourceSchema.nullable().optional()),
  notes: z.preprocess((v) => v ?? '', z.string({ error: 'Notes must be text.' }).max(20_000, { error: 'Notes: at most 20000 characters.' })),
});

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The form's description is text: its paragraphs become <p>s. */
const paragraphs = (s: string) =>
  s
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

export interface SaveResult {
  application: Application;
  /** False when the link is a listing the user had already saved (that application is returned). */
  created: boolean;
}

/**
 * Save a job read from a page, as the user corrected it. Linked to the trackend listing with the
 * same canonical URL (one application per listing, as when saving from /jobs). `html` is the
 * page's own description when saved uncorrected (POST /api/applications with a bare url).
 */
export async function savePosting(
  db: Db,
  userId: string,
  input: unknown,
  options: { html?: string; employmentType?: string[]; linkUrls?: string[]; now?: Date } = {},
): Promise<SaveResult> {
  const result = postingSaveSchema.safeParse(input);
  if (!result.success) throw new BadInputError('Check the highlighted fields.', fieldErrors(result.error));
  const data = result.data;
  const url = data.url!;
  const now = options.now ?? new Date();
  const read = await preparePool().preparePage(
    {
      url,
      title: data.title,
      company: data.company,
      location: data.location ?? null,
      salaryText: data.salaryText ?? null,
      postedAt: data.postedAt ?? null,
      descriptionHtml: options.html ?? paragraphs(data.description ?? ''),
    },
    await loadUsdRates(db),
  );
  if (!read.ok) throw new BadInputError('Check the highlighted fields.', { form: read.reason });
  const { prepared } = read;
  const posting: PostingSnapshot = {
    salary: prepared.salaryMin != null || prepared.salaryMax != null ? { min: prepared.salaryMin ?? null, max: prepared.salaryMax ?? null, currency: prepared.salaryCurrency ?? null, period: prepared.salaryPeriod ?? null } : null,
    salaryText: data.salaryText ?? null,
    postedAt: data.postedAt?.toISOString() ?? null,
    closesAt: data.closesAt?.toISOString() ?? null,
    employmentType:
      options.employmentType ??
      [...new Set((data.employmentType ?? '').split(',').map((t) => t.trim()).filter(Boolean))].slice(0, 10),
    remote: prepared.remote ?? 'unknown',
    languages: prepared.languages ?? [],
    seniority: prepared.seniority ?? 'unknown',
    role: prepared.role ?? 'other',
    descriptionHtml: prepared.descriptionHtml ?? '',
    readAt: now.toISOString(),
  };
  const listing = await listingAt(db, [url, ...(options.linkUrls ?? [])]);
  const status = data.status ?? 'saved';
  return db.transaction((tx) =>
    insertApplicationOnce(
      tx,
      {
        userId,
        listingId: listing?.id ?? null,
        board: listing?.boardId ?? null,
        title: data.title,
        company: data.company,
        url,
        location: data.location ?? null,
        source: data.source ?? (listing ? 'board' : null),
        status,
        appliedAt: APPLIED_OR_BEYOND.includes(status) ? now : null,
        notes: data.notes,
        posting,
        createdAt: now,
        updatedAt: now,
      },
      `Saved from ${new URL(url).hostname}`,
    ),
  );
}

/** POST /api/applications `{ url }`: read the page and save what it says. */
export async function saveFromPage(db: Db, userId: string, input: { url?: unknown; notes?: unknown; status?: unknown; source?: unknown }, deps: ReadDeps & { now?: Date } = {}) {
  checkUrl(input.url);
  await countRead(db, userId);
  const read = await readJobPage(db, input.url, deps);
  const saved = await savePosting(
    db,
    userId,
    {
      url: read.url,
      title: read.title,
      company: read.company ?? new URL(read.url).hostname.replace(/^www\./, ''),
      location: read.location,
      salaryText: read.salaryText,
      postedAt: read.postedAt,
      closesAt: read.closesAt,
      status: input.status,
      source: input.source ?? read.suggestedSource,
      notes: input.notes,
    },
    { html: read.descriptionHtml, employmentType: read.employmentType, linkUrls: [String(input.url)], now: deps.now },
  );
  return { ...saved, read };
}
