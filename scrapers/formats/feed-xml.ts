import Parser from 'rss-parser';
import { ParseError } from '../errors';
import type { SkippedItem } from '../types';
import { parseDate } from './dates';
import { cleanText, normalizeTags } from './fields';
import { httpUrl } from './items';

// What every RSS/Atom board shares (custom-feed/, golang-cafe/, weworkremotely/, python-org/):
// the whole-body checks that turn a truncated response, an HTML page or garbage into a
// ParseError with a clear message, the rss-parser call (its parseString is async), small
// readers for the loosely typed values it returns, and the loop that maps entries to items.
//
// rss-parser (xml2js underneath) rejects malformed XML, but three of its habits need care:
// - its errors do not say what went wrong for the user ("Unable to parse XML." for a body cut
//   after a complete item), so the closing root tag is checked here first ("truncated");
// - for Atom it calls new Date(published).toISOString(), which throws for one unparseable
//   date and so fails the whole feed: entry dates are renamed before parsing and read by
//   parseFeedDate below instead (garbage -> null for that entry only);
// - an Atom <link>URL</link> without href makes it read .rel of undefined: rewritten to href.

export type FeedFormat = 'rss' | 'atom' | 'rdf';

/** One item/entry as rss-parser returns it: loosely typed, every value possibly missing. */
export type FeedEntry = Readonly<Record<string, unknown>>;

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  entries: FeedEntry[];
}

/** An rss-parser custom field: the element name, or [element, key, { keepArray }]. */
export type CustomItemField = string | [string, string] | [string, string, { keepArray: boolean }];

export interface ReadFeedOptions {
  /** Names the board in error messages ("We Work Remotely"). */
  boardName: string;
  /** The formats this board may send; anything else is a ParseError. */
  accept: readonly FeedFormat[];
  /** Extra item elements to copy (region, skills, job_listing:company ...). */
  customItemFields?: readonly CustomItemField[];
}

const ROOT_FORMAT: Readonly<Record<string, FeedFormat>> = { rss: 'rss', feed: 'atom' };

function describeExpected(accept: readonly FeedFormat[]): string {
  if (accept.length === 1 && accept[0] === 'rss') return 'an RSS feed';
  if (accept.length === 1 && accept[0] === 'atom') return 'an Atom feed';
  return 'an RSS or Atom feed';
}

/** A short printable sample of the body for error messages. */
export function bodySample(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The body without a BOM, leading prolog, comments and (non-HTML) doctype: where the root element starts. */
function skipProlog(text: string): string {
  let rest = text;
  for (;;) {
    const next = rest.replace(/^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\s+(?!html\b)[^>[]*(?:\[[\s\S]*?\])?\s*>)/i, '');
    if (next === rest) return rest.trimStart();
    rest = next;
  }
}

/**
 * Check that the body is a whole feed of an accepted format, and say which. Throws ParseError
 * for an empty body, an HTML page, JSON, non-XML text, another XML document, or a feed whose
 * closing root tag is missing (a truncated response).
 */
export function checkFeedBody(body: string, options: Pick<ReadFeedOptions, 'boardName' | 'accept'>): { text: string; format: FeedFormat } {
  const { boardName, accept } = options;
  const expected = describeExpected(accept);
  const text = body.replace(/^\ufeff/, '').trim();
  if (!text) throw new ParseError(`${boardName}: the response body is empty, expected ${expected}`);
  const start = skipProlog(text);
  if (/^<(?:!doctype\s+html|html|head|body)\b/i.test(start)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
    const shown = title ? cleanText(title) : null;
    throw new ParseError(`${boardName}: expected ${expected} but got an HTML page${shown ? ` ("${bodySample(shown)}")` : ''}`);
  }
  if (/^[[{]/.test(start)) throw new ParseError(`${boardName}: expected ${expected} but got JSON: ${bodySample(start)}`);
  const root = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[\s>/]/.exec(start)?.[1];
  if (!root) throw new ParseError(`${boardName}: expected ${expected} but the body is not XML: ${bodySample(start)}`);
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
  const format: FeedFormat | undefined = ROOT_FORMAT[root] ?? (local === 'RDF' ? 'rdf' : undefined);
  if (!format) throw new ParseError(`${boardName}: expected ${expected} but the XML document's root element is <${root}>`);
  if (!accept.includes(format)) {
    const got = format === 'atom' ? 'an Atom feed' : format === 'rdf' ? 'an RSS 1.0 (RDF) feed' : 'an RSS 2.0 feed';
    throw new ParseError(`${boardName}: expected ${expected} but got ${got}`);
  }
  const closing = new RegExp(`</${root.replace(/[.]/g, '\\.')}\\s*>\\s*(?:<!--[\\s\\S]*?-->\\s*)*$`);
  if (!closing.test(text)) {
    throw new ParseError(`${boardName}: the feed ends early (no closing </${root}> tag): truncated response? It ends with "${bodySample(text.slice(-60))}"`);
  }
  return { text, format };
}

/** Atom fixes applied before rss-parser sees the body (see the note at the top). */
function prepareAtom(text: string): string {
  return (
    text
      // Entry dates are read by parseFeedDate, not by rss-parser's throwing new Date().toISOString().
      .replace(/<(\/?)(published|updated)(?=[\s>/])/g, '<$1trackend-$2')
      // <link>URL</link> (no href) would make rss-parser read .rel of undefined and fail the feed.
      .replace(/<link>\s*([^<\s]+)\s*<\/link>/g, (_whole, url: string) => `<link href="${url.replace(/"/g, '&quot;')}"/>`)
  );
}

const ATOM_DATE_FIELDS: readonly CustomItemField[] = [
  ['trackend-published', 'published'],
  ['trackend-updated', 'updated'],
];

/** Check the body, then parse it with rss-parser. Throws ParseError for anything that is not a usable feed. */
export async function readFeed(body: string, options: ReadFeedOptions): Promise<ParsedFeed> {
  const { text, format } = checkFeedBody(body, options);
  const customItem = [...(options.customItemFields ?? []), ...(format === 'atom' ? ATOM_DATE_FIELDS : [])];
  // A new parser per call: rss-parser keeps one xml2js parser per instance.
  const parser = new Parser({ defaultRSS: 2, customFields: { item: customItem as string[] } });
  let output: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    output = await parser.parseString(format === 'atom' ? prepareAtom(text) : text);
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    throw new ParseError(`${options.boardName}: the feed is not well-formed XML: ${detail}`, { cause: error });
  }
  return {
    format,
    title: feedText(output.title),
    link: feedText(output.link),
    entries: (output.items ?? []) as unknown as FeedEntry[],
  };
}

/** Every string inside an xml2js value, depth first (for elements with markup inside, such as xhtml titles). */
function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) for (const part of value) collectStrings(part, out);
  else if (value && typeof value === 'object') {
    for (const [key, part] of Object.entries(value)) if (key !== '$') collectStrings(part, out);
  }
}

