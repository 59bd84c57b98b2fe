import * as cheerio from 'cheerio';
import { isValidToken, type HiringBoardRef, type HiringSystem } from './systems';

// Finding a company's board from what a person pastes: a URL on a hiring system's own host, or
// a careers page that embeds or links to one. Only exact host names count (never a suffix
// match: boards.greenhouse.io.evil.example is not Greenhouse), only http(s) on the default
// port and without userinfo, and the token must pass isValidToken. The URL is never fetched
// from here; the token only goes into the system's fixed API URL.

type Reader = (url: URL, segments: string[]) => HiringBoardRef | null;

const board = (system: HiringSystem, token: string | null | undefined): HiringBoardRef | null =>
  token && isValidToken(system, token) ? { system, token } : null;

// Paths on the careers hosts that are the site's own, not a board.
const GREENHOUSE_RESERVED = new Set(['embed', 'v1', 'api', 'jobs', 'static', 'assets', 'favicon.ico', 'robots.txt']);
const LEVER_RESERVED = new Set(['api', 'static', 'assets', 'favicon.ico', 'robots.txt']);
const ASHBY_RESERVED = new Set(['api', 'static', 'assets', 'favicon.ico', 'robots.txt', 'embed']);
const WORKABLE_RESERVED = new Set(['api', 'j', 'static', 'assets', 'favicon.ico', 'robots.txt', 'careers', 'oauth']);
// Subdomains of workable.com that are Workable's own, not an account (acme.workable.com is one).
const WORKABLE_HOSTS = new Set(['www', 'apply', 'api', 'jobs', 'help', 'resources', 'app', 'blog', 'status', 'developers', 'engineering', 'careers']);

const first = (segments: string[], reserved: Set<string>) => (segments[0] && !reserved.has(segments[0].toLowerCase()) ? segments[0] : null);

/** boards.greenhouse.io/acme(/jobs/123), embed/job_board(/js)?for=acme, embed/job_app?for=acme&token=… */
const greenhouseCareers: Reader = (url, segments) =>
  segments[0] === 'embed' ? board('greenhouse', url.searchParams.get('for')) : board('greenhouse', first(segments, GREENHOUSE_RESERVED));

// A Map, not an object: a host named "constructor" or "__proto__" must find nothing.
const READERS = new Map<string, Reader>(Object.entries({
  'boards.greenhouse.io': greenhouseCareers,
  'job-boards.greenhouse.io': greenhouseCareers,
  'boards-api.greenhouse.io': (url) => board('greenhouse', /^\/v1\/boards\/([^/]+)/.exec(url.pathname)?.[1]),
  'api.greenhouse.io': (url) => board('greenhouse', /^\/v1\/boards\/([^/]+)/.exec(url.pathname)?.[1]),
  'jobs.lever.co': (_url, segments) => board('lever', first(segments, LEVER_RESERVED)),
  'jobs.eu.lever.co': (_url, segments) => board('lever-eu', first(segments, LEVER_RESERVED)),
  'api.lever.co': (url) => board('lever', /^\/v0\/postings\/([^/]+)/.exec(url.pathname)?.[1]),
  'api.eu.lever.co': (url) => board('lever-eu', /^\/v0\/postings\/([^/]+)/.exec(url.pathname)?.[1]),
  'jobs.ashbyhq.com': (_url, segments) => board('ashby', first(segments, ASHBY_RESERVED)),
  'api.ashbyhq.com': (url) => board('ashby', /^\/posting-api\/job-board\/([^/]+)/.exec(url.pathname)?.[1]),
  'apply.workable.com': (url, segments) =>
    segments[0] === 'api' ? board('workable', /^\/api\/v\d+\/(?:widget\/)?accounts\/([^/]+)/.exec(url.pathname)?.[1]) : board('workable', first(segments, WORKABLE_RESERVED)),

} satisfies Record<string, Reader>));

/** The URL, if it is an absolute http(s) URL we may read a board from (bare "jobs.lever.co/acme" gets https://). */
function parseCareersUrl(input: string): URL | null {
  let text = input.trim();
  if (text.length > 2048) return null;
  if (text.startsWith('//')) text = `https:${text}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (!/^[a-z0-9.-]+\.[a-z]{2,}(?:[/?#]|$)/i.test(text)) return null;
    text = `https://${text}`;
  }
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.port) return null;
  return url;
}

