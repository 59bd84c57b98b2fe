import * as cheerio from 'cheerio';
import { decodeEntities, lineText } from '../../lib/text';
import type { SalaryPeriod, StatedSalary } from '../types';

// What one job page says about its job: schema.org JobPosting JSON-LD (most hiring systems and
// many boards publish it), else Open Graph, else the <title>. Pure: HTML and the final URL in,
// plain fields out; classifying and sanitizing are lib's. All text is untrusted.

export interface JobPage {
  /** The page's final URL (after redirects). */
  url: string;
  title: string | null;
  company: string | null;
  location: string | null;
  /** The posting says the job is remote (jobLocationType TELECOMMUTE). */
  remote: boolean;
  salary: StatedSalary | null;
  postedAt: Date | null;
  validThrough: Date | null;
  employmentType: string[];
  /** Untrusted HTML. */
  descriptionHtml: string;
  /** Where the title came from: the JobPosting, Open Graph, the <title>, or nowhere. */
  source: 'json-ld' | 'open-graph' | 'title' | 'none';
}

/** Pages past this are cut before parsing: the JSON-LD sits in the first few hundred kB of real pages. */
export const MAX_PAGE_CHARS = 3_000_000;
const MAX_BLOCK_CHARS = 1_000_000;
const MAX_BLOCKS = 30;
/** Nodes visited per page while looking for a JobPosting (a @graph, nested arrays). */
const MAX_NODES = 5_000;
const MAX_DEPTH = 8;
const MAX_TEXT = 300;
/** As ingestion stores a company (lib/ingest/validate.ts). */
const MAX_COMPANY = 200;
const MAX_DESCRIPTION = 200_000;
const MAX_EMPLOYMENT_TYPES = 10;

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** "JobPosting", "schema:JobPosting" and "http://schema.org/JobPosting" are the same type. */
function hasType(node: Node, type: string): boolean {
  return asArray(node['@type']).some((t) => typeof t === 'string' && t.replace(/^.*[/:#]/, '').toLowerCase() === type.toLowerCase());
}

/** Text as cheerio gives it (attributes and <title> come decoded already): spaces collapsed, bounded. */
function collapse(value: string | undefined, max = MAX_TEXT): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, max) : null;
}

/** Plain text from a JSON-LD value (raw markup as the page wrote it): one line of lib/text's text, bounded. */
function plain(value: unknown, max = MAX_TEXT): string | null {
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') return null;
  const text = lineText(value);
  return text ? text.slice(0, max) : null;
}

function parseBlock(raw: string): unknown {
  const text = raw
    .replace(/^\ufeff/, '')
    .trim()
    // Old pages wrap the JSON in an HTML comment or CDATA for ancient browsers.
    .replace(/^(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/)/, '')
    .replace(/(?:-->|\/\*\s*\]\]>\s*\*\/)$/, '')
    .trim()
    .replace(/;$/, '');
  if (!text || text.length > MAX_BLOCK_CHARS) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // one broken block must not hide the others
  }
}

/** Every object in the blocks (arrays, @graph, nested values), breadth-first and bounded. */
function collectNodes(blocks: unknown[]): Node[] {
  const nodes: Node[] = [];
  const queue: Array<{ value: unknown; depth: number }> = blocks.map((value) => ({ value, depth: 0 }));
  let visited = 0;
  while (queue.length && visited < MAX_NODES) {
    const { value, depth } = queue.shift()!;
    visited += 1;
    if (depth > MAX_DEPTH) continue;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, MAX_NODES)) queue.push({ value: item, depth: depth + 1 });
    } else if (isNode(value)) {
      nodes.push(value);
      for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) queue.push({ value: child, depth: depth + 1 });
    }
  }
  return nodes;
}

/** A node given only as `{ "@id": ... }` (common in a @graph) is the full node with that id. */
function resolver(nodes: Node[]) {
  const byId = new Map<string, Node>();
  for (const node of nodes) if (typeof node['@id'] === 'string' && Object.keys(node).length > 1 && !byId.has(node['@id'])) byId.set(node['@id'], node);
  return (value: unknown): unknown => (isNode(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1 ? (byId.get(value['@id']) ?? value) : value);
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return plain(value);
  if (isNode(value)) return plain(value.name) ?? plain(value.legalName);
  return null;
}

function addressText(value: unknown, resolve: (v: unknown) => unknown): string | null {
  const address = resolve(value);
  if (typeof address === 'string') return plain(address);
  if (!isNode(address)) return null;
  const parts = [address.addressLocality, address.addressRegion, address.addressCountry].map((part) => nameOf(resolve(part)));
  const unique = parts.filter((p, i): p is string => Boolean(p) && parts.indexOf(p) === i);
  return unique.length ? unique.join(', ') : plain(address.name);
}

function placeText(value: unknown, resolve: (v: unknown) => unknown): string | null {
  const place = resolve(value);
  if (typeof place === 'string') return plain(place);
  if (!isNode(place)) return null;
  return addressText(place.address, resolve) ?? plain(place.name);
}

function locationOf(posting: Node, resolve: (v: unknown) => unknown): { location: string | null; remote: boolean } {
  const remote = asArray(posting.jobLocationType).some((t) => typeof t === 'string' && t.trim().toUpperCase() === 'TELECOMMUTE');
  const places = [...new Set(asArray(posting.jobLocation).slice(0, 20).map((p) => placeText(p, resolve)).filter((p): p is string => Boolean(p)))];
  const allowed = [...new Set(asArray(posting.applicantLocationRequirements).slice(0, 20).map((r) => nameOf(resolve(r))).filter((r): r is string => Boolean(r)))];
  const parts: string[] = [];
  if (remote) parts.push(allowed.length ? `Remote (${allowed.join(', ')})` : 'Remote');
  else if (allowed.length) parts.push(allowed.join(', '));
  parts.push(...places);
  const location = parts.join('; ').slice(0, MAX_TEXT);
  return { location: location || null, remote };
}

const PERIODS: Record<string, SalaryPeriod> = { YEAR: 'year', ANNUAL: 'year', MONTH: 'month', WEEK: 'week', DAY: 'day', HOUR: 'hour' };

function amount(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/[\s,]/g, '')) : NaN;
  return Number.isFinite(n) && n > 0 && n < 1e10 ? n : null;
}

