// Pay from free text: "$120k–$150k", "120,000 - 150,000 USD/year", "€60k", "$18 - $22/hr",
// "$31,2k- $52k", "CHF 120'000", "up to 90k", "from $100k". One regex finds candidate amounts;
// the surrounding words and a plausibility check (in yearly USD) decide which one is the pay.

import type { Salary, SalaryPeriod } from '../vocabulary';
import { after, before, indexIn, lastIndexIn } from './context';
import { execWindows, scanText, windowsFor, type Span, type TextScan } from './scan';

const CODES = 'USD|EUR|GBP|CAD|AUD|NZD|CHF|SEK|NOK|DKK|PLN|CZK|INR|JPY|SGD|BRL|MXN|ZAR|ILS|UAH|HKD|CNY';
const CUR_PRE = String.raw`(US\$|USD\s?\$|C\$|CA\$|CAD\s?\$|A\$|AU\$|AUD\s?\$|NZ\$|S\$|HK\$|R\$|MX\$|[$€£¥₹]|(?:${CODES}|Rs\.?)(?=\s?\d))`;
// 120,000 | 120.000 | 120'000 | 4 000 | 12,00,000 (Indian grouping) | 31,2 | 16.8 | 2500
const NUM = String.raw`(\d{1,3}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?|\d{1,3}(?:(?:,\s?|[.'’\u00a0 ])\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;
const MULT = String.raw`(?:\s?(k|mm|m|mil|mio|bn|b|t|thousand|million|billion|trillion|tsd)(?![a-z])\.?)?`;
const CUR_POST = String.raw`(?:\s?(${CODES}|[$€£¥₹](?!\s?\d)|dollars?|euros?|pounds?)(?![a-z]))?`;
const QUAL = String.raw`(?:(up to|up-to|upto|max(?:imum)?|no more than|capped at|bis zu|hasta|from|starting at|starts at|start at|starting from|starts from|begins at|at least|minimum(?: of)?|min\.?|mindestens|ab|over|more than|~|approx\.?|around|about|circa|ca\.)\s*(?::\s*)?)?`;
const SEP = String.raw`(?:\s*(?:-|–|—|‐|‑|−|to|bis|and|und)\s*|(?=\s?[$€£]\d))`;
const PERIOD_WORD = String.raw`(hours?|hrs?|h|hourly|days?|daily|weeks?|wk|weekly|months?|mo|monthly|years?|yrs?|annum|annual(?:ly)?|yearly|pa|p\.a|stunde|std|monat|jahr|año|mes)`;
const PERIOD = String.raw`(?:\s*(?:\(\s*)?(?:(?:brutto|gross|netto|base|salary)\s*)?(?:(?:\/|per|a|an|each|p\/|p\.|pro|im|por|al)\s*)?${PERIOD_WORD}(?![a-z])\.?\)?)?`;

// Groups: 1 qualifier, 2 currency, 3 number, 4 multiplier, 5 currency after, 6 period,
// 7 currency, 8 number, 9 multiplier, 10 currency after, 11 period.
const MONEY = new RegExp(
  String.raw`(?<![\w.,'’])${QUAL}${CUR_PRE}?\s?${NUM}${MULT}${CUR_POST}${PERIOD}(?:${SEP}${CUR_PRE}?\s?${NUM}${MULT}${CUR_POST}${PERIOD})?(\+)?`,
  'gi',
);

// Every way of writing a currency that is known, in text or in a board's structured salary
// (Golang Cafe's JSON-LD gives "$"): the one list.
const SYMBOLS: Record<string, string> = {
  $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'us$': 'USD', 'usd$': 'USD', 'c$': 'CAD', 'ca$': 'CAD',
  'cad$': 'CAD', 'a$': 'AUD', 'au$': 'AUD', 'aud$': 'AUD', 'nz$': 'NZD', 's$': 'SGD', 'hk$': 'HKD', 'r$': 'BRL',
  'mx$': 'MXN', rs: 'INR', 'rs.': 'INR', dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP',
  pounds: 'GBP', 'zł': 'PLN', '₽': 'RUB', '₩': 'KRW', '₺': 'TRY', '₪': 'ILS', fr: 'CHF',
};
const PERIODS: Record<string, SalaryPeriod> = {
  h: 'hour', hr: 'hour', hrs: 'hour', hour: 'hour', hours: 'hour', hourly: 'hour', stunde: 'hour', std: 'hour',
  day: 'day', days: 'day', daily: 'day', week: 'week', weeks: 'week', wk: 'week', weekly: 'week',
  month: 'month', months: 'month', mo: 'month', monthly: 'month', monat: 'month', mes: 'month',
  year: 'year', years: 'year', yr: 'year', yrs: 'year', annum: 'year', annual: 'year', annually: 'year',
  yearly: 'year', pa: 'year', 'p.a': 'year', jahr: 'year', año: 'year',
};
// Plausible pay in USD per period (below: allowances, fees; above: funding rounds, revenue).
const BOUNDS: Record<SalaryPeriod, [number, number]> = {
  hour: [5, 1_000],
  day: [40, 8_000],
  week: [200, 40_000],
  month: [300, 150_000],
  year: [3_000, 2_000_000],
};
// Order-of-magnitude USD per unit, only to bound plausibility (a pay figure must land in
// BOUNDS). Conversions for filtering use the stored exchange-rate table, not this.
const ROUGH_USD_PER_UNIT: Record<string, number> = {
  USD: 1, EUR: 1.1, GBP: 1.3, CHF: 1.1, CAD: 0.73, AUD: 0.66, NZD: 0.6, SGD: 0.74, HKD: 0.13, SEK: 0.095,
  NOK: 0.093, DKK: 0.145, PLN: 0.25, CZK: 0.043, INR: 0.012, JPY: 0.0067, BRL: 0.18, MXN: 0.055, ZAR: 0.055,
  ILS: 0.27, UAH: 0.024, CNY: 0.14,
};
const MAX_RANGE_RATIO = 10;
const SMALL_AMOUNT = 300; // below this, with no period given, an amount reads as hourly

const MAX_QUALIFIERS = new Set(['up to', 'up-to', 'upto', 'max', 'maximum', 'no more than', 'capped at', 'bis zu', 'hasta']);
const MIN_QUALIFIERS = new Set([
  'from', 'starting at', 'starts at', 'start at', 'starting from', 'starts from', 'begins at', 'at least', 'minimum', 'minimum of', 'min', 'min.',
  'mindestens', 'ab', 'over', 'more than',
]);

// Words that make an amount something other than pay for the job.
const NOT_PAY_AFTER =
  /^\s*\+?\s*(?:[\w-]+\s+){0,2}?(?:in\s+(?:funding|revenue|arr|sales|seed|series|bookings|payouts?|transactions|gross|annual (?:revenue|bookings))|funding|raised|revenue|arr\b|valuation|seed|series\s+[a-f]\b|round|investment|grant|users|customers|assets|gmv|donations?|payouts?|contracts|perks?|marketplace|allowance|budget|reimbursement|credits?|discounts?|fees?|contribution|home[- ]office|setup|signing|sign-on|referral|relocation|lifetime|childcare|equipment|internet|phone|co-?working|commut\w*|conference|lunch|meals?|food|grocer\w*|gym|wellness|learning|education|tuition|towards)\b|^\s*(?:(?!plus\b|and\b|with\b)[\w-]+\s+)?(?:bonus(?:es)?|equity)\b|^\s*%|^\s*per\s+(?!(?:hour|hr|day|week|month|year|annum)\b)\S/i;
const NOT_PAY_BEFORE =
  /(?:raised|raising|funding|revenue|\barr\b|valuation|worth|invest\w*|grant|budget|allowance|(?:learning|wellness|office|internet|phone|gym|equipment|education|tuition|co-?working|commut\w*|meal|food|lunch|health|fitness|travel|setup)\s+stipend|reimburs\w*|tuition|bonus(?: of)?|fees?|donat\w*|spend|spent|sav(?:e|ed|ing)|costs?|price[ds]?|sale is|sales of|bookings|transactions|process(?:es|ed)?|payouts?|paid out|turnover|umsatz|invoices?|deals?|loans?|credit|commission|referral|discount|arbeitest für|laptop|monitor|equipment|setup)\s*(?:(?:of|up to|over|more than|between|nearly|about|around|a total of|than|is|are|:)\s*)?(?:~\s*)?$/i;
const PAY_CONTEXT =
  /(?:salary|salaries|compensation|\bcomp\b|\bpay\b|\bpaid\b|\bpays\b|\bcash\b|stipend|wage|\brate\b|\brates\b|\bearn|\bote\b|\bbase\b|gehalt|vergütung|sueldo|salario|income|remuneration|pay range|range)/i;
const PERIOD_BEFORE = /(hourly|per hour|stundenlohn|monthly|mensual|monatlich|per month|annual|yearly|per year|jahres)\w*[^.\n]{0,40}$/i;
const PERIOD_BEFORE_MAP: Record<string, SalaryPeriod> = {
  hourly: 'hour', 'per hour': 'hour', stundenlohn: 'hour', monthly: 'month', mensual: 'month', monatlich: 'month',
  'per month': 'month', annual: 'year', yearly: 'year', 'per year': 'year', jahres: 'year',
};
const MILLIONS = new Set(['m', 'mm', 'mil', 'mio', 'million']);
const REJECTED_MULTIPLIERS = new Set(['b', 'bn', 'billion', 't', 'trillion']);
const SMALL_CURRENCIES = new Set(['JPY', 'INR', 'KRW', 'CNY', 'HUF', 'CLP', 'COP', 'IDR']);

const NUMBER_JUNK = /[\s\u00a0'’]/g;
const DOTS = /\./g;
const COMMAS = /,/g;
const THOUSANDS_COMMA = /^\d{1,3}(?:,\d{3})+$|^\d{1,3}(?:,\d{2})+,\d{3}$/;
const THOUSANDS_DOT = /^\d{1,3}(?:\.\d{3})+$/;

/** "120,000" | "120.000" | "120'000" | "4 000" -> 120000 etc.; "31,2" and "16.8" are decimals. */
function parseNumber(raw: string): number {
  const s = raw.replace(NUMBER_JUNK, '');
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  let normal = s;
  if (comma !== -1 && dot !== -1) normal = comma > dot ? s.replace(DOTS, '').replace(',', '.') : s.replace(COMMAS, '');
  else if (comma !== -1) normal = THOUSANDS_COMMA.test(s) ? s.replace(COMMAS, '') : s.replace(',', '.');
  else if (dot !== -1 && THOUSANDS_DOT.test(s)) normal = s.replace(DOTS, '');
  return Number.parseFloat(normal);
}

function multiplier(word: string | undefined): number | null {
  if (!word) return 1;
  const w = word.toLowerCase();
  if (w === 'k' || w === 'thousand' || w === 'tsd') return 1_000;
  if (MILLIONS.has(w)) return 1_000_000;
  return REJECTED_MULTIPLIERS.has(w) ? null : 1;
}

function currencyCode(token: string | undefined): string | null {
  if (!token) return null;
  const lower = token.toLowerCase().replace(WHITESPACE, '');
  return SYMBOLS[lower] ?? (CODE_SET.has(lower.toUpperCase()) ? lower.toUpperCase() : null);
}
const WHITESPACE = /\s+/g;
const CODE_SET = new Set(CODES.split('|'));

const round2 = (n: number): number => Math.round(n * 100) / 100;

export interface SalaryContext {
  /** What a bare "$" means here (CAD in a Canadian posting); USD when not given. */
  dollarCurrency?: string;
  /** Currency for amounts written without one ("80k"): board-stated or clear from the location. */
  defaultCurrency?: string | null;
  /** The text is a salary field or a header line, so amounts need no pay words around them. */
  dedicated?: boolean;
  /** Plain figures with no currency and no "k" ("100,000 - 120,000") may use defaultCurrency. */
  bareDigits?: boolean;
  /** Amounts with no currency take defaultCurrency only next to pay words ("150k-210k cash"). */
  barePaidOnly?: boolean;
  /** The listing's title: in a post giving a range per role, the range on the line naming it wins. */
  roleHint?: string;
}

interface Candidate {
  salary: Salary;
  /** Pay words near the amount ("salary", "compensation", "rate"...). */
  paid: boolean;
}

function candidate(text: string, m: RegExpExecArray, ctx: SalaryContext): Candidate | null {
  const [whole, qual, cur1, num1, mult1, post1, per1, cur2, num2, mult2, post2, per2, plus] = m;
  const end = m.index + whole.length;
  const f1 = multiplier(mult1);
  const f2 = multiplier(mult2);
  if (f1 === null || f2 === null) return null;

  const prev = before(text, m.index, 60);
  if (NOT_PAY_BEFORE.test(prev) || NOT_PAY_AFTER.test(after(text, end, 40))) return null;
  const paid = ctx.dedicated === true || PAY_CONTEXT.test(prev) || PAY_CONTEXT.test(after(text, end, 20));

  // Currency: a code after the amount beats a bare "$" before it ("$1,800 AUD").
  const codes = [post2, post1, cur2, cur1].map(currencyCode);
  let currency = codes.find((c) => c !== null && c !== 'USD') ?? null;
  const dollar = codes.some((c) => c === 'USD');
  const explicitUsd = [post2, post1, cur2, cur1].some((t) => t !== undefined && EXPLICIT_USD.test(t));
  if (!currency && dollar) currency = explicitUsd ? 'USD' : (ctx.dollarCurrency ?? 'USD');
  const bare = !currency;
  if (bare) {
    // "80k" with nothing else: only where the currency is otherwise clear.
    if (!ctx.defaultCurrency) return null;
    const thousands = (mult1 ?? mult2 ?? '').toLowerCase() === 'k';
    if (!thousands && !(ctx.bareDigits && ctx.dedicated)) return null;
    if (ctx.barePaidOnly && !paid) return null; // "40k users", "12k stars"
    if (num1 === '401') return null; // 401(k) retirement plans
    currency = ctx.defaultCurrency;
  }
  if ((f1 >= 1_000_000 || f2 >= 1_000_000) && !SMALL_CURRENCIES.has(currency!)) return null; // "$50M raised"

  let a = parseNumber(num1!) * f1;
  let b = num2 !== undefined ? parseNumber(num2) * f2 : null;
  if (b !== null) {
    // "$170-225K", "€60-100k": the multiplier covers both ends.
    if (mult2 && !mult1 && a < 1_000 && f2 > 1) a *= f2;
    if (mult1 && !mult2 && b < 1_000 && f1 > 1) b *= f1;
    if (a > b) [a, b] = [b, a];
    if (a <= 0 || b / a > MAX_RANGE_RATIO) return null;
  }

  const periodWord = (per2 ?? per1)?.toLowerCase().replace(TRAILING_DOT, '');
  let period: SalaryPeriod | undefined = periodWord ? PERIODS[periodWord] : undefined;
  const top = b ?? a;
  if (!period) {
    const cue = PERIOD_BEFORE.exec(prev);
    period = cue ? PERIOD_BEFORE_MAP[cue[1]!.toLowerCase()] : undefined;
  }
  if (!period) {
    // A small figure with no period ("Rate: up to $80") is an hourly rate, and only pay
    // words make it pay at all ("each sale is $250").
    if (top < SMALL_AMOUNT && !paid) return null;
    period = top < SMALL_AMOUNT ? 'hour' : 'year';
  }

  const rate = ROUGH_USD_PER_UNIT[currency!];
  if (rate !== undefined) {
    const [lo, hi] = BOUNDS[period];
    for (const v of b === null ? [a] : [a, b]) {
      const usd = v * rate;
      if (usd < lo || usd > hi) return null;
    }
  }

  const q = qual?.toLowerCase().trim().replace(TRAILING_COLON, '');
  let salary: Salary;
  if (b !== null) salary = { min: round2(a), max: round2(b), currency: currency!, period };
  else if (q && MAX_QUALIFIERS.has(q)) salary = { min: null, max: round2(a), currency: currency!, period };
  else if ((q && MIN_QUALIFIERS.has(q)) || plus || OPEN_ENDED_AFTER.test(after(text, end, 16))) salary = { min: round2(a), max: null, currency: currency!, period };
  else salary = { min: round2(a), max: round2(a), currency: currency!, period };
  return { salary, paid };
}
const TRAILING_DOT = /\.$/;
const OPEN_ENDED_AFTER = /^(?:\+|\s*(?:or (?:higher|more|above)|and up)\b)/i;
const EXPLICIT_USD = /^(?:usd|us\$)/i;
const TRAILING_COLON = /\s*:$/;

/**
 * The pay stated in a text. A salary field or header (`dedicated`) yields its first plausible
 * amount; a description yields the first amount with pay words near it, else the first
 * plausible amount.
 */
// Amounts in a long text need a currency, so the money regex only runs around one.
const LONG_TEXT = 600;

export function findSalary(text: string, ctx: SalaryContext = {}, scan?: TextScan): Salary | null {
  if (!text) return null;
  let spans: Span[];
  if (text.length > LONG_TEXT && (!ctx.defaultCurrency || ctx.barePaidOnly)) {
    // Amounts need a currency, or (barePaidOnly) pay words near them.
    spans = windowsFor(scan ?? scanText(text, false), ctx.barePaidOnly ? ['money', 'pay'] : 'money', 80, 90);
    if (spans.length === 0) return null;
  } else spans = [{ start: 0, end: text.length }];
  const found: { salary: Salary; paid: boolean; index: number }[] = [];
  execWindows(MONEY, text, spans, (m) => {
    const c = candidate(text, m, ctx);
    if (!c) return;
    found.push({ ...c, index: m.index });
    // Without a title to match, the first amount with pay words settles it.
    if (c.paid && !ctx.roleHint) return false;
    return found.length < MAX_CANDIDATES;
  });
  if (found.length === 0) return null;
  const perRole = ctx.roleHint ? rangeForRole(text, found, ctx.roleHint) : null;
  return perRole ?? (found.find((c) => c.paid) ?? found[0]!).salary;
}

const MAX_CANDIDATES = 12;
// Words that tell one role of a post from another ("Staff", "Frontend", "Engineer").
const ROLE_WORD =
  /\b(?:senior|sr|staff|principal|lead|junior|jr|mid|front[- ]?end|back[- ]?end|full[- ]?stack|data|devops|platform|infrastructure|mobile|ios|android|machine learning|ml|ai|product|design(?:er)?|software|engineer(?:ing)?|developer|manager|scientist|analyst|sre|security|qa)\b/gi;
const ROLE_NOUN = /\b(?:engineer|developer|manager|designer|scientist|analyst|architect|lead|director|sre)s?\b/i;
const normalRole = (w: string): string => w.toLowerCase().replace(/[- ]/g, '');

function roleWords(text: string): Set<string> {
  return new Set([...text.matchAll(ROLE_WORD)].map((m) => normalRole(m[0])));
}

/** The line holding `index`, at most 200 characters each way. */
function lineAt(text: string, index: number): string {
  const prevBreak = lastIndexIn(text, '\n', index - 200, index);
  const start = prevBreak === -1 ? Math.max(0, index - 200) : prevBreak + 1;
  const nl = indexIn(text, '\n', index, index + 200);
  return text.slice(start, nl === -1 ? Math.min(text.length, index + 200) : nl);
}

/**
 * A post listing several roles, each on its own line with its own range ("1. Staff Engineer -
 * $200K-275K"): the range on the line that shares the most role words with the title, if one
 * line clearly does. Otherwise null (the usual choice stands).
 */
function rangeForRole(text: string, found: readonly { salary: Salary; index: number }[], title: string): Salary | null {
  if (found.length < 2) return null;
  const wanted = roleWords(title);
  if (wanted.size === 0) return null;
  let best: Salary | null = null;
  let bestScore = 0;
  let tie = false;
  const lines = new Set<string>();
  for (const c of found) {
    const line = lineAt(text, c.index);
    if (lines.has(line) || !ROLE_NOUN.test(line)) continue;
    lines.add(line);
    let score = 0;
    for (const w of roleWords(line)) if (wanted.has(w)) score++;
    if (score > bestScore) {
      best = c.salary;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return lines.size >= 2 && !tie ? best : null;
}

/**
 * Parse a salary string ("$120k–$150k", "60k EUR", "$60/hr", "up to 90k"...). Amounts with no
 * currency give null unless `ctx.defaultCurrency` says what they are.
 */
export function parseSalary(text: string, ctx: SalaryContext = {}): Salary | null {
  return findSalary(text, { bareDigits: true, ...ctx, dedicated: true });
}

/**
 * Does this short text (one header field) state pay? An amount with a currency does; one
 * without ("120k - 150k") only as a yearly figure, so "32-36h p/w" is hours, not pay.
 */
export function statesPay(text: string): boolean {
  return parseSalary(text) !== null || parseSalary(text, { defaultCurrency: 'USD' })?.period === 'year';
}

/**
 * The ISO 4217 code of a currency as a board states it in structured data: any three-letter
 * code ("usd", "CHF"), or a symbol ("$", "€"). Null when it is neither.
 */
export function statedCurrency(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  return /^[A-Za-z]{3}$/.test(text) ? text.toUpperCase() : (SYMBOLS[text.toLowerCase()] ?? null);
}

// --- Currency from place ------------------------------------------------------------------------

const PLACE_CURRENCIES: [RegExp, string][] = [
  [/\b(?:us|usa|u\.s\.a?\.?|united states|america|new york|nyc|san francisco|sf|seattle|boston|austin|chicago|los angeles|bay area|denver|atlanta|texas|california)\b/i, 'USD'],
  [/\b(?:canada|canadian|toronto|vancouver|montreal|ontario|quebec|alberta|calgary|british columbia|bc)\b/i, 'CAD'],
  [/\b(?:mexico|méxico|monterrey|guadalajara|cdmx)\b/i, 'MXN'],
  [/\b(?:australia|sydney|melbourne|brisbane|perth)\b/i, 'AUD'],
  [/\b(?:new zealand|auckland|wellington)\b/i, 'NZD'],
  [/\b(?:singapore)\b/i, 'SGD'],
  [/\b(?:hong kong)\b/i, 'HKD'],
  [/\b(?:uk|united kingdom|england|scotland|wales|britain|london|manchester|bristol|edinburgh|cambridge|oxford)\b/i, 'GBP'],
  [/\b(?:switzerland|zurich|zürich|geneva|basel|lausanne)\b/i, 'CHF'],
  [/\b(?:eu|europe|european|germany|deutschland|berlin|munich|münchen|hamburg|frankfurt|cologne|köln|stuttgart|düsseldorf|france|paris|netherlands|amsterdam|spain|madrid|barcelona|portugal|lisbon|italy|milan|ireland|dublin|austria|vienna|belgium|brussels|finland|helsinki|estonia|tallinn)\b/i, 'EUR'],
  [/\b(?:india|bangalore|bengaluru|mumbai|delhi|pune|hyderabad|gurugram)\b/i, 'INR'],
  [/\b(?:japan|tokyo|osaka)\b/i, 'JPY'],
];
const DOLLAR_PLACES = new Set(['USD', 'CAD', 'MXN', 'AUD', 'NZD', 'SGD', 'HKD']);

/** The currency a place uses, from a location or header ("Remote (US only)" -> USD), or null. */
export function currencyOfPlace(text: string): string | null {
  for (const [re, code] of PLACE_CURRENCIES) if (re.test(text)) return code;
  return null;
}

/** What "$" means for a posting in this place: the local dollar, else USD. */
export function dollarOfPlace(place: string | null): string {
  return place && DOLLAR_PLACES.has(place) ? place : 'USD';
}
