import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_CAPTURES, readSharedCapture, SHARED_SKIP_REASON } from '../../test/support/shared-captures';
import { ParseError } from '../errors';
import { badBodies } from '../../test/support/bad-bodies';
import { classify } from '../../lib/classify';
import { htmlToText } from '../../lib/text';
import type { RawListing } from '../types';
import { findHiringStory, parseHnThread } from './parse';

if (!HAS_SHARED_CAPTURES) console.warn(SHARED_SKIP_REASON);

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const ALGOLIA = fixture('algolia-items.json');
const FIREBASE = fixture('firebase-thread.json');
const SEARCH = fixture('algolia-search.json');
/** Remote work and visas as lib/classify reads them from the listing: the scraper states neither. */
function classified(item: RawListing): { remote: string; visaSponsorship: boolean | null } {
  const { remote, visaSponsorship } = classify({ ...item, descriptionText: htmlToText(item.descriptionHtml) });
  return { remote, visaSponsorship };
}

const NOT_A_JOB = "not a job post: no 'Company | Role | Location' header and no role named in the text";

describe('parseHnThread on an Algolia items tree (project fixture)', () => {
  const { items, skipped } = parseHnThread(ALGOLIA);

  it('makes one listing per top-level comment, never one for a reply', () => {
    expect(items.map((item) => item.externalId)).toEqual(['47000101', '47000102', '47000105', '47000106']);
  });

  it('reads a full header', () => {
    expect(items[0]).toEqual({
      board: 'hn-whoishiring',
      externalId: '47000101',
      url: 'https://news.ycombinator.com/item?id=47000101',
      title: 'Senior Backend Engineer (Go, Postgres)',
      company: 'Kiln Labs',
      location: 'Berlin, Germany or REMOTE (EU)',
      salaryText: '€85k - €105k',
      tags: ['full-time'],
      descriptionHtml:
        'Kiln Labs | Senior Backend Engineer (Go, Postgres) | Berlin, Germany or REMOTE (EU) | Full-time | €85k - €105k | VISA | <a href="https:&#x2F;&#x2F;kilnlabs.example&#x2F;jobs" rel="nofollow">https:&#x2F;&#x2F;kilnlabs.example&#x2F;jobs</a><p>We build billing infrastructure for European SaaS companies. You&#x27;ll own our Go services and our Postgres schema.<p>Email jobs@kilnlabs.example',
      postedAt: new Date('2026-03-02T16:03:10.000Z'),
    });
  });

  it('joins several roles, reads onsite and interns', () => {
    expect(items[1]).toMatchObject({
      externalId: '47000102',
      title: 'Data Engineer, Backend Developer + 1 more',
      company: 'Harbor Analytics',
      location: 'ONSITE (Lisbon, Portugal)',
      salaryText: '$60,000 - $80,000',
      tags: ['interns', 'full-time'],
      postedAt: new Date('2026-03-02T16:05:00.000Z'),
    });
  });

  it('reads a post without pipes ("X is hiring a Y" and Key: value lines)', () => {
    expect(items[2]).toMatchObject({
      externalId: '47000105',
      url: 'https://news.ycombinator.com/item?id=47000105',
      title: 'Senior Rails Developer',
      company: 'Quillstack',
      location: 'Remote (US only)',
      salaryText: '$140k/year',
      tags: [],
      postedAt: new Date('2026-03-02T16:20:00.000Z'),
    });
  });

  it('titles a header without a role after the company', () => {
    expect(items[3]).toMatchObject({ title: 'Open roles at Tidewater', company: 'Tidewater', location: 'Portland, OR', salaryText: null, tags: [] });
  });

  it('states no remote or visa facts: lib/classify reads them from what the headers say', () => {
    expect(items.map((item) => item.stated)).toEqual([undefined, undefined, undefined, undefined]);
    expect(items.map(classified)).toEqual([
      { remote: 'remote', visaSponsorship: true },
      { remote: 'onsite', visaSponsorship: null },
      { remote: 'remote', visaSponsorship: null },
      { remote: 'hybrid', visaSponsorship: null },
    ]);
  });

  it('skips the deleted comment and the chatter with reasons', () => {
    expect(skipped).toEqual([
      { reason: 'deleted comment (no author, no text)', ref: '47000103' },
      { reason: NOT_A_JOB, ref: '47000104' },
    ]);
  });
});

