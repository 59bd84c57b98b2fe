import { detailPageFeedBoard } from '../fetch/board-requests';
import type { BoardDefinition, RawListing } from '../types';
import { parseJobPage, type GolangCafeJobPage } from './page';
import { BOARD_ID, NAME, parseGolangCafeFeed, type FeedJob } from './parse';

export { jobSlugKey, slugKey, splitHeading, type HeadingParts } from './heading';
export { parseJobPage, type GolangCafeJobPage } from './page';
export { parseGolangCafe, parseGolangCafeFeed, salaryFromDescription, type FeedJob } from './parse';

/** Does the feed entry lack something its job page states? */
export function feedJobLacksFields(job: FeedJob): boolean {
  const { listing } = job;
  return !listing.salaryText || !listing.company || !listing.location;
}

/**
 * A feed listing completed from its job page. The feed's values stay, except that a heading
 * the URL's slug did not confirm gives way to the page's structured title and company (and
 * the location read with them). The page adds what the feed never has: the stated salary
 * (JSON-LD baseSalary), remote (jobLocationType TELECOMMUTE) and visa sponsorship.
 */
export function mergeJobPage(job: FeedJob, page: GolangCafeJobPage): FeedJob {
  const feed = job.listing;
  const pageFirst = !job.headingConfirmed;
  const pick = <T>(fromFeed: T | null, fromPage: T | null): T | null => (pageFirst ? (fromPage ?? fromFeed) : (fromFeed ?? fromPage));
  const stated: NonNullable<RawListing['stated']> = { ...feed.stated };
  if (page.salary) stated.salary = page.salary;
  if (page.remote) stated.remote = page.remote;
  if (page.visaSponsorship !== null) stated.visaSponsorship = page.visaSponsorship;
  const listing: RawListing = {
    ...feed,
    title: pick(feed.title, page.title) ?? feed.title,
    company: pick(feed.company, page.company),
    location: pick(feed.location, page.location),
    salaryText: feed.salaryText ?? page.salaryText,
    descriptionHtml: feed.descriptionHtml || page.descriptionHtml || '',
    postedAt: feed.postedAt ?? page.postedAt,
  };
  if (Object.keys(stated).length) listing.stated = stated;
  return { listing, headingConfirmed: job.headingConfirmed };
}

/**
 * The feed (conditional GET: 304 ends the run), then the job page of each NEW item whose feed
 * entry lacks the salary, company or location, at most 20 per run. A page that fails is
 * logged and its item kept as the feed gave it. Never complete: the feed holds only the 20
 * newest jobs.
 */
export const board: BoardDefinition = detailPageFeedBoard({
  id: BOARD_ID,
  name: NAME,
  url: 'https://golang.cafe/rss',
  homepage: 'https://golang.cafe',
  parseFeed: parseGolangCafeFeed,
  needsDetail: feedJobLacksFields,
  merge: (job, html) => mergeJobPage(job, parseJobPage(html)),
});
