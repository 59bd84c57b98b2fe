import { localDate, localTime, zonedInstant } from '../timelog/zone';
import { APPLICATION_SOURCES, APPLICATION_STATUSES, type ApplicationSource, type ApplicationStatus } from './statuses';

// What one spreadsheet cell means: a date, a status word, a source, a link. Sheets are kept by
// hand, so every reader accepts the forms people type and says 'invalid' for the rest.

// ---------------------------------------------------------------- dates

export type DateOrder = 'month-first' | 'day-first';

export interface DateReading {
  /** Ambiguous a/b/yyyy dates: 1/2/2026 is 2 January when day-first. */
  order: DateOrder;
  /** Wall-clock dates and times are read in this zone. */
  timeZone: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

// Spreadsheet serial day numbers count from 1899-12-30 (Excel, Google Sheets, LibreOffice).
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

interface WallDate {
  date: string;
  time: string | null;
}

function wallDate(year: number, month: number, day: number, time: string | null): WallDate | 'invalid' {
  if (year < 100) year += 2000;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return 'invalid';
  if (year < MIN_YEAR || year > MAX_YEAR) return 'invalid';
  return { date: `${year}-${pad(month)}-${pad(day)}`, time };
}

/** '14:30', '2:30 PM', '14:30:15' → 'HH:MM'; '' → null; 'invalid' otherwise. */
function readTime(raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  if (value === '') return null;
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?$/i.exec(value);
  if (!m) return 'invalid';
  let hour = +m[1]!;
  const minute = +m[2]!;
  const meridiem = m[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return 'invalid';
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return 'invalid';
  return `${pad(hour)}:${pad(minute)}`;
}

function monthNumber(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/** The first two numbers of a slash date, when it is one: what decides a sheet's date order. */
export function slashDateParts(raw: string): [number, number] | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/.exec(raw.trim());
  return m ? [+m[1]!, +m[2]!] : null;
}

function readWall(value: string, order: DateOrder): WallDate | 'invalid' {
  const withTime = (rest: string | undefined, build: (time: string | null) => WallDate | 'invalid') => {
    const time = readTime(rest);
    return time === 'invalid' ? 'invalid' : build(time);
  };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(.+))?$/.exec(value);
  if (m) return withTime(m[4], (t) => wallDate(+m![1]!, +m![2]!, +m![3]!, t));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+(.+))?$/.exec(value);
  if (m) {
    const [a, b] = [+m[1]!, +m[2]!];
    const dayFirst = a > 12 || (b <= 12 && order === 'day-first');
    return withTime(m[4], (t) => (dayFirst ? wallDate(+m![3]!, b, a, t) : wallDate(+m![3]!, a, b, t)));
  }
  // 15.01.2024 and 15-01-2024 are written day first everywhere they are used.
  m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})(?:,?\s+(.+))?$/.exec(value);
  if (m) return withTime(m[4], (t) => wallDate(+m![3]!, +m![2]!, +m![1]!, t));
  m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(.+))?$/i.exec(value);
  if (m) {
    const month = monthNumber(m[1]!);
    return month === 0 ? 'invalid' : withTime(m[4], (t) => wallDate(+m![3]!, month, +m![2]!, t));
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(.+))?$/i.exec(value);
  if (m) {
    const month = monthNumber(m[2]!);
    return month === 0 ? 'invalid' : withTime(m[4], (t) => wallDate(+m![3]!, month, +m![1]!, t));
  }
  m = /^(\d{5})(\.\d+)?$/.exec(value);
  if (m) {
    const days = +m[1]!;
    const date = new Date(SERIAL_EPOCH + days * 86_400_000);
    const fraction = m[2] ? Number(`0${m[2]}`) : 0;
    const minutes = Math.round(fraction * 1440);
    const time = minutes > 0 ? `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}` : null;
    return wallDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), time);
  }
  return 'invalid';
}

/**
 * Dates as sheets write them: 2024-01-15, 1/15/2024 (or 15/1/2024: the order decides the
 * ambiguous ones), 15.01.2024, Jan 15, 2024, 15 January 2024, spreadsheet serial numbers
 * (45306), each optionally with a time (14:30, 2:30 PM). Times are read in the user's time
 * zone; an ISO timestamp with Z or an offset is taken as it is.
 */
