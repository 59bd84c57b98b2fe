import 'server-only';
import { createHash } from 'node:crypto';
import * as cheerio from 'cheerio';
import { sql } from 'drizzle-orm';
import { Feed } from 'feed';
import { queryRows, type Db } from '../../db/types';
import { etagOf } from '../conditional-get';
import { searchContext } from '../search/context';
import { formatSalary, languageLabel, whereText } from '../search/format';
import { searchJobs, type JobSummary } from '../search/search';
import { savedSearchHref } from './json';
import { savedSearchByFeedToken, savedSearchFilters, type SavedSearch } from './saved-searches';
import { withUserLists } from '../companies/search';

// The private Atom feed of a saved search: its newest matches, as the owner's /jobs would list
// them (their hidden boards left out). Everything in it comes from listings, which are
// untrusted: text is escaped (never the stored HTML), and only http(s) links are kept.

export const FEED_ENTRIES = 50;
const SNIPPET_CHARS = 400;

export interface SavedSearchFeed {
  xml: string;
  etag: string;
  lastModified: Date;
}

type Extra = { id: number | string; content_hash: string; snippet: string; first_seen_at: string | Date; sources: { name: string; url: string }[] | string | null };

/** Per listing: what the summary lacks (its content hash, a text snippet, first seen, every board's link). */
async function extras(db: Db, ids: number[]): Promise<Map<number, Extra & { sources: { name: string; url: string }[] }>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<Extra>(
    db,
    sql`select l.id, l.content_hash, left(l.description_text, ${SNIPPET_CHARS}) as snippet, l.first_seen_at,
          (select json_agg(json_build_object('name', b.name, 'url', d.url) order by (d.id = l.id) desc, d.id)
             from listings d join boards b on b.id = d.board_id
             where (d.id = l.id or d.duplicate_of = l.id) and d.removed_at is null) as sources
        from listings l where l.id = any(${sql.param(ids)}::bigint[])`,
  );
  return new Map(
    rows.map((row) => [
      Number(row.id),
      { ...row, sources: (typeof row.sources === 'string' ? (JSON.parse(row.sources) as Extra['sources']) : row.sources) ?? [] } as Extra & { sources: { name: string; url: string }[] },
    ]),
  );
}

// XML 1.0 allows no control characters but tab and newlines: a listing carrying one would
// make the whole feed unreadable.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (text: string) => text.replace(XML_INVALID, '');
const escapeHtml = (text: string) =>
  clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function httpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The entry's updated time: when the listing appeared (a board may backdate its posting date). */
const entryUpdated = (job: JobSummary, extra: Extra | undefined) =>
  new Date(Math.max(new Date(job.postedAt).getTime(), extra ? new Date(extra.first_seen_at).getTime() : 0));

function entryContent(job: JobSummary, page: string, extra: Extra & { sources: { name: string; url: string }[] } | undefined): string {
  const salary = formatSalary(job.salary);
  const facts = [
    `<p><strong>${escapeHtml(job.company ?? 'Company not stated')}</strong> · ${escapeHtml(whereText(job.remote, job.location))}</p>`,
    salary ? `<p>Salary: ${escapeHtml(salary)}</p>` : '',
    `<p>Languages: ${escapeHtml(job.languages.map(languageLabel).join(', ') || 'not stated')} · Seniority: ${escapeHtml(job.seniority === 'unknown' ? 'not stated' : job.seniority)}</p>`,
    extra?.snippet ? `<p>${escapeHtml(extra.snippet.trim())}${extra.snippet.length >= SNIPPET_CHARS ? '…' : ''}</p>` : '',
  ];
  const boards = (extra?.sources ?? []).flatMap((source) => {
    const url = httpUrl(source.url);
    return url ? [`<a href="${escapeHtml(url)}">${escapeHtml(source.name)}</a>`] : [];
  });
  facts.push(`<p><a href="${escapeHtml(page)}">Open on trackend</a>${boards.length ? ` · On ${boards.join(', ')}` : ''}</p>`);
  return facts.filter(Boolean).join('\n');
}

/**
 * The feed a token opens, or null (unknown or rotated token). `origin` is the site's as the
 * reader reached it: every link in the feed is absolute.
 */
export async function savedSearchFeed(db: Db, token: string, origin: string): Promise<SavedSearchFeed | null> {
  const row = await savedSearchByFeedToken(db, token);
  if (!row) return null;
  return buildFeed(db, row, token, origin);
}

async function buildFeed(db: Db, row: SavedSearch, token: string, origin: string): Promise<SavedSearchFeed> {
  const filters = await withUserLists(db, row.userId, { ...savedSearchFilters(row), sort: 'newest', limit: FEED_ENTRIES, cursor: undefined });
  const { items } = await searchJobs(db, filters, await searchContext(db));
  const more = await extras(db, items.map((job) => job.id));

  const entries = items.map((job) => ({ job, extra: more.get(job.id), updated: entryUpdated(job, more.get(job.id)) }));
  const newest = entries.reduce<Date | null>((latest, entry) => (!latest || entry.updated > latest ? entry.updated : latest), null);
  const updated = newest ?? row.updatedAt;
  const feed = new Feed({
    id: `urn:uuid:${row.id}`,
    title: clean(`${row.name} · trackend`),
    description: 'The newest jobs matching this saved search.',
    updated,
    link: `${origin}${savedSearchHref(row)}`,
    feedLinks: { atom: `${origin}/feeds/${token}.atom` },
    author: { name: 'trackend' },
    generator: 'trackend',
  });
  for (const { job, extra, updated: entryTime } of entries) {
    const page = `${origin}/jobs/${job.id}`;
    feed.addItem({
      // The feed library writes titles as type="html": escaped here, so a listing's markup is shown, never run.
      title: escapeHtml(job.company ? `${job.title} at ${job.company}` : job.title),
      id: page,
      link: page,
      date: entryTime,
      published: new Date(job.postedAt),
      content: entryContent(job, page, extra),
      author: [{ name: clean(job.company ?? 'Company not stated') }],
      category: [...job.languages.map((slug) => ({ term: slug, name: languageLabel(slug) })), { term: `seniority:${job.seniority}`, name: job.seniority }],
    });
  }

  // The library writes an entry's one link without rel (alternate by default): say so, and add
  // the boards' links as related, which the library has no field for.
  const $ = cheerio.load(feed.atom1(), { xml: true });
  $('feed > entry').each((index, element) => {
    const entry = $(element);
    entry.children('link').first().attr('rel', 'alternate').attr('type', 'text/html');
    for (const source of entries[index]?.extra?.sources ?? []) {
      const url = httpUrl(source.url);
      if (url) entry.append($('<link/>').attr({ rel: 'related', type: 'text/html', href: url, title: clean(source.name) }));
    }
  });
  const xml = $.xml();

  const fingerprint = createHash('sha256')
    .update(JSON.stringify([row.id, row.name, row.updatedAt.toISOString(), entries.map(({ job, extra, updated: at }) => [job.id, at.toISOString(), extra?.content_hash, extra?.sources])]))
    .digest('hex');
  // A rename or new filters change the feed too, without a newer entry.
  const lastModified = new Date(Math.max(updated.getTime(), row.updatedAt.getTime()));
  return { xml, etag: etagOf(fingerprint), lastModified };
}
