import { cleanHtml, FIELD_LIMITS } from '../formats';
import type { ParseResult, RawListing } from '../types';
import {
  feedList,
  feedTags,
  feedText,
  feedUrl,
  linkProblem,
  parseFeedDate,
  plainText,
  mapEntries,
  readFeed,
  type CustomItemField,
  type FeedEntry,
} from '../formats/feed-xml';

// Any RSS 2.0, RSS 1.0 (RDF) or Atom feed a user adds. Nothing about the board is known, so
// every field comes from the common places: the title as given; the company from an explicit
// company element, the author (dc:creator, <author>, Atom author name), or the title's
// "Company: Title" / "Title at Company" shape; categories as tags.

/** Elements job feeds commonly add (WP Job Manager's job_listing:*, plain <location>/<company>, WWR's <region>). */
const EXTRA_FIELDS: readonly CustomItemField[] = [
  ['category', 'categoryElements', { keepArray: true }],
  'location',
  'company',
  'region',
  'job_listing:location',
  'job_listing:company',
  'job_listing:job_type',
];

// An author that names the feed, a role account or nobody is not a company.
const GENERIC_AUTHOR =
  /^(?:admin(?:istrator)?|editor|staff|team|webmaster|jobs?|careers?|hr|hiring|recruit(?:er|ing|ment)?|unknown|anonymous|none|n\/a)$/i;
const EMAIL = /^[^\s@()<>]+@[^\s@()<>]+\.[^\s@()<>]+$/;

/** A company from an author value: "jobs@acme.com (Acme Inc)" -> "Acme Inc"; an email alone, a role or the feed's own name -> null. */
export function companyFromAuthor(value: string | null, feedTitle: string | null): string | null {
  if (!value) return null;
  let name = value.trim();
  const withEmail = /^\S+@\S+\s*\(([^)]+)\)$/.exec(name);
  if (withEmail) name = withEmail[1]!.trim();
  const angle = /^(.+?)\s*<[^>]+@[^>]+>$/.exec(name);
  if (angle) name = angle[1]!.trim();
  if (!name || EMAIL.test(name) || GENERIC_AUTHOR.test(name)) return null;
  const feed = feedTitle?.trim().toLowerCase();
  if (feed && (feed === name.toLowerCase() || feed.includes(name.toLowerCase()))) return null;
  return name;
}

// Words that make "X: rest" a title with a colon ("Senior Engineer: Payments"), not "Company: Title".
const JOB_WORDS =
  /\b(?:engineer|developer|programmer|architect|senior|junior|lead|principal|staff|manager|intern|remote|hiring|hire|job|jobs|position|role|wanted|full[- ]?time|part[- ]?time|contract|freelance|urgent|new|backend|frontend|full[- ]?stack)\b/i;

/** The company in a title shaped "Company: Title" or "Title at Company" / "Title @ Company", else null. */
export function companyFromTitle(title: string): string | null {
  const colon = title.indexOf(': ');
  if (colon > 0) {
    const prefix = title.slice(0, colon).trim();
    const rest = title.slice(colon + 2).trim();
    if (rest && prefix.length <= 60 && prefix.split(/\s+/).length <= 6 && !JOB_WORDS.test(prefix)) return prefix;
  }
  const at = Math.max(title.lastIndexOf(' at '), title.lastIndexOf(' @ '));
  if (at > 0) {
    const after = title.slice(at + (title.startsWith(' @ ', at) ? 3 : 4));
    // "Engineer at Acme - Berlin", "Engineer at Acme (Remote)", "Engineer at Acme | Go": the company ends there.
    const company = after.split(/\s+[-–—|]\s+|\s+\(/)[0]!.trim();
    if (/^[\p{Lu}\p{N}]/u.test(company) && company.length <= 80 && company.split(/\s+/).length <= 8) return company;
  }
  return null;
}

type Outcome = RawListing | { skip: string };

function toListing(entry: FeedEntry, boardId: string, feedTitle: string | null): Outcome {
  const title = plainText(entry.title, FIELD_LIMITS.title);
  if (!title) return { skip: 'title: missing or empty' };
  const url = feedUrl(entry.link) ?? feedUrl(entry.guid);
  if (!url) return { skip: linkProblem(entry) };

  const explicitCompany = plainText(entry['job_listing:company'] ?? entry.company, FIELD_LIMITS.company);
  const author = plainText(entry.creator ?? entry.author, FIELD_LIMITS.company);
  const company = explicitCompany ?? companyFromAuthor(author, feedTitle) ?? companyFromTitle(title);

  const id = feedText(entry.guid) ?? feedText(entry.id) ?? feedText(entry['rdf:about']);
  return {
    board: boardId,
    externalId: id?.trim() || url,
    url,
    title,
    company,
    location: plainText(entry['job_listing:location'] ?? entry.location ?? entry.region, FIELD_LIMITS.location),
    salaryText: null,
    tags: feedTags([...feedList(entry.categoryElements), ...feedList(entry['job_listing:job_type'])]),
    descriptionHtml: cleanHtml(feedText(entry['content:encoded']) ?? feedText(entry.content) ?? feedText(entry.summary)),
    postedAt:
      parseFeedDate(entry.pubDate) ?? parseFeedDate(entry.published) ?? parseFeedDate(entry.date) ?? parseFeedDate(entry.updated),
  };
}

/**
 * Parse any RSS 2.0, RSS 1.0/RDF or Atom feed into listings for board `boardId`. Throws
 * ParseError when the body is not a whole feed (empty, HTML, truncated, not XML).
 */
export async function parseFeed(xml: string, boardId: string): Promise<ParseResult> {
  const feed = await readFeed(xml, { boardName: boardId, accept: ['rss', 'rdf', 'atom'], customItemFields: EXTRA_FIELDS });
  const { values: items, skipped } = mapEntries(feed.entries, (entry) => toListing(entry, boardId, feed.title));
  return { items, skipped };
}