/** The board a careers or API URL on a hiring system's own host names, or null. */
export function hiringBoardFromUrl(url: string): HiringBoardRef | null {
  if (typeof url !== 'string') return null;
  const parsed = parseCareersUrl(url);
  if (!parsed) return null;
  const host = parsed.hostname.replace(/\.$/, '');
  // Raw segments, still percent-encoded: a token with '%' (an encoded '/' or '.') is refused.
  const segments = parsed.pathname.split('/').filter(Boolean);
  const reader = READERS.get(host);
  if (reader) return reader(parsed, segments);
  const workable = /^([a-z0-9][a-z0-9-]*)\.workable\.com$/.exec(host);
  if (workable && !WORKABLE_HOSTS.has(workable[1]!)) return board('workable', workable[1]);
  return null;
}

// How strongly each kind of mention says "this page's board": an embed script or iframe is the
// page's own board; a link may be one of many (a partner's jobs, a footer).
const WEIGHT = { embed: 4, script: 2, link: 1 } as const;
/** A careers page is read up to this many characters (the fetcher caps the body; direct callers may not). */
const MAX_HTML = 3_000_000;
const MAX_MENTIONS = 2000;
const MAX_SCRIPT_TEXT = 500_000;

const HOST_PATTERN =
  /(?:https?:)?\/\/(?:boards\.greenhouse\.io|job-boards\.greenhouse\.io|boards-api\.greenhouse\.io|jobs\.lever\.co|jobs\.eu\.lever\.co|api\.lever\.co|api\.eu\.lever\.co|jobs\.ashbyhq\.com|api\.ashbyhq\.com|apply\.workable\.com|[a-z0-9-]+\.workable\.com)(?:[/?][^\s"'<>`\\)]*)?/gi;
// The community Lever embed (lever-jobs-embed) is configured in a script: leverJobsOptions = { accountName: 'acme' }.
const LEVER_EMBED = /leverJobsOptions\s*=\s*\{[^}]{0,500}?accountName\s*:\s*["']([^"']{1,100})["']/;

/**
 * The hiring-system board a company's careers page embeds or links to, or null. Embed scripts
 * and iframes count most, URLs inside inline scripts next, links least; the board with the most
 * weight wins (the first seen on a tie). A page that is itself on a hiring system is that board.
 */
export function findHiringBoardInHtml(html: string, pageUrl: string): HiringBoardRef | null {
  const own = hiringBoardFromUrl(pageUrl);
  if (own) return own;
  const base = URL.canParse(pageUrl) ? pageUrl : undefined;
  const $ = cheerio.load(html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html);
  const scores = new Map<string, { ref: HiringBoardRef; score: number }>();
  let mentions = 0;
  const note = (raw: string | undefined, weight: number) => {
    if (!raw || mentions >= MAX_MENTIONS) return;
    mentions++;
    let absolute: string;
    try {
      absolute = base ? new URL(raw.trim(), base).href : raw.trim();
    } catch {
      return;
    }
    const ref = hiringBoardFromUrl(absolute);
    if (!ref) return;
    const key = `${ref.system}\n${ref.token}`;
    const entry = scores.get(key) ?? { ref, score: 0 };
    entry.score += weight;
    scores.set(key, entry);
  };

  $('script[src], iframe[src], iframe[data-src], embed[src]').each((_, element) => {
    note($(element).attr('src') ?? $(element).attr('data-src'), WEIGHT.embed);
  });
  $('script:not([src])').each((_, element) => {
    const text = $(element).text().slice(0, MAX_SCRIPT_TEXT).replace(/\\\//g, '/');
    for (const match of text.matchAll(HOST_PATTERN)) note(match[0], WEIGHT.script);
    const lever = LEVER_EMBED.exec(text);
    if (lever) note(`https://jobs.lever.co/${lever[1]}`, WEIGHT.embed);
  });
  // A careers page that only forwards to the board: <meta http-equiv="refresh" content="0; url=…">.
  $('meta[http-equiv]').each((_, element) => {
    if ($(element).attr('http-equiv')?.toLowerCase() !== 'refresh') return;
    const target = /url\s*=\s*['"]?([^'"\s]+)/i.exec($(element).attr('content') ?? '');
    if (target) note(target[1], WEIGHT.embed);
  });
  $('a[href], link[href], area[href], form[action]').each((_, element) => {
    note($(element).attr('href') ?? $(element).attr('action'), WEIGHT.link);
  });

  let best: { ref: HiringBoardRef; score: number } | null = null;
  for (const entry of scores.values()) if (!best || entry.score > best.score) best = entry;
  return best?.ref ?? null;
}
