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
import { cleanHtml, FIELD_LIMITS, truncate } from '../formats';
import type { ParseResult, RawListing } from '../types';

// We Work Remotely's category feeds (RSS 2.0). Each item: <title>Company: Job title</title>,
// <region> ("Anywhere in the World", "USA Only"), <category>, <type> ("Full-Time",
// "Contract"), <description> (escaped HTML: logo, headquarters, the ad, "To apply"),
// <pubDate>, <expires_at>, <guid> and <link> (the same weworkremotely.com URL), an optional
// <media:content> logo. That is the 2022 shape (shared capture wwr-1.rss); later feeds add
// <skills> (comma-separated), <country> and <state>, read here when present.

export const BOARD_ID = 'weworkremotely';
export const NAME = 'We Work Remotely';

const ITEM_FIELDS: readonly CustomItemField[] = [
  'region',
  'type',
  'skills',
  'country',
  'state',
  'expires_at',
  ['media:content', 'mediaContent', { keepArray: true }],
];

/** "Company: Job title" -> both parts; a title without ": " keeps the whole text as the title. */
export function splitWwrTitle(text: string): { company: string | null; title: string } {
  const colon = text.indexOf(': ');
  if (colon <= 0) return { company: null, title: text };
  const company = text.slice(0, colon).trim();
  const title = text.slice(colon + 2).trim();
  return title && company ? { company, title } : { company: null, title: text };
}

/** The region, then state and country when the feed names them and the region does not already. */
function location(entry: FeedEntry): string | null {
  const parts: string[] = [];
  for (const value of [entry.region, entry.state, entry.country]) {
    const part = plainText(value);
    if (!part) continue;
    const lower = part.toLowerCase();
    if (parts.some((seen) => seen.toLowerCase().includes(lower))) continue;
    parts.push(part);
  }
  return parts.length ? truncate(parts.join(', '), FIELD_LIMITS.location) : null;
}

function toListing(entry: FeedEntry): RawListing | { skip: string } {
  const fullTitle = plainText(entry.title);
  if (!fullTitle) return { skip: 'title: missing or empty' };
  const { company, title } = splitWwrTitle(fullTitle);
  const url = feedUrl(entry.link) ?? feedUrl(entry.guid);
  if (!url) return { skip: linkProblem(entry) };
  return {
    board: BOARD_ID,
    externalId: feedText(entry.guid)?.trim() || url,
    url,
    title: truncate(title, FIELD_LIMITS.title),
    company: company ? truncate(company, FIELD_LIMITS.company) : null,
    location: location(entry),
    salaryText: null,
    // The employment type is a tag like the board's own category and skills.
    tags: feedTags([feedText(entry.type), ...feedList(entry.categories), ...feedList(entry.skills, { split: true })]),
    descriptionHtml: cleanHtml(feedText(entry.content)),
    postedAt: parseFeedDate(entry.pubDate),
    // Every job on We Work Remotely is remote; <region> says where from.
    stated: { remote: 'remote' },
  };
}

/** Parse a We Work Remotely category feed. Throws ParseError when the body is not a whole RSS feed. */
export async function parseWeWorkRemotely(xml: string): Promise<ParseResult> {
  const feed = await readFeed(xml, { boardName: NAME, accept: ['rss'], customItemFields: ITEM_FIELDS });
  const { values: items, skipped } = mapEntries(feed.entries, toListing);
  return { items, skipped };
}
