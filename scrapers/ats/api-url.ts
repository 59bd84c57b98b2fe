import { atsApiBaseOverride } from '../../lib/env';
import { isValidToken, type HiringBoardRef, type HiringSystem } from './systems';

// Where each system's public job-board API lives. The path is fixed per system; only the base
// (scheme + host, and a path prefix if given) can be pointed elsewhere, by the operator's
// TRACKEND_ATS_*_URL, never by what a user pastes.

interface ApiSpec {
  base: string;
  env: string;
  path: (token: string) => string;
  /** The human careers page of a board, for links. */
  page: (token: string) => string;
}

const API: Record<HiringSystem, ApiSpec> = {
  greenhouse: {
    base: 'https://boards-api.greenhouse.io',
    env: 'TRACKEND_ATS_GREENHOUSE_URL',
    path: (token) => `/v1/boards/${token}/jobs?content=true`,
    page: (token) => `https://job-boards.greenhouse.io/${token}`,
  },
  lever: {
    base: 'https://api.lever.co',
    env: 'TRACKEND_ATS_LEVER_URL',
    path: (token) => `/v0/postings/${token}?mode=json`,
    page: (token) => `https://jobs.lever.co/${token}`,
  },
  'lever-eu': {
    base: 'https://api.eu.lever.co',
    env: 'TRACKEND_ATS_LEVER_EU_URL',
    path: (token) => `/v0/postings/${token}?mode=json`,
    page: (token) => `https://jobs.eu.lever.co/${token}`,
  },
  ashby: {
    base: 'https://api.ashbyhq.com',
    env: 'TRACKEND_ATS_ASHBY_URL',
    path: (token) => `/posting-api/job-board/${token}?includeCompensation=true`,
    page: (token) => `https://jobs.ashbyhq.com/${token}`,
  },
  workable: {
    base: 'https://apply.workable.com',
    env: 'TRACKEND_ATS_WORKABLE_URL',
    path: (token) => `/api/v1/widget/accounts/${token}?details=true`,
    page: (token) => `https://apply.workable.com/${token}`,
  },
};

/** The environment variable that moves a system's API base. */
export const ATS_API_ENV: Record<HiringSystem, string> = Object.freeze(
  Object.fromEntries(Object.entries(API).map(([system, spec]) => [system, spec.env])) as Record<HiringSystem, string>,
);

function checked(ref: HiringBoardRef): string {
  if (!isValidToken(ref.system, ref.token)) throw new TypeError(`not a valid ${ref.system} board name: ${JSON.stringify(ref.token)}`);
  return ref.token;
}

/** The public job-board API URL of a board (TRACKEND_ATS_*_URL replaces the base). Throws on an invalid token. */
export function atsApiUrl(ref: HiringBoardRef): string {
  const spec = API[ref.system];
  const token = checked(ref);
  return `${atsApiBaseOverride(spec.env) ?? spec.base}${spec.path(token)}`;
}

/** The board's careers page on the system's own host (always the real one: it is a link for people). */
export function hiringBoardPageUrl(ref: HiringBoardRef): string {
  const token = checked(ref);
  return API[ref.system].page(token);
}

// The API paths as they appear in a request URL, whatever the host (a base override included),
// so a parser can tell which board a response belongs to.
const API_PATHS: Record<HiringSystem, RegExp> = {
  greenhouse: /\/v1\/boards\/([^/?#]+)\/jobs\/?$/,
  lever: /\/v0\/postings\/([^/?#]+)\/?$/,
  'lever-eu': /\/v0\/postings\/([^/?#]+)\/?$/,
  ashby: /\/posting-api\/job-board\/([^/?#]+)\/?$/,
  workable: /\/api\/v1\/widget\/accounts\/([^/?#]+)\/?$/,
};

/** The token in an API URL's path (any host), or null. */
export function tokenFromApiUrl(system: HiringSystem, url: string): string | null {
  if (!URL.canParse(url)) return null;
  const match = API_PATHS[system].exec(new URL(url).pathname);
  return match && isValidToken(system, match[1]!) ? match[1]! : null;
}
