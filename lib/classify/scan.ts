// One pass over a text finds every term the classifier cares about: language and skill names,
// and the trigger words each detector's phrases contain ("remote", "degree", "visa", "year"...).
// Detectors then run their precise regexes only on small windows around their triggers.
//
// Why not one big regex: on a 4 KB description any alternation regex costs 20-40 µs whatever it
// finds, and classify() has a budget of tens of µs for everything. A first loop keeps only the
// word starts whose first three letters begin a known word (one table lookup each); a second
// compares those against the few words in their bucket.

import type { Language } from '../vocabulary';
import { lowerSameLength } from '../text/case';
import { LANGUAGE_TERMS, languageOfTerm } from './languages';
import { SKILL_TERMS, skillOfTerm, type Skill } from './skills';

export const TRIGGER_KINDS = ['remote', 'hybrid', 'onsite', 'degree', 'visa', 'years', 'level', 'money', 'pay', 'role', 'backend', 'frontend', 'service'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

// Prefixes (matched at a word start, any ending) and exact words (`=word`) per detector.
const TRIGGERS: Record<TriggerKind, readonly string[]> = {
  remote: ['remote', 'distribut', 'anywhere', 'wfh', 'telecommut', 'home', 'comfort of', 'office'],
  hybrid: ['hybrid', 'office', 'home', 'mobil', 'remote'],
  onsite: ['on-site', 'onsite', 'on site', 'in-person', 'in person', 'in-office', 'in office', 'presencial', 'vor ort', 'office', 'remote'],
  degree: [
    'degree', 'bachelor', 'master', 'phd', 'ph.d', 'ph. d', 'doctorate', '=bs', '=ms', '=be', '=ba', 'b.s', 'm.s', 'b.e', 'b.a', 'bsc', 'msc',
    'b.tech', 'btech', 'b. tech', '=mca', '=mba', 'universit', 'college', 'studium', 'hochschul', 'abschluss', 'diploma', 'licenciatura',
    'título', 'equivalent', 'vergleichbare', 'gleichwertige', 'ausbildung', 'alternativ', 'high school', '=ged', '=education',
  ],
  visa: ['visa', 'sponsor', 'authori', 'citizen', 'right to work', 'legal right', 'permit', 'eligible', 'entitled', 'h1', 'h-1', 'visum', 'immigration'],
  years: ['year', '=yr', '=yrs', 'jahr', 'año', '=ans', 'année', 'experience', 'expérience', '=exp'],
  level: ['senior', '=sr', 'junior', '=jr', 'entry', 'mid', 'intermediate', 'lead', 'staff', 'principal'],
  money: [
    '=usd', '=eur', '=gbp', '=cad', '=aud', '=nzd', '=chf', '=sek', '=nok', '=dkk', '=pln', '=czk', '=inr', '=jpy', '=sgd', '=brl', '=mxn',
    '=zar', '=ils', '=uah', '=hkd', '=cny', 'rs.', '=dollar', '=dollars', '=euro', '=euros', '=pound', '=pounds',
  ],
  // Pay words, so amounts written without a currency ("150k-210k cash") are looked at near them.
  pay: ['salar', 'compensat', '=comp', '=pay', '=paid', '=pays', '=base', '=cash', '=ote', 'stipend', '=wage', '=wages', 'gehalt', 'vergütung', 'sueldo', 'salario'],
  role: ['back-end', 'backend', 'back end', 'front-end', 'frontend', 'front end', 'full-stack', 'fullstack', 'full stack', 'across the'],
  // Words that point at server or browser work, counted for titles that name neither.
  backend: [
    '=back-end', '=backend', '=back end', '=server-side', '=server side', '=api', '=apis', '=rest', '=restful', '=graphql', 'microservice',
    '=database', '=databases', '=postgres', '=postgresql', '=mysql', '=mongodb', '=redis', '=kafka', '=django', '=flask', '=fastapi',
    '=rails', '=spring', '=laravel', 'node.js', '=nodejs', '=express', '=nestjs', '=golang', 'distributed systems', '=sql',
  ],
  frontend: [
    '=front-end', '=frontend', '=front end', '=react', '=react.js', '=reactjs', '=vue', '=vue.js', '=vuejs', '=angular', '=svelte', '=next.js',
    '=css', '=html', '=ui/ux', 'user interface', '=tailwind', '=redux', '=browser', 'chrome extension',
  ],
  // Words of server work for titles that name no kind of work ("Associate").
  service: ['=service', '=services', 'microservice', '=api', '=apis', '=backend', '=back-end', '=server', '=servers'],
};
const MONEY_SYMBOLS = ['$', '€', '£', '¥', '₹'];

interface Entry {
  /** Lower-case text to find at a word start. */
  word: string;
  /** Its char codes (comparing codes beats startsWith on two-byte strings several times over). */
  codes: number[];
  /** Whole word only (terms and `=word` triggers) or any word beginning with it. */
  exact: boolean;
  /** A language/skill term (handled by languageOfTerm/skillOfTerm) rather than a trigger. */
  term: boolean;
  kinds: TriggerKind[];
}

// 1 for the characters \w matches (ASCII letters, digits, "_"): a table beats range tests.
const WORD_CHAR = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  WORD_CHAR[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0;
}
const isWordCode = (c: number): boolean => WORD_CHAR[c] === 1;
const bucketKey = (c1: number, c2: number): number => ((c1 & 127) << 7) | (c2 & 127);

// Entries by their first two characters, then by the third (two-letter words apart), longest
// first; one-character terms ("c") apart. Most word starts then have no or one candidate.
interface Bucket {
  twoLetter: Entry[];
  byThird: (Entry[] | undefined)[];
}
const BUCKETS: (Bucket | undefined)[] = new Array<Bucket | undefined>(128 * 128);
const SINGLES: (Entry[] | undefined)[] = new Array<Entry[] | undefined>(128);
// Filters for the first pass, so it can skip words that cannot start a known one: a hashed
// table of first-three-letter prefixes (collisions only let a few extra words through), and
// tables for two-letter words ("go", "ts") and one-letter ones ("c") that must end there.
const PREFIX3_BITS = 16;
const HAS_PREFIX3 = new Uint8Array(1 << PREFIX3_BITS);
const HAS_WORD2 = new Uint8Array(128 * 128);
const HAS_SINGLE = new Uint8Array(128);
const prefix3 = (c1: number, c2: number, c3: number): number => (Math.imul(Math.imul(c1, 31) + c2, 31) + c3) & ((1 << PREFIX3_BITS) - 1);

function addEntry(entry: Entry): void {
  const { word } = entry;
  if (word.length === 1) {
    (SINGLES[word.charCodeAt(0) & 127] ??= []).push(entry);
    HAS_SINGLE[word.charCodeAt(0) & 127] = 1;
    return;
  }
  if (word.length === 2) HAS_WORD2[bucketKey(word.charCodeAt(0), word.charCodeAt(1))] = 1;
  else HAS_PREFIX3[prefix3(word.charCodeAt(0), word.charCodeAt(1), word.charCodeAt(2))] = 1;
  const bucket: Bucket = (BUCKETS[bucketKey(word.charCodeAt(0), word.charCodeAt(1))] ??= { twoLetter: [], byThird: new Array<Entry[] | undefined>(128) });
  const list: Entry[] = word.length === 2 ? bucket.twoLetter : (bucket.byThird[word.charCodeAt(2) & 127] ??= []);
  const same = list.find((e) => e.word === word && e.exact === entry.exact);
  if (same) {
    same.term ||= entry.term;
    for (const k of entry.kinds) if (!same.kinds.includes(k)) same.kinds.push(k);
  } else list.push(entry);
}

const codesOf = (word: string): number[] => Array.from({ length: word.length }, (_, i) => word.charCodeAt(i));
for (const word of [...LANGUAGE_TERMS, ...SKILL_TERMS]) {
  if (!word.startsWith('.')) addEntry({ word, codes: codesOf(word), exact: true, term: true, kinds: [] });
}
for (const kind of TRIGGER_KINDS) {
  for (const t of TRIGGERS[kind]) {
    const word = t.startsWith('=') ? t.slice(1) : t;
    addEntry({ word, codes: codesOf(word), exact: t.startsWith('='), term: false, kinds: [kind] });
  }
}

for (const bucket of BUCKETS) for (const list of bucket?.byThird ?? []) list?.sort((a, b) => b.word.length - a.word.length);

/** `lower` holds `codes` at `at`. */
function matchesAt(lower: string, at: number, codes: number[]): boolean {
  if (at + codes.length > lower.length) return false;
  for (let k = 0; k < codes.length; k++) if (lower.charCodeAt(at + k) !== codes[k]) return false;
  return true;
}

export interface TermHit<T> {
  value: T;
  index: number;
}

/** Everything one pass over a text found. */
export interface TextScan {
  text: string;
  lower: string;
  languages: TermHit<Language>[];
  skills: TermHit<Skill>[];
  /** Positions of trigger words, per detector. */
  triggers: Record<TriggerKind, number[]>;
}

/**
 * A term ends where a word ends; "c++"/"c#" may carry a version ("C++20"), and nothing may
 * continue it with "#" or "++".
 */
function termEnds(lower: string, end: number, word: string): boolean {
  const c = lower.charCodeAt(end);
  const last = word.charCodeAt(word.length - 1);
  if (last === 43 /* + */ || last === 35 /* # */) return !(c >= 97 && c <= 122) && c !== 95 && c !== 35;
  if (isWordCode(c) || c === 35) return false;
  return !(c === 43 && lower.charCodeAt(end + 1) === 43);
}

/** Check the entries at word start `i`; returns whether a language/skill term was taken there. */
function visit(
  list: readonly Entry[],
  lower: string,
  i: number,
  termDone: boolean,
  term: (start: number, end: number) => void,
  triggers: Record<TriggerKind, number[]>,
): boolean {
  for (const e of list) {
    if (!matchesAt(lower, i, e.codes)) continue;
    const end = i + e.codes.length;
    if (e.exact && !termEnds(lower, end, e.word)) continue;
    if (e.term && !termDone) {
      term(i, end);
      termDone = true;
    }
    for (const k of e.kinds) triggers[k].push(i);
  }
  return termDone;
}

const NET = codesOf('net');
const SPACE_CORE = codesOf(' core');

function emptyTriggers(): Record<TriggerKind, number[]> {
  return { remote: [], hybrid: [], onsite: [], degree: [], visa: [], years: [], level: [], money: [], pay: [], role: [], backend: [], frontend: [], service: [] };
}

// Reused between calls: scanText is synchronous and the term handlers never call it back.
let starts = new Int32Array(4096);

/**
 * First pass, kept small so it compiles tight: the word starts whose first letters could
 * begin a known word. Returns how many were written to `starts`.
 */
function candidateStarts(lower: string): number {
  const n = lower.length;
  if (starts.length < n) starts = new Int32Array(n);
  let count = 0;
  let prevWord = 0;
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    const word = WORD_CHAR[c]!;
    if (word === 1 && prevWord === 0) {
      const c2 = lower.charCodeAt(i + 1);
      const c3 = lower.charCodeAt(i + 2);
      if (
        HAS_PREFIX3[prefix3(c, c2, c3)] === 1 ||
        HAS_WORD2[((c & 127) << 7) | (c2 & 127)] === 1 ||
        HAS_SINGLE[c & 127] === 1 ||
        (c === 110 /* n of .net */ && i > 0 && lower.charCodeAt(i - 1) === 46)
      ) {
        starts[count++] = i;
      }
    }
    prevWord = word;
  }
  return count;
}