/** A feed value as a string: a string, xml2js's { _: text, $: attrs }, the first of an array. Empty -> null. */
export function feedText(value: unknown): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return value.trim() ? value : null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const part of value) {
      const text = feedText(part);
      if (text) return text;
    }
    return null;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record._ === 'string') return record._.trim() ? record._ : null;
    const parts: string[] = [];
    collectStrings(record, parts);
    const joined = parts.join(' ');
    return joined.trim() ? joined : null;
  }
  return null;
}

/** An attribute of an xml2js element ({ $: { url: ... } }), or of the first element of an array. */
export function feedAttr(value: unknown, name: string): string | null {
  const element: unknown = Array.isArray(value) ? value[0] : value;
  if (!element || typeof element !== 'object') return null;
  const attrs = (element as { $?: Record<string, unknown> }).$;
  const found = attrs?.[name];
  return typeof found === 'string' && found.trim() ? found.trim() : null;
}

/**
 * Category-like values as strings: RSS <category>text</category> (string or { _ }), Atom
 * <category term label/> ({ $ }), or one comma-separated string ("Python, Django").
 */
export function feedList(value: unknown, options: { split?: boolean } = {}): string[] {
  const values = Array.isArray(value) ? value : value == null ? [] : [value];
  const out: string[] = [];
  for (const entry of values) {
    const text = feedText(entry) ?? feedAttr(entry, 'label') ?? feedAttr(entry, 'term');
    if (!text) continue;
    if (options.split) out.push(...text.split(/[,;|]/));
    else out.push(text);
  }
  return out;
}

// Mathematical alphanumerics (𝗣𝘆𝘁𝗵𝗼𝗻, 𝐁𝐚𝐜𝐤𝐞𝐧𝐝) are posters' bold/italic "styling": plain letters for search.
const STYLED_LETTERS = /[\u{1D400}-\u{1D7FF}]/gu;

/** Plain one-line text for titles, companies and locations: entities decoded, styled letters unstyled, cut to max. */
export function plainText(value: unknown, max?: number): string | null {
  const text = feedText(value);
  if (text == null) return null;
  return cleanText(text.replace(STYLED_LETTERS, (char) => char.normalize('NFKC')), max);
}

/** Tags as the project wants them: plain, lower-case, deduped. */
export function feedTags(values: Iterable<string | null | undefined>): string[] {
  return normalizeTags(values);
}

/** The value as an absolute http(s) URL, or null. */
export function feedUrl(value: unknown): string | null {
  const text = feedText(value) ?? feedAttr(value, 'href');
  return text ? httpUrl(text.trim()) : null;
}

/**
 * A feed date: RFC 822/1123 (two- or four-digit year, named or numeric zone), ISO 8601,
 * dc:date, as lib/dates reads every source's dates. Missing, garbage or implausible -> null,
 * never an Invalid Date.
 */
export function parseFeedDate(value: unknown): Date | null {
  return parseDate(feedText(value));
}

/** What names an entry in skip reasons: its guid, Atom id or rdf:about, else its link, else its position. */
export function entryRef(entry: FeedEntry, index: number): string {
  return feedText(entry.guid) ?? feedText(entry.id) ?? feedText(entry['rdf:about']) ?? feedText(entry.link) ?? `#${index}`;
}

/** The reason an entry has no usable link, for SkippedItem.reason. */
export function linkProblem(entry: FeedEntry): string {
  const raw = feedText(entry.link);
  return raw ? `link: not an absolute http(s) URL (${JSON.stringify(bodySample(raw, 120))})` : 'link: missing';
}

/**
 * Each entry mapped to a value, or skipped with the reason `map` gives (named by entryRef):
 * one bad entry never fails the feed.
 */
export function mapEntries<T extends object>(entries: readonly FeedEntry[], map: (entry: FeedEntry) => T | { skip: string }): { values: T[]; skipped: SkippedItem[] } {
  const values: T[] = [];
  const skipped: SkippedItem[] = [];
  entries.forEach((entry, index) => {
    const outcome = map(entry);
    if ('skip' in outcome) skipped.push({ reason: outcome.skip, ref: entryRef(entry, index) });
    else values.push(outcome);
  });
  return { values, skipped };
}