describe('parseHnThread on a Firebase {post, comments[]} file (project fixture)', () => {
  const { items, skipped } = parseHnThread(FIREBASE);

  it('reads the top-level comments and ignores replies', () => {
    expect(items.map((item) => item.externalId)).toEqual(['46000101', '46000106']);
    expect([...items.map((item) => item.externalId), ...skipped.map((skip) => skip.ref)]).not.toContain('46000104');
  });

  it('maps each comment exactly', () => {
    expect(items[0]).toEqual({
      board: 'hn-whoishiring',
      externalId: '46000101',
      url: 'https://news.ycombinator.com/item?id=46000101',
      title: 'Founding Engineer',
      company: 'Ledgerly',
      location: 'NYC (in-person)',
      salaryText: '$150k-$190k + 0.5% equity',
      tags: [],
      descriptionHtml:
        'Ledgerly (YC W25) | Founding Engineer | NYC (in-person) | $150k-$190k + 0.5% equity | <a href="https:&#x2F;&#x2F;ledgerly.example" rel="nofollow">https:&#x2F;&#x2F;ledgerly.example</a><p>We&#x27;re building double-entry accounting for marketplaces.',
      postedAt: new Date('2026-02-02T16:01:40.000Z'),
    });
    expect(items[1]).toMatchObject({
      title: 'Full Stack Developer & DevOps Engineer',
      company: 'Penguin Systems',
      location: 'REMOTE (US)',
      salaryText: null,
      tags: ['part-time'],
      postedAt: new Date('2026-02-02T16:05:30.000Z'),
    });
  });

  it('leaves remote work and visas to lib/classify', () => {
    expect(items.map(classified)).toEqual([
      { remote: 'onsite', visaSponsorship: null },
      { remote: 'remote', visaSponsorship: false },
    ]);
  });

  it('skips dead, deleted and malformed comments with reasons', () => {
    expect(skipped).toEqual([
      { reason: 'dead comment (flagged or killed)', ref: '46000102' },
      { reason: 'deleted comment', ref: '46000103' },
      { reason: 'text: Invalid input: expected string, received number', ref: '46000105' },
    ]);
  });
});

describe('parseHnThread on bad bodies', () => {
  for (const { name, body, message } of badBodies(ALGOLIA)) {
    it(`throws a ParseError for ${name}`, () => {
      expect(() => parseHnThread(body)).toThrow(ParseError);
      expect(() => parseHnThread(body)).toThrow(message);
    });
  }

  it('throws a ParseError for the wrong top-level shape', () => {
    expect(() => parseHnThread('[1, 2]')).toThrow(
      'Hacker News: Who is hiring?: expected an Algolia items tree ({children: [...]}) or a Firebase thread ({post, comments: [...]}), got an array of 2',
    );
    expect(() => parseHnThread('{"post": {"id": 1}}')).toThrow(/expected an Algolia items tree/);
  });

  it('says what to do with a search response or a bare Firebase story item', () => {
    expect(() => parseHnThread(SEARCH)).toThrow('this is an Algolia search response, not a thread');
    expect(() => parseHnThread('{"id": 46000000, "type": "story", "kids": [1, 2], "title": "Ask HN: Who is hiring? (February 2026)"}')).toThrow(
      'a Firebase story item lists only comment ids (kids), not the comments',
    );
  });

  it('refuses a thread that is not "Who is hiring?"', () => {
    const hired = ALGOLIA.replace('Ask HN: Who is hiring? (March 2026)', 'Ask HN: Who wants to be hired? (March 2026)');
    expect(() => parseHnThread(hired)).toThrow('thread 47000001 is "Ask HN: Who wants to be hired? (March 2026)", not an "Ask HN: Who is hiring?" thread');
  });
});

describe('findHiringStory', () => {
  it('picks the newest "Who is hiring?" story, ignoring the other monthly threads', () => {
    expect(findHiringStory(JSON.parse(SEARCH), 'https://hn.algolia.com/api/v1/search_by_date')).toEqual({ id: '47000001', title: 'Ask HN: Who is hiring? (March 2026)' });
  });

  it('throws a clear ParseError when there is none', () => {
    const hits = { hits: [{ objectID: '1', title: 'Ask HN: Who wants to be hired? (March 2026)', created_at_i: 1 }] };
    expect(() => findHiringStory(hits, 'https://hn.algolia.com/x')).toThrow(ParseError);
    expect(() => findHiringStory(hits, 'https://hn.algolia.com/x')).toThrow(
      'no "Ask HN: Who is hiring?" story among the 1 search results from https://hn.algolia.com/x (titles: "Ask HN: Who wants to be hired? (March 2026)")',
    );
  });
});