/** baseSalary: a MonetaryAmount whose value is a number or a QuantitativeValue (value, or minValue/maxValue). */
function salaryOf(value: unknown, resolve: (v: unknown) => unknown): StatedSalary | null {
  const money = resolve(asArray(value)[0]);
  if (!isNode(money)) return null;
  const inner = resolve(money.value);
  const quantity = isNode(inner) ? inner : { value: inner };
  let min = amount(quantity.minValue);
  let max = amount(quantity.maxValue);
  const single = amount(quantity.value);
  if (min === null && max === null && single !== null) min = max = single;
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  const unit = typeof quantity.unitText === 'string' ? quantity.unitText : typeof money.unitText === 'string' ? money.unitText : '';
  const currency = typeof money.currency === 'string' && /^[a-z]{3}$/i.test(money.currency.trim()) ? money.currency.trim().toUpperCase() : null;
  return { min, max, currency, period: PERIODS[unit.trim().toUpperCase()] ?? null };
}

function dateOf(value: unknown): Date | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const date = new Date(value.trim());
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1990 || year > 2100 ? null : date;
}

/** The description as HTML. Some boards entity-escape it (`&lt;strong&gt;`): that is undone exactly once. */
function descriptionOf(value: unknown): string {
  if (typeof value !== 'string') return '';
  const html = value.slice(0, MAX_DESCRIPTION);
  return !/<[a-z!/]/i.test(html) && /&lt;\/?[a-z]/i.test(html) ? decodeEntities(html) : html;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function meta($: cheerio.CheerioAPI, key: string): string | null {
  const element = $(`meta[property="${key}"], meta[name="${key}"]`).first();
  return collapse(element.attr('content'), key.endsWith('description') ? 20_000 : MAX_TEXT);
}

/** Read a job page. Never throws on what the page holds; fields it does not state are null. */
export function parseJobPage(html: string, url: string): JobPage {
  const $ = cheerio.load(html.slice(0, MAX_PAGE_CHARS).replace(/^\ufeff/, ''));
  const blocks = $('script')
    .toArray()
    .filter((el) => /^\s*application\/ld\+json\s*(;|$)/i.test($(el).attr('type') ?? ''))
    .slice(0, MAX_BLOCKS)
    .map((el) => parseBlock($(el).html() ?? ''));
  const nodes = collectNodes(blocks.filter((b) => b !== undefined));
  const resolve = resolver(nodes);
  const postings = nodes.filter((node) => hasType(node, 'JobPosting'));
  // Several postings on one page (a list with one open): the first that has a title.
  const posting = postings.find((p) => plain(p.title) ?? plain(p.name)) ?? postings[0];

  const ogTitle = meta($, 'og:title');
  const pageTitle = collapse($('title').first().text());
  const ogDescription = meta($, 'og:description') ?? meta($, 'description');

  if (posting) {
    const { location, remote } = locationOf(posting, resolve);
    const title = plain(posting.title) ?? plain(posting.name);
    return {
      url,
      title: title ?? ogTitle ?? pageTitle,
      company: (nameOf(resolve(asArray(posting.hiringOrganization)[0])) ?? meta($, 'og:site_name'))?.slice(0, MAX_COMPANY) ?? null,
      location,
      remote,
      salary: salaryOf(posting.baseSalary, resolve),
      postedAt: dateOf(posting.datePosted),
      validThrough: dateOf(posting.validThrough),
      employmentType: [...new Set(asArray(posting.employmentType).map((t) => plain(t, 60)).filter((t): t is string => Boolean(t)))].slice(0, MAX_EMPLOYMENT_TYPES),
      descriptionHtml: descriptionOf(posting.description) || (ogDescription ? `<p>${escapeHtml(ogDescription)}</p>` : ''),
      source: title ? 'json-ld' : ogTitle ? 'open-graph' : pageTitle ? 'title' : 'none',
    };
  }
  return {
    url,
    title: ogTitle ?? pageTitle,
    company: meta($, 'og:site_name')?.slice(0, MAX_COMPANY) ?? null,
    location: null,
    remote: false,
    salary: null,
    postedAt: null,
    validThrough: null,
    employmentType: [],
    descriptionHtml: ogDescription ? `<p>${escapeHtml(ogDescription)}</p>` : '',
    source: ogTitle ? 'open-graph' : pageTitle ? 'title' : 'none',
  };
}
