import { plainText } from '../formats/feed-xml';
import { loadHtmlPage, pageTitle } from '../formats/html-page';
import { ParseError } from '../errors';
import { cleanHtml, FIELD_LIMITS, httpUrl, normalizeTags, parseDate } from '../formats';
import { NAME, tidyLocation } from './parse';

// A Python.org job page, https://www.python.org/jobs/{id}/ (templates/jobs/job_detail.html in
// python/pythondotorg; shared capture pythonorg-2.html):
//   <h1 class="listing-company"><span class="listing-company-name">[<span class="listing-new">New</span>]
//     <span class="company-name">{company}</span></span>
//     <span class="listing-location"><a ...>{city}, {region}, {country}</a></span></h1>
//   <div class="job-description"> <h2>Job Title</h2> {title} <h2>Job Description</h2> ...
//     <h2>Restrictions</h2><ul><li><strong>Telecommuting is OK</strong> | No telecommuting</li>...</ul> ...</div>
//   <span class="listing-posted">Posted <time datetime="2025-06-19T10:00:14.532363+00:00">...</time></span>
//   <span class="listing-job-type"><a>{technology}</a>, ...</span>
//   <span class="listing-company-category"><a>{category}</a></span>
// The previous/next links repeat span.company-name for OTHER jobs, so every selector is
// scoped to the job's own h1 and article.

export interface PythonOrgJobPage {
  /** og:url, the job's canonical URL. */
  url: string | null;
  title: string | null;
  company: string | null;
  location: string | null;
  postedAt: Date | null;
  /** Job types (technologies) and the category, lower-cased. */
  tags: string[];
  /** "Telecommuting is OK" -> true, "No telecommuting" -> false, absent -> null. */
  telecommuting: boolean | null;
  /** The job-description block's HTML. */
  descriptionHtml: string;
}

/**
 * Parse a Python.org job page. Throws ParseError when the body is not HTML or has no
 * h1.listing-company (not a job page: a login wall, a 404 page, another site).
 */
export function parseJobPage(html: string): PythonOrgJobPage {
  const $ = loadHtmlPage(html, NAME, 'a job page');
  const header = $('h1.listing-company').first();
  if (!header.length) {
    const title = pageTitle($);
    throw new ParseError(`${NAME}: the page has no h1.listing-company: not a job page${title ? ` ("${title}")` : ''}`);
  }
  const article = header.closest('article');
  const scope = article.length ? article : $.root();

  // "<h2>Job Title </h2> {title} <h2>Job Description</h2>": the text between the two headings.
  let title: string | null = null;
  const titleHeading = scope
    .find('.job-description h2')
    .toArray()
    .find((element) => $(element).text().trim().toLowerCase() === 'job title');
  if (titleHeading) {
    let text = '';
    for (let node = titleHeading.nextSibling; node; node = node.nextSibling) {
      if ('name' in node && /^h[1-6]$/i.test(node.name)) break;
      text += $(node).text();
    }
    title = plainText(text, FIELD_LIMITS.title);
  }

  const restrictions = scope.find('.job-description li').text().toLowerCase();
  const telecommuting = /no telecommuting/.test(restrictions) ? false : /telecommuting is ok/.test(restrictions) ? true : null;

  return {
    url: httpUrl($('meta[property="og:url"]').attr('content')),
    title,
    company: plainText(header.find('span.company-name').first().text(), FIELD_LIMITS.company),
    location: tidyLocation(plainText(header.find('span.listing-location').first().text())),
    postedAt: parseDate(scope.find('span.listing-posted time').first().attr('datetime')),
    tags: normalizeTags([
      ...scope.find('span.listing-job-type a').toArray().map((element) => $(element).text()),
      ...scope.find('span.listing-company-category a').toArray().map((element) => $(element).text()),
    ]),
    telecommuting,
    descriptionHtml: cleanHtml(scope.find('div.job-description').first().html()),
  };
}