/** Every term and trigger in `text` (`lower`: lowerSameLength(text), if already made). */
export function scanText(text: string, inTitle: boolean, lower = lowerSameLength(text)): TextScan {
  const languages: TermHit<Language>[] = [];
  const skills: TermHit<Skill>[] = [];
  const triggers = emptyTriggers();

  const term = (start: number, end: number): void => {
    const raw = text.slice(start, end);
    const lang = languageOfTerm(text, start, end, raw, inTitle);
    if (lang) languages.push({ value: lang, index: start });
    const skill = skillOfTerm(text, start, end, raw);
    if (skill) skills.push({ value: skill, index: start });
  };

  const count = candidateStarts(lower);
  for (let k = 0; k < count; k++) {
    const i = starts[k]!;
    const c = lower.charCodeAt(i);
    const before = i > 0 ? lower.charCodeAt(i - 1) : 32;
    // ".NET" (but not "ivpn.net"); otherwise a term glued to "." or "#" is a file, URL or tag.
    if (before === 46 /* . */ && matchesAt(lower, i, NET) && !isWordCode(lower.charCodeAt(i + 3))) {
      const dotAt = i - 1;
      const beforeDot = dotAt > 0 ? lower.charCodeAt(dotAt - 1) : 32;
      if (!isWordCode(beforeDot)) {
        const core = matchesAt(lower, i + 3, SPACE_CORE) && !isWordCode(lower.charCodeAt(i + 8));
        term(dotAt, core ? i + 8 : i + 3);
        continue;
      }
    }
    // A hashtag at a word start ("#Python" in a list of tags) names the stack like a word does.
    let termDone = before === 46 || (before === 35 && i > 1 && isWordCode(lower.charCodeAt(i - 2)));
    const bucket = BUCKETS[bucketKey(c, lower.charCodeAt(i + 1))];
    if (bucket) {
      // Longer words first (three-plus letters), then two-letter ones ("go", "ts", "sr").
      const third = bucket.byThird[lower.charCodeAt(i + 2) & 127];
      if (third) termDone = visit(third, lower, i, termDone, term, triggers);
      if (bucket.twoLetter.length) termDone = visit(bucket.twoLetter, lower, i, termDone, term, triggers);
    }
    const singles = SINGLES[c & 127];
    if (singles && !termDone) {
      for (const e of singles) if (c === e.codes[0] && termEnds(lower, i + 1, e.word)) term(i, i + 1);
    }
  }
  for (const symbol of MONEY_SYMBOLS) {
    for (let at = text.indexOf(symbol); at !== -1; at = text.indexOf(symbol, at + 1)) triggers.money.push(at);
  }
  if (triggers.money.length > 1) triggers.money.sort((a, b) => a - b);
  return { text, lower, languages, skills, triggers };
}