export function parseSheetDate(raw: string, reading: DateReading = { order: 'month-first', timeZone: 'UTC' }): Date | null | 'invalid' {
  const value = raw.trim().replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  if (value === '') return null;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) || date.getUTCFullYear() < MIN_YEAR || date.getUTCFullYear() > MAX_YEAR ? 'invalid' : date;
  }
  const wall = readWall(value, reading.order);
  if (wall === 'invalid') return 'invalid';
  // A day alone is stored as trackend stores every date-only value (midnight UTC, shown as
  // that day everywhere); a time of day is the user's wall clock.
  return wall.time === null ? new Date(`${wall.date}T00:00:00Z`) : zonedInstant(wall.date, wall.time, reading.timeZone);
}

/** A stored date as a sheet writes it back: a day alone (midnight UTC) as 2026-11-03, else the user's wall clock, 2026-11-03 14:30. */
export function formatSheetDate(d: Date | null, timeZone: string): string {
  if (!d) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${localDate(d, timeZone)} ${localTime(d, timeZone)}`;
}

/** Whether `locale` writes the month before the day (en-US: 1/15/2026) or after (en-GB: 15/01/2026). */
export function localeDateOrder(locale: string): DateOrder | null {
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2026, 0, 15)));
    const types = parts.map((p) => p.type);
    return types.indexOf('month') < types.indexOf('day') ? 'month-first' : 'day-first';
  } catch {
    return null;
  }
}

/** The first language of an Accept-Language header that is a valid locale ("de-DE,de;q=0.9" → "de-DE"). */
export function acceptLanguageLocale(header: string | null | undefined): string | null {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim();
    if (!tag || tag === '*') continue;
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? null;
    } catch {
      // not a language tag: try the next one
    }
  }
  return null;
}

// ---------------------------------------------------------------- statuses

/** Lowercase words only: emoji, punctuation and decorations ("🟡 Applied!", "[Offer]") go. */
export const plainWords = (raw: string) =>
  raw
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const STATUS_WORDS: Record<string, ApplicationStatus> = {
  saved: 'saved', save: 'saved', wishlist: 'saved', interested: 'saved', bookmarked: 'saved', toapply: 'saved', notapplied: 'saved', planned: 'saved', draft: 'saved', applying: 'saved', notyetapplied: 'saved', todo: 'saved', lead: 'saved',
  applied: 'applied', apply: 'applied', submitted: 'applied', sent: 'applied', pending: 'applied', waiting: 'applied', inreview: 'applied', emailsent: 'applied', open: 'applied', active: 'applied', inprogress: 'applied', awaitingresponse: 'applied',
  screening: 'screening', screen: 'screening', phonescreen: 'screening', recruitercall: 'screening', phone: 'screening', hrcall: 'screening', screeningcall: 'screening',
  interviewing: 'interviewing', interview: 'interviewing', interviews: 'interviewing', interviewed: 'interviewing', onsite: 'interviewing', technicalinterview: 'interviewing', takehome: 'interviewing', finalround: 'interviewing',
  offer: 'offer', offered: 'offer', offerreceived: 'offer', negotiating: 'offer',
  accepted: 'accepted', hired: 'accepted', acceptedoffer: 'accepted',
  rejected: 'rejected', rejection: 'rejected', declined: 'rejected', denied: 'rejected', no: 'rejected', turneddown: 'rejected', notselected: 'rejected', unsuccessful: 'rejected',
  withdrawn: 'withdrawn', withdrew: 'withdrawn', withdraw: 'withdrawn', iwithdrew: 'withdrawn',
  ghosted: 'ghosted', noresponse: 'ghosted', noreply: 'ghosted', noanswer: 'ghosted', ghost: 'ghosted',
};

// Checked in order: a rejection after an interview is a rejection, a declined offer is the
// candidate withdrawing.
const STATUS_RULES: [RegExp, ApplicationStatus][] = [
  [/\bno (response|reply|answer|news|word)\b|\bghost|\bnever (heard|replied|responded)|\bsilence\b/, 'ghosted'],
  [/\bwithdr|\bi declined\b|\bdeclined (the |their |an )?offer|\boffer declined\b|\bnot interested\b|\bpulled out\b|\bbacked out\b|\bturned (it|them) down\b/, 'withdrawn'],
  [/\breject|\bdeclined\b|\bnot (selected|moving|a fit|chosen|progressing|successful)\b|\bunsuccessful\b|\bdenied\b|\bturned down\b|\bno offer\b|\bposition (closed|filled)\b|\bdidn t (get|make)\b/, 'rejected'],
  [/\baccept|\bhired\b|\bsigned\b|\bstarting\b/, 'accepted'],
  [/\boffer|\bnegotiat/, 'offer'],
  [/\binterview|\bon ?site\b|\bfinal\b|\btechnical\b|\btake ?home\b|\bassessment\b|\bcoding (test|challenge|exercise)\b|\bround\b|\bpanel\b|\bsystem design\b|\bsuperday\b/, 'interviewing'],
  [/\bscreen|\bphone\b|\bcall\b|\brecruiter\b|\bhr\b|\bintro\b/, 'screening'],
  [/\bappl(ied|ication)\b|\bsubmit|\bsent\b|\bwaiting\b|\bpending\b|\breview|\bemail(ed)?\b|\bawaiting\b/, 'applied'],
  [/\bsav|\bwish|\binterest|\bbookmark|\bto apply\b|\bplan|\bdraft|\bresearch|\bprepar|\bnot yet\b/, 'saved'],
];

export interface StatusGuess {
  status: ApplicationStatus;
  /** False when no rule knew the word: the guess is "applied", to be confirmed by the user. */
  known: boolean;
}

/** trackend's reading of a status cell; null for an empty one. Never refuses a word. */
export function guessStatus(raw: string): StatusGuess | null {
  const words = plainWords(raw);
  if (words === '') return null;
  const exact = STATUS_WORDS[words.replace(/ /g, '')];
  if (exact) return { status: exact, known: true };
  for (const [rule, status] of STATUS_RULES) if (rule.test(words)) return { status, known: true };
  return { status: 'applied', known: false };
}

export const isApplicationStatus = (value: string): value is ApplicationStatus => (APPLICATION_STATUSES as readonly string[]).includes(value);

// ---------------------------------------------------------------- sources

export interface KnownBoard {
  id: string;
  name: string;
}

export interface SourceReading {
  source: ApplicationSource;
  /** For job boards: the board trackend knows (its id) or the board named in the sheet. */
  board: string | null;
}

// Job boards trackend does not read, as people name them in sheets.
const OTHER_BOARDS = /\b(indeed|glassdoor|wellfound|angel ?list|hacker ?news|hn|ycombinator|y combinator|work at a startup|otta|welcome to the jungle|dice|monster|ziprecruiter|simply ?hired|built ?in|stack ?overflow|remote ?ok|we ?work ?remotely|remotive|himalayas|arbeitnow|golang ?cafe|python ?org|xing|stepstone|seek|naukri|job ?board|jobs? site|board)\b/;

/** Where the job was found, from a "Source" cell; null for an empty one. Unknown words are "other". */
export function readSource(raw: string, boards: readonly KnownBoard[] = []): SourceReading | null {
  const words = plainWords(raw);
  if (words === '') return null;
  const compact = words.replace(/ /g, '');
  // trackend's own words (its export writes them).
  const own = APPLICATION_SOURCES.find((s) => s.replace(/_/g, '') === compact);
  if (own) return { source: own, board: null };
  const known = boards.find((b) => compact === b.id.replace(/[^a-z0-9]/gi, '').toLowerCase() || compact === plainWords(b.name).replace(/ /g, ''));
  if (known) return { source: 'board', board: known.id };
  if (/\blinked ?in\b/.test(words)) return { source: 'linkedin', board: null };
  if (/\brefer|\bfriend\b|\bnetwork|\bformer colleague\b|\bintroduc/.test(words)) return { source: 'referral', board: null };
  if (/\brecruit|\bagency\b|\bheadhunt|\btalent partner\b|\breached out\b|\binbound\b/.test(words)) return { source: 'recruiter', board: null };
  if (/\bcold\b|\boutreach\b|\bemail(ed)?\b|\bdirect message\b|\bdm\b/.test(words)) return { source: 'cold_email', board: null };
  if (/\bcompany (site|website|page)\b|\bcareers?\b|\bwebsite\b|\bcompany\b|\bdirect\b|\bofficial site\b/.test(words)) return { source: 'company_site', board: null };
  if (OTHER_BOARDS.test(words)) return { source: 'board', board: raw.trim().slice(0, 100) };
  return { source: 'other', board: null };
}

// ---------------------------------------------------------------- links and emails

/** A web link, with https:// added to a bare domain; 'invalid' for anything else. */
export function parseSheetUrl(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : /^[\w-]+(\.[\w-]+)+([/?#]\S*)?$/.test(value) ? `https://${value}` : value;
  try {
    const url = new URL(candidate);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && candidate.length <= 2000) return url.toString();
  } catch {
    // fall through
  }
  return 'invalid';
}

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}$/i;

/** An email address, also from "Jane <jane@x.io>" or "mailto:"; 'invalid' when there is none. */
export function parseSheetEmail(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  const inner = /<([^>]+)>/.exec(value)?.[1] ?? value.replace(/^mailto:/i, '');
  return EMAIL.test(inner.trim()) && inner.length <= 320 ? inner.trim().toLowerCase() : 'invalid';
}
