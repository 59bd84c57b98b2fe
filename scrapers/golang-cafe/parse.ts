import {
  feedText,
  feedUrl,
  linkProblem,
  parseFeedDate,
  plainText,
  mapEntries,
  readFeed,
  type FeedEntry,
} from '../formats/feed-xml';
import { cleanHtml, cleanText, FIELD_LIMITS, truncate } from '../formats';
import type { ParseResult, RawListing, SkippedItem } from '../types';
import { splitHeading } from './heading';

// Golang Cafe's feed, https://golang.cafe/rss (no public capture exists; the facts come from
// the board's own code, see ../shared/fixtures/boards/golang-cafe-FORMAT.md): RSS 2.0 written
// by gorilla/feeds. The 20 most recently approved jobs; each <item> has
//   <title>{job title} with {company} - {location}</title>
//   <link>https://golang.cafe/job/{slug}</link>   (the identity: there is no <guid>)
//   <description>the job's Markdown as HTML, ending <p><strong>Salary Range:</strong> $100k - $120k</p></description>
//   <author>Golang Cafe</author> (the board, not the company), <pubDate> RFC 1123 with a numeric zone,
//   and with a company logo <enclosure url="https://golang.cafe/x/s/m/{id}" length="not implemented" type="image"/>.

export const BOARD_ID = 'golang-cafe';
export const NAME = 'Golang Cafe';

/** A feed item as a listing, with what the job page may add. */
export interface FeedJob {
  listing: RawListing;
  /** True when the URL's slug confirmed how the title was cut into title, company and location. */
  headingConfirmed: boolean;
}

// "<strong>Salary Range:</strong> $100k - $120k" (also "**Salary Range:**" if the Markdown was not rendered).
const SALARY_LINE = /(?:<(?:strong|b)>\s*Salary Range:?\s*<\/(?:strong|b)>|\*\*Salary Range:?\*\*)\s*:?\s*([^<\n]+)/i;

/** The salary range written at the end of the description ("$100k - $120k"), or null. */
export function salaryFromDescription(html: string): string | null {
  const match = SALARY_LINE.exec(html);
  return match ? cleanText(match[1], FIELD_LIMITS.salaryText) : null;
}

function toFeedJob(entry: FeedEntry): FeedJob | { skip: string } {
  const heading = plainText(entry.title);
  if (!heading) return { skip: 'title: missing or empty' };
  const url = feedUrl(entry.link);
  if (!url) return { skip: linkProblem(entry) };
  const parts = splitHeading(heading, ' with ', url);
  const description = cleanHtml(feedText(entry.content));
  return {
    headingConfirmed: parts.confirmed,
    listing: {
      board: BOARD_ID,
      // No <guid>: the link is the item's identity.
      externalId: url,
      url,
      title: truncate(parts.title, FIELD_LIMITS.title),
      company: parts.company ? truncate(parts.company, FIELD_LIMITS.company) : null,
      location: parts.location ? truncate(parts.location, FIELD_LIMITS.location) : null,
      salaryText: salaryFromDescription(description),
      tags: [],
      descriptionHtml: description,
      postedAt: parseFeedDate(entry.pubDate),
    },
  };
}

/** The feed's items with the heading confidence scrape() needs when merging job pages. */
export async function parseGolangCafeFeed(xml: string): Promise<{ jobs: FeedJob[]; skipped: SkippedItem[] }> {
  const feed = await readFeed(xml, { boardName: NAME, accept: ['rss'] });
  const { values: jobs, skipped } = mapEntries(feed.entries, toFeedJob);
  return { jobs, skipped };
}

/** Parse Golang Cafe's RSS feed. Throws ParseError when the body is not a whole RSS feed. */
export async function parseGolangCafe(xml: string): Promise<ParseResult> {
  const { jobs, skipped } = await parseGolangCafeFeed(xml);
  return { items: jobs.map((job) => job.listing), skipped };
}
