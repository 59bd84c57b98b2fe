import { FEED_ACCEPT } from '../fetch/board-requests';
import { singleFetchBoard } from '../single-fetch';
import type { BoardDefinition } from '../types';
import { parseFeed } from './parse';

export { companyFromAuthor, companyFromTitle, parseFeed } from './parse';

const PREFIX = 'custom-';
const MAX_ID_LENGTH = 40;

/** A short stable hash (FNV-1a, 32 bits) for names with no a-z0-9 in them at all. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The board id for a user's feed name: 'custom-' + a slug of lower-case a-z, 0-9 and single
 * hyphens, at most 40 characters in all, never empty ("Rust Weekly Jobs!" -> "custom-rust-weekly-jobs";
 * a name with no Latin letters or digits gets a hash of the name instead).
 */
export function slugifyBoardId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const body = (slug || shortHash(name.trim() || 'feed')).slice(0, MAX_ID_LENGTH - PREFIX.length).replace(/-+$/, '');
  return PREFIX + body;
}

/**
 * A user's RSS 2.0 / RSS 1.0 / Atom feed as a board. One conditional GET, then parseFeed.
 * Never complete: a feed usually carries only its newest entries, so an entry that drops out
 * of it has not necessarily been filled.
 */
export function createCustomFeedBoard(spec: { id: string; name: string; url: string }): BoardDefinition {
  return singleFetchBoard({
    id: spec.id,
    name: spec.name,
    kind: 'rss',
    url: spec.url,
    // addCustomFeed only stores absolute http(s) URLs; anything else is shown as given.
    homepage: URL.canParse(spec.url) ? new URL(spec.url).origin : spec.url,
    accept: FEED_ACCEPT,
    complete: false,
    parseInPlace: (body) => parseFeed(body, spec.id),
  });
}
