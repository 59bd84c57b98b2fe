import { z } from 'zod';
import { ParseError } from '../errors';
import { cleanHtml, elementRef, idish, isRecord, numberish, parseDate, parseElements, parseJsonBody, wrongShape, type MapOutcome } from '../formats';
import type { ParseResult } from '../types';
import { extractJobHeader } from './header';

// A "Who is hiring?" thread in either of two formats:
//  - Algolia's items API (https://hn.algolia.com/api/v1/items/<id>): the story with the whole
//    comment tree in `children` (id, author, text, created_at_i, children).
//  - The official Firebase API's items (https://hacker-news.firebaseio.com/v0/item/<id>.json:
//    id, by, text, time, deleted, dead, parent), wrapped as {post, comments[]}.
// Each top-level comment is one posting; replies are conversation, not postings.

export const BOARD_ID = 'hn-whoishiring';
export const NAME = 'Hacker News: Who is hiring?';
export const HIRING_TITLE = /^\s*Ask HN:\s*Who is hiring\?/i;

const commentSchema = z.object({
  id: idish,
  type: z.string().nullish(),
  // Firebase
  by: z.string().nullish(),
  time: numberish.nullish(),
  deleted: z.boolean().nullish(),
  dead: z.boolean().nullish(),
  parent: idish.nullish(),
  // Algolia
  author: z.string().nullish(),
  created_at_i: numberish.nullish(),
  created_at: z.string().nullish(),
  parent_id: idish.nullish(),
  // both
  text: z.string().nullish(),
});
type Comment = z.output<typeof commentSchema>;

export function itemUrl(id: string): string {
  return `https://news.ycombinator.com/item?id=${encodeURIComponent(id)}`;
}

function toListing(comment: Comment): MapOutcome {
  if (comment.deleted) return { skip: 'deleted comment' };
  if (comment.dead) return { skip: 'dead comment (flagged or killed)' };
  const html = comment.text?.trim() ?? '';
  if (!html) return { skip: comment.author == null && comment.by == null ? 'deleted comment (no author, no text)' : 'empty comment' };
  const outcome = extractJobHeader(html);
  if ('skip' in outcome) return outcome;
  // The header's fields as the poster wrote them; remote work, visas and pay are classified
  // from them (and the whole comment) by lib/classify.
  const { header } = outcome;
  return {
    listing: {
      board: BOARD_ID,
      externalId: comment.id,
      url: itemUrl(comment.id),
      title: header.title,
      company: header.company,
      location: header.location,
      salaryText: header.salaryText,
      tags: header.tags,
      descriptionHtml: cleanHtml(html),
      postedAt: parseDate(comment.time) ?? parseDate(comment.created_at_i) ?? parseDate(comment.created_at),
    },
  };
}

interface Thread {
  id: string | null;
  title: string | null;
  comments: unknown[];
}

/** An item id as the APIs send it (a number or a string), else null. */
function idOf(value: unknown): string | null {
  const parsed = idish.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function threadOf(data: unknown): Thread {
  if (isRecord(data) && Array.isArray(data.children)) {
    // Algolia: the story's children are its top-level comments.
    return { id: idOf(data.id), title: typeof data.title === 'string' ? data.title : null, comments: data.children };
  }
  if (isRecord(data) && isRecord(data.post) && Array.isArray(data.comments)) {
    const post = data.post;
    const id = idOf(post.id);
    // Firebase items carry their parent: keep the story's direct replies.
    const comments = data.comments.filter((comment) => !(isRecord(comment) && id !== null && comment.parent != null && idOf(comment.parent) !== id));
    return { id, title: typeof post.title === 'string' ? post.title : null, comments };
  }
  if (isRecord(data) && Array.isArray(data.hits)) {
    throw new ParseError(`${NAME}: this is an Algolia search response, not a thread; the thread comes from https://hn.algolia.com/api/v1/items/<id>`);
  }
  if (isRecord(data) && Array.isArray(data.kids)) {
    throw new ParseError(
      `${NAME}: a Firebase story item lists only comment ids (kids), not the comments; use the Algolia items URL or a {post, comments[]} file`,
    );
  }
  return wrongShape(NAME, 'an Algolia items tree ({children: [...]}) or a Firebase thread ({post, comments: [...]})', data);
}

/** Parse a thread that is already JSON-decoded (the scraper decodes once to tell search from thread). */
export function parseHnThreadData(data: unknown): ParseResult {
  const thread = threadOf(data);
  if (thread.title !== null && !HIRING_TITLE.test(thread.title)) {
    throw new ParseError(`${NAME}: thread ${thread.id ?? '?'} is "${thread.title}", not an "Ask HN: Who is hiring?" thread`);
  }
  return parseElements({
    elements: thread.comments,
    schema: commentSchema,
    map: (comment) => toListing(comment),
    ref: (element, index) => elementRef(element, index, ['id']),
  });
}

/** Parse a "Who is hiring?" thread (Algolia items tree or Firebase {post, comments[]}). Throws ParseError for anything else. */
export function parseHnThread(body: string): ParseResult {
  return parseHnThreadData(parseJsonBody(body, NAME));
}

const hitSchema = z.object({
  objectID: idish.nullish(),
  story_id: idish.nullish(),
  title: z.string().nullish(),
  created_at_i: numberish.nullish(),
  created_at: z.string().nullish(),
});

export function isSearchResponse(data: unknown): data is { hits: unknown[] } {
  return isRecord(data) && Array.isArray(data.hits);
}

/** The newest "Ask HN: Who is hiring?" story in an Algolia search response. Throws ParseError when there is none. */
export function findHiringStory(data: unknown, sourceUrl: string): { id: string; title: string } {
  if (!isSearchResponse(data)) return wrongShape(NAME, 'an Algolia search response ({hits: [...]})', data);
  const stories = data.hits.flatMap((hit) => {
    const parsed = hitSchema.safeParse(hit);
    if (!parsed.success) return [];
    const { objectID, story_id, title, created_at_i, created_at } = parsed.data;
    const id = objectID ?? story_id;
    if (!id || !title || !HIRING_TITLE.test(title)) return [];
    return [{ id, title: title.trim(), time: parseDate(created_at_i)?.getTime() ?? parseDate(created_at)?.getTime() ?? 0 }];
  });
  if (!stories.length) {
    const titles = data.hits
      .map((hit) => (isRecord(hit) && typeof hit.title === 'string' ? `"${hit.title}"` : null))
      .filter(Boolean)
      .slice(0, 5);
    throw new ParseError(
      `${NAME}: no "Ask HN: Who is hiring?" story among the ${data.hits.length} search results from ${sourceUrl}` +
        (titles.length ? ` (titles: ${titles.join(', ')})` : ''),
    );
  }
  const newest = stories.reduce((best, story) => (story.time > best.time ? story : best));
  return { id: newest.id, title: newest.title };
}
