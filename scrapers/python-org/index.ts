import { detailPageFeedBoard } from '../fetch/board-requests';
import { FIELD_LIMITS, truncate } from '../formats';
import type { BoardDefinition, RawListing } from '../types';
import { parseJobPage, type PythonOrgJobPage } from './page';
import { BOARD_ID, NAME, parsePythonOrgFeed, titleWithoutCompany, type FeedJob } from './parse';

export { parseJobPage, type PythonOrgJobPage } from './page';
export { parsePythonOrg, parsePythonOrgFeed, splitPythonOrgTitle, tidyLocation, titleWithoutCompany, type FeedJob } from './parse';

/**
 * Does the feed entry lack something its job page states? The feed never carries the posting
 * date (nor technologies and category), so every new item qualifies; only new items are read,
 * and the feed holds 20, so this is at most the 20-page cap on the first run and a few pages
 * on later ones.
 */
export function feedJobLacksFields(job: FeedJob): boolean {
  const { listing } = job;
  return !listing.company || !listing.location || !listing.postedAt;
}

/**
 * A feed listing completed from its job page. The page's company name is authoritative (the
 * feed title "{title}, {company}" is ambiguous when either contains ", "), and the title is
 * re-cut with it (else the page's own "Job Title" is used); the page adds the posting time, technologies and category as tags, and
 * "Telecommuting is OK" / "No telecommuting" as stated remote / onsite.
 */
export function mergeJobPage(job: FeedJob, page: PythonOrgJobPage): FeedJob {
  const feed = job.listing;
  const recut = page.company ? titleWithoutCompany(job.heading, page.company) : null;
  const listing: RawListing = {
    ...feed,
    title: recut ? truncate(recut, FIELD_LIMITS.title) : (page.title ?? feed.title),
    company: page.company ?? feed.company,
    location: feed.location ?? page.location,
    tags: [...new Set([...feed.tags, ...page.tags])],
    descriptionHtml: feed.descriptionHtml || page.descriptionHtml,
    postedAt: feed.postedAt ?? page.postedAt,
  };
  if (page.telecommuting !== null) listing.stated = { ...feed.stated, remote: page.telecommuting ? 'remote' : 'onsite' };
  return { listing, heading: job.heading };
}

/**
 * The feed (conditional GET: 304 ends the run), then the job page of each new item, at most
 * 20 per run; a page that fails is logged and its item kept as the feed gave it. Not complete:
 * the feed is the 20 newest approved jobs (Job.objects.approved()[:20]) while the board lists
 * more (the captured job page says "28 jobs on the Python Job Board").
 */
export const board: BoardDefinition = detailPageFeedBoard({
  id: BOARD_ID,
  name: NAME,
  url: 'https://www.python.org/jobs/feed/rss/',
  homepage: 'https://www.python.org/jobs/',
  parseFeed: parsePythonOrgFeed,
  needsDetail: feedJobLacksFields,
  merge: (job, html) => mergeJobPage(job, parseJobPage(html)),
});
