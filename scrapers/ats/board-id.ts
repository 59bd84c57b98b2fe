import { createHash } from 'node:crypto';
import { HIRING_SYSTEMS, isValidToken, type HiringBoardRef, type HiringSystem } from './systems';

// A followed company is a board like any other, so it needs a board id (/^[a-z0-9-]{1,60}$/).
// Two forms, which never look alike:
//   plain   `${system}-${token}`          when the token is already lower-case words joined by single '-'
//   hashed  `${system}-${slug}--${hash}`  otherwise (case, '_', '.', '--', length lost): the hash of
//                                         (system, token) keeps the id unique; only this form has '--'.
// "lever-eu-" is also how a Lever site named "eu-…" would start, so those take the hashed form
// with an empty slug ("lever--1a2b3c4d"): the id then still names its system.

const MAX_ID = 60;
const HASH_LENGTH = 10;
const WORDS = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HASHED = new RegExp(`^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?--[0-9a-f]{${HASH_LENGTH}}$`);

// Longest first, so "lever-eu-x" is Lever (EU), not a Lever site "eu-x".
const BY_PREFIX = [...HIRING_SYSTEMS].sort((a, b) => b.length - a.length);

function hash(ref: HiringBoardRef): string {
  return createHash('sha256').update(`${ref.system}\n${ref.token}`).digest('hex').slice(0, HASH_LENGTH);
}

function claimedByLongerPrefix(system: HiringSystem, rest: string): boolean {
  return BY_PREFIX.some((other) => other !== system && other.startsWith(`${system}-`) && `${system}-${rest}`.startsWith(`${other}-`));
}

/** The board id of a company's board: `${system}-${slug}`, unique per (system, token). Throws on an invalid token. */
export function atsBoardId(ref: HiringBoardRef): string {
  if (!isValidToken(ref.system, ref.token)) throw new TypeError(`not a valid ${ref.system} board name: ${JSON.stringify(ref.token)}`);
  const prefix = `${ref.system}-`;
  const plain = prefix + ref.token;
  if (WORDS.test(ref.token) && plain.length <= MAX_ID && !claimedByLongerPrefix(ref.system, ref.token)) return plain;
  const room = MAX_ID - prefix.length - 2 - HASH_LENGTH;
  let slug = ref.token.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, room).replace(/^-+|-+$/g, '');
  if (claimedByLongerPrefix(ref.system, slug)) slug = '';
  return `${prefix}${slug}--${hash(ref)}`;
}

/** The hiring system a board id belongs to (one made by atsBoardId), or null for any other id. */
export function systemOfAtsBoardId(id: string): HiringSystem | null {
  if (typeof id !== 'string' || id.length > MAX_ID || !/^[a-z0-9-]+$/.test(id)) return null;
  for (const system of BY_PREFIX) {
    if (!id.startsWith(`${system}-`)) continue;
    const rest = id.slice(system.length + 1);
    return WORDS.test(rest) || HASHED.test(rest) ? system : null;
  }
  return null;
}
