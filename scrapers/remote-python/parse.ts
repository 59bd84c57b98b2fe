import { plainText } from '../formats/feed-xml';
import { loadHtmlPage, pageTitle } from '../formats/html-page';
import { ParseError } from '../errors';
import { FIELD_LIMITS, httpUrl } from '../formats';
import type { ParseResult, RawListing, SkippedItem } from '../types';

// Remote Python (https://www.remotepython.com/jobs/) publishes no feed, so its job LIST page is
// read. Where the markup facts come from (public scraper code; no saved copy of the page was
// found):
//   - Hellothereobi123/geakminds_scanner, util/webscrape.py: each job is an element with class
//     "item"; the title is its h3 and the link the h3's <a href> (relative,
//     "/jobs/{32 hex}/"); the company is `h5 span.color-black`; the location is
//     `h5 .color-white-mute`; the date is a `span.color-white-mute` reading "Posted: Sept. 1,
//     2022" (Django's "N j, Y" date format); the job page's text is in
//     div.block-section.box-item-details.
//   - rakaarfi/remotepython-dot-com, parsing.py: the same `div.item`, first <a> as title and
//     link, `span.color-black` company, the `span.color-white-mute` starting "Posted" as date,
//     and the path's last segment as the job's id.
// Other scrapers of the same page follow a[aria-label=Next] to further pages: the list is
// paginated, so one page is not every live job (complete: false).

export const BOARD_ID = 'remote-python';
export const NAME = 'Remote Python';
export const LIST_URL = 'https://www.remotepython.com/jobs/';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month's index from its full name or its abbreviation ("Sept", "Aug", "Jan"). */
function monthIndex(name: string): number | null {
  const lower = name.toLowerCase();
  const full = MONTH_NAMES.indexOf(lower);
  if (full !== -1) return full;
  if (lower === 'sept') return 8;
  const short = lower.length === 3 ? MONTH_NAMES.findIndex((month) => month.startsWith(lower)) : -1;
  return short === -1 ? null : short;
}

/**
 * A date as Django's "N j, Y" writes it: "Sept. 1, 2022", "March 3, 2025", "May 9, 2025",
 * "Jan. 15, 2025" (a "Posted:" prefix is allowed). Anything else -> null. The list gives no
 * time, so the date is midnight UTC.
 */
export function parseDjangoDate(text: string | null | undefined): Date | null {
  const match = /^\s*(?:posted:?\s*)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})\s*$/i.exec(text ?? '');
  if (!match) return null;
  const month = monthIndex(match[1]!);
  const day = Number(match[2]);
  const year = Number(match[3]);
  if (month === null || year < 1995 || year >= 2100) return null;
  const date = new Date(Date.UTC(year, month, day));
  // "Sept. 31" rolls over into October: not a real date.
  return date.getUTCMonth() === month && date.getUTCDate() === day ? date : null;
}

/** The job's id: the 32-hex segment of "/jobs/{id}/", else null. */
export function jobIdFromUrl(url: string): string | null {
  return /\/jobs\/([0-9a-f]{32})\/?$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * Parse Remote Python's job list page. `pageUrl` (the fetched URL) resolves the relative job
 * links. Throws ParseError when the body is not HTML or holds no job items at all (the page's
 * markup has changed, or it is an error or challenge page).
 */
export function parseRemotePython(html: string, pageUrl: string = LIST_URL): ParseResult {
  const $ = loadHtmlPage(html, NAME, 'the job list page');
  const boxes = $('div.item')
    .toArray()
    .filter((element) => $(element).find('h3').length > 0);
  if (!boxes.length) {
    const title = pageTitle($);
    throw new ParseError(
      `${NAME}: no job items (div.item with an h3) on the page${title ? ` "${title}"` : ''}: the list markup may have changed`,
    );
  }

  const items: RawListing[] = [];
  const skipped: SkippedItem[] = [];
  boxes.forEach((element, index) => {
    const box = $(element);
    const anchor = box.find('h3 a').first();
    const href = anchor.attr('href')?.trim() ?? '';
    const ref = href || `#${index}`;
    const title = plainText(box.find('h3').first().text(), FIELD_LIMITS.title);
    if (!title) {
      skipped.push({ reason: 'title (h3): missing or empty', ref });
      return;
    }
    const url = href && URL.canParse(href, pageUrl) ? httpUrl(new URL(href, pageUrl).href) : null;
    if (!url) {
      skipped.push({ reason: href ? `link (h3 a[href]): not an http(s) URL (${JSON.stringify(href)})` : 'link (h3 a[href]): missing', ref: href ? ref : title });
      return;
    }
    const posted = box
      .find('span.color-white-mute')
      .toArray()
      .map((span) => $(span).text().trim())
      .find((text) => /^posted\b/i.test(text));
    items.push({
      board: BOARD_ID,
      externalId: jobIdFromUrl(url) ?? url,
      url,
      title,
      company: plainText(box.find('h5 span.color-black').first().text(), FIELD_LIMITS.company),
      location: plainText(box.find('h5 .color-white-mute').first().text(), FIELD_LIMITS.location),
      salaryText: null,
      tags: [],
      // The list shows no description; the job page has it (div.block-section.box-item-details).
      descriptionHtml: '',
      postedAt: parseDjangoDate(posted),
    });
  });
  return { items, skipped };
}