export interface Span {
  start: number;
  end: number;
}

/** Windows [hit - before, hit + after] around a detector's triggers (of one kind or several), merged, in text order. */
export function windowsFor(scan: TextScan, kind: TriggerKind | readonly TriggerKind[], before: number, after: number): Span[] {
  const hits = typeof kind === 'string' ? scan.triggers[kind] : kind.flatMap((k) => scan.triggers[k]).sort((a, b) => a - b);
  const spans: Span[] = [];
  const n = scan.text.length;
  for (const h of hits) {
    const start = Math.max(0, h - before);
    const end = Math.min(n, h + after);
    const last = spans[spans.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else spans.push({ start, end });
  }
  return spans;
}

// A window that does not begin a line gets this in front, so "^" in a pattern cannot match
// mid-line and indices stay in step (it takes the place of the character before the window).
const SENTINEL = '\u0001';

function windowText(text: string, s: Span): { slice: string; offset: number } {
  if (s.start === 0 || text.charCodeAt(s.start - 1) === 10) return { slice: text.slice(s.start, s.end), offset: s.start };
  return { slice: SENTINEL + text.slice(s.start, s.end), offset: s.start - 1 };
}

/** True when non-global `re` matches inside any window. */
export function testWindows(re: RegExp, text: string, spans: readonly Span[]): boolean {
  for (const s of spans) if (re.test(windowText(text, s).slice)) return true;
  return false;
}

/** Each match of global `re` inside the windows, `index` made absolute; return false to stop. */
export function execWindows(re: RegExp, text: string, spans: readonly Span[], onMatch: (m: RegExpExecArray) => boolean | void): void {
  for (const s of spans) {
    const { slice, offset } = windowText(text, s);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice))) {
      m.index += offset;
      if (onMatch(m) === false) return;
      if (m[0].length === 0) re.lastIndex++;
    }
  }
}
