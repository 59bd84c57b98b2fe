import {
  feedText,
  feedUrl,
  linkProblem,
  plainText,
  mapEntries,
  readFeed,
  type FeedEntry,
} from '../formats/feed-xml';
import { cleanHtml, cleanText, FIELD_LIMITS, truncate } from '../formats';
import type { ParseResult, RawListing, SkippedItem } from '../types';

// Python.org's job feed, https://www.python.org/jobs/feed/rss/ (Django's syndication framework,
// jobs/feeds.py in python/pythondotorg; shared capture pythonorg-1.rss). The 20 most recently
// approved jobs, newest first; each <item> has only
//   <title>{job title}, {company name}</title>            (Job.display_name)
//   <link> and <guid>: https://www.python.org/jobs/{id}/
//   <description>{city, region, country}\n{description HTML}\n{requirements HTML}</description>
// and NO <pubDate> and no categories: the posting date and the job's technologies and
// category are on the job page (see page.ts).

export const BOARD_ID = 'python-org';
export const NAME = 'Python.org Jobs';

// A last segment like these is the end of the company's name ("UpDoc, Inc."), not the company.
const COMPANY_SUFFIX =
  /^(?:inc|incorporated|llc|l\.l\.c|llp|lp|ltd|limited|plc|gmbh|ag|kg|ug|se|sa|s\.a|sas|sarl|s\.l|sl|srl|s\.r\.l|spa|s\.p\.a|bv|b\.v|nv|n\.v|oy|ab|as|a\/s|aps|kft|corp|corporation|co|company|pty(?: ltd)?|pvt(?: ltd)?|private limited|sp\. z o\.o|s\.a\.s)\.?$/i;

/**
 * "{job title}, {company}" -> both parts. The company is after the last ", " unless that last
 * part is a legal suffix ("Senior Software Engineer, AI, UpDoc, Inc." -> "UpDoc, Inc."). A
 * title or company that itself contains ", " can still be cut wrongly: the job page's
 * company name settles it when the page is read (see mergeJobPage).
 */
export function splitPythonOrgTitle(text: string): { title: string; company: string | null } {
  const parts = text.split(', ');
  if (parts.length < 2) return { title: text.trim(), company: null };
  let take = 1;
  if (parts.length >= 3 && COMPANY_SUFFIX.test(parts.at(-1)!.trim())) take = 2;
  const title = parts.slice(0, -take).join(', ').trim();
  const company = parts.slice(-take).join(', ').trim();
  return title && company ? { title, company } : { title: text.trim(), company: null };
}

/** Cut "{title}, {company}" when the company is known (from the job page); null when the text does not end with it. */
export function titleWithoutCompany(text: string, company: string): string | null {
  const suffix = `, ${company}`;
  return text.endsWith(suffix) && text.length > suffix.length ? text.slice(0, -suffix.length).trim() : null;
}

/** "Remote, Remote, United States" -> "Remote, United States": the board joins city, region and country blindly. */
export function tidyLocation(text: string | null): string | null {
  if (!text) return null;
  const parts: string[] = [];
  for (const part of text.split(',').map((piece) => piece.trim())) {
    if (part && parts.at(-1)?.toLowerCase() !== part.toLowerCase()) parts.push(part);
  }
  return parts.length ? truncate(parts.join(', '), FIELD_LIMITS.location) : null;
}

/** The feed description's first line is the location; the rest is the description and requirements HTML. */
function splitDescription(description: string): { location: string | null; html: string } {
  const newline = description.indexOf('\n');
  const first = newline === -1 ? description : description.slice(0, newline);
  // A first line with markup is not the location line (the template always writes one, but be safe).
  if (/<[a-z/]/i.test(first)) return { location: null, html: description };
  return { location: tidyLocation(cleanText(first)), html: newline === -1 ? '' : description.slice(newline + 1) };
}

/** A feed item as a listing, plus the full title text (kept to re-cut it once the page names the company). */
export interface FeedJob {
  listing: RawListing;
  heading: string;
}

function toFeedJob(entry: FeedEntry): FeedJob | { skip: string } {
  const heading = plainText(entry.title);
  if (!heading) return { skip: 'title: missing or empty' };
  const url = feedUrl(entry.link) ?? feedUrl(entry.guid);
  if (!url) return { skip: linkProblem(entry) };
  const { title, company } = splitPythonOrgTitle(heading);
  const { location, html } = splitDescription(feedText(entry.content) ?? '');
  return {
    heading,
    listing: {
      board: BOARD_ID,
      externalId: feedText(entry.guid)?.trim() || url,
      url,
      title: truncate(title, FIELD_LIMITS.title),
      company: company ? truncate(company, FIELD_LIMITS.company) : null,
      location,
      salaryText: null,
      tags: [],
      descriptionHtml: cleanHtml(html),
      // The feed has no dates; the job page has the posting time.
      postedAt: null,
    },
  };
}

/** The feed's items with their full titles, for scrape(). */
export async function parsePythonOrgFeed(xml: string): Promise<{ jobs: FeedJob[]; skipped: SkippedItem[] }> {
  const feed = await readFeed(xml, { boardName: NAME, accept: ['rss'] });
  const { values: jobs, skipped } = mapEntries(feed.entries, toFeedJob);
  return { jobs, skipped };
}

/** Parse Python.org's job feed. Throws ParseError when the body is not a whole RSS feed. */
export async function parsePythonOrg(xml: string): Promise<ParseResult> {
  const { jobs, skipped } = await parsePythonOrgFeed(xml);
  return { items: jobs.map((job) => job.listing), skipped };
}
