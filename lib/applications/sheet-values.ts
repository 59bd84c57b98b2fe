import { APPLICATION_SOURCES, APPLICATION_STATUSES, type ApplicationSource, type ApplicationStatus } from './statuses';

// What one spreadsheet cell means: a status word, a source, a link (its dates: lib/dates/sheet.ts).
// Sheets are kept by hand, so every reader accepts the forms people type and says 'invalid' for
// the rest.

// ---------------------------------------------------------------- locales

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