describe.skipIf(!HAS_SHARED_CAPTURES)('parseHnThread on the shared capture hn-1.json (July 2024, Firebase format)', () => {
  const raw = () => JSON.parse(readSharedCapture('hn-1.json')) as { post: { id: number }; comments: { id: number; parent: number; deleted?: boolean; dead?: boolean; text?: string }[] };
  const parsed = () => parseHnThread(readSharedCapture('hn-1.json'));

  it('accounts for all 407 top-level comments: 374 listings, 33 skipped with reasons', () => {
    const { items, skipped } = parsed();
    const comments = raw().comments;
    expect(comments).toHaveLength(407);
    expect(comments.every((comment) => comment.parent === raw().post.id)).toBe(true);
    expect(items).toHaveLength(374);
    expect(skipped).toHaveLength(33);
    expect([...items.map((item) => item.externalId), ...skipped.map((skip) => skip.ref)].sort()).toEqual(comments.map((comment) => String(comment.id)).sort());
  });

  it('skips the 25 deleted or dead comments (12 deleted, 13 dead) and 8 that are not job posts', () => {
    const counts = new Map<string, number>();
    for (const { reason } of parsed().skipped) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 'deleted comment': 12, 'dead comment (flagged or killed)': 13, [NOT_A_JOB]: 8 });
    const deleted = raw().comments.filter((comment) => comment.deleted).length;
    const deadOnly = raw().comments.filter((comment) => comment.dead && !comment.deleted).length;
    expect([deleted, deadOnly]).toEqual([12, 13]);
    const notJobs = parsed().skipped.filter((skip) => skip.reason === NOT_A_JOB).map((skip) => skip.ref);
    // Among them: "java remote", and comments about the thread itself.
    expect(notJobs).toEqual(expect.arrayContaining(['40854388', '40852732', '40848078', '40850555']));
  });

  it('reads several comments exactly', () => {
    const byId = (id: string) => parsed().items.find((item) => item.externalId === id)!;
    expect(byId('40846920')).toMatchObject({
      url: 'https://news.ycombinator.com/item?id=40846920',
      title: 'Lead developer & Marketing Manager',
      company: 'Make Waves',
      location: 'ONSITE / HYBRID (>= one day in the office a week); Amsterdam, NL',
      salaryText: null,
      tags: ['full-time'],
      postedAt: new Date('2024-07-01T15:44:52.000Z'),
    });
    expect(byId('40931676')).toMatchObject({
      title: 'Software Engineer',
      company: 'Immunant',
      location: 'REMOTE (US only)',
      salaryText: '$110k - $150k + retirement benefits',
      tags: ['full-time'],
      postedAt: new Date('2024-07-10T21:29:35.000Z'),
    });
    expect(byId('40852706')).toMatchObject({ title: 'Software Engineers, ML Research Scientists', company: 'Antithesis', location: 'Northern VA' });
    expect(byId('40846699')).toMatchObject({ title: 'Multiple Roles', company: 'DuckDuckGo', location: 'Remote', salaryText: '$176k-242k USD + equity' });
    expect(byId('40849106')).toMatchObject({ title: 'Senior Frontend Engineer', company: 'SmileID', location: 'REMOTE' });
    expect(byId('40847365')).toMatchObject({ title: 'Founding Engineer', company: null, location: 'San Francisco' });
    // What the headers said about where the work is, as lib/classify reads it.
    expect(['40846920', '40931676', '40852706', '40849106', '40847365'].map((id) => classified(byId(id)).remote)).toEqual(['hybrid', 'remote', 'onsite', 'remote', 'hybrid']);
  });

  it('gives every listing a title, its HN URL, a date, and keeps the comment HTML as the description', () => {
    const { items } = parsed();
    const comments = new Map(raw().comments.map((comment) => [String(comment.id), comment]));
    for (const item of items) {
      expect(item.title.length).toBeGreaterThan(1);
      expect(item.url).toBe(`https://news.ycombinator.com/item?id=${item.externalId}`);
      expect(item.postedAt?.getUTCFullYear()).toBe(2024);
      expect(item.descriptionHtml).toBe(comments.get(item.externalId)!.text!.trim());
    }
  });
});
