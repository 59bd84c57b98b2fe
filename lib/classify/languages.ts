// Programming languages a posting asks for. scan.ts finds the terms; the handler here looks at
// the neighbouring characters, because several names are also ordinary words ("go", "C",
// "rust", "swift", "spring"), and rankLanguages weighs title, tags (often noisy) and text.

import type { Language } from '../vocabulary';
import { after, before, indexIn, lastIndexIn } from './context';

const WEIGHT_TITLE = 3;
const WEIGHT_TAGS = 2;
const WEIGHT_DESCRIPTION = 1;

// Every spelling scan.ts looks for (lower case, whole words). The handler below reads the
// original casing where it matters ("Go" vs "go", "C" vs "c").
export const LANGUAGE_TERMS: readonly string[] = [
  'golang', 'go', 'python', 'django', 'flask', 'fastapi', 'javascript', 'java script', 'java', 'js', 'node.js', 'nodejs',
  'node js', 'node', 'typescript', 'ts', 'spring boot', 'springboot', 'spring', 'kotlin', 'scala', 'c#', 'csharp', 'asp.net',
  '.net', 'dotnet', 'c++', 'cpp', 'objective-c', 'c', 'rust', 'ruby', 'rails', 'ror', 'php', 'laravel', 'symfony', 'elixir',
  'phoenix', 'erlang', 'clojure', 'haskell', 'ocaml', 'f#', 'swiftui', 'swift', 'dart', 'flutter', 'perl',
];

// Tokens that name a language outright in any casing.
const PLAIN: Record<string, Language> = {
  golang: 'go',
  python: 'python',
  django: 'python',
  fastapi: 'python',
  javascript: 'javascript',
  'node.js': 'javascript',
  nodejs: 'javascript',
  'node js': 'javascript',
  typescript: 'typescript',
  springboot: 'java',
  'spring boot': 'java',
  kotlin: 'kotlin',
  scala: 'scala',
  'c#': 'csharp',
  csharp: 'csharp',
  'asp.net': 'csharp',
  '.net': 'csharp',
  dotnet: 'csharp',
  'c++': 'cpp',
  cpp: 'cpp',
  ruby: 'ruby',
  php: 'php',
  laravel: 'php',
  symfony: 'php',
  erlang: 'erlang',
  clojure: 'clojure',
  haskell: 'haskell',
  ocaml: 'ocaml',
  'f#': 'fsharp',
  perl: 'perl',
  // Longer skill names the scan takes in one piece.
  'ruby on rails': 'ruby',
  'spring framework': 'java',
  'spring mvc': 'java',
  'spring cloud': 'java',
  '.net core': 'csharp',
  'phoenix framework': 'elixir',
  'phoenix liveview': 'elixir',
};

// "Go": the verb is lower case mid-sentence, but sentence starts, title case and slogans
// ("Go above and beyond", "Go-to-market", "Let's Go") need the surrounding words.
const GO_VERB_NEXT =
  /^(?:[-\s]+to\b(?!\s+(?:build|write|develop|create|implement))|[-\s]+live\b|\s+(?:above|beyond|ahead|forward|far|fast|further|back|out|through|get|here|there|figure|green|big|wild|viral)\b|\s*[!“”"'’])/i;
const GO_NEXT_WORD =
  /^(?:\s*\(golang\)|\s*\/\s*golang|\s*[,;/)]|\s*$|\s*\n|\s+(?:developers?|engineers?|engineering|programming|programmers?|language|code|codebase|services?|microservices?|backends?|back-end|stack|experience|modules?|routines|runtime|ecosystem|paradigms|apps?|applications?|tooling|sdks?|skills|expertise|knowledge|proficiency|libraries|library|projects?|generics|concurrency|\d)\b)/i;
const GO_NEXT_LIST = /^\s+(?:and|or|&)\s+[A-Z.]/;
const GO_PREV =
  /(?:\b(?:in|with|using|use|uses|used|write|writes|written|know|knows|of|and|or|like|as|including|to|from|e\.g\.|i\.e\.|golang|python|java|rust|kotlin|typescript|ruby|elixir|php|scala|node(?:\.?js)?|languages?)|c\+\+|c#|[,/(&:+])\s*(?:\d{1,3}\s*%\s*)?$/i;
const GO_TITLE_PREV_REJECT = /\b(?:on the|let'?s|ready to|good to|way to|got to|have to|to)\s*$/i;

// "C": only in clear programming contexts (C/C++, "in C", "C programming"), never C-level,
// C-suite, Series C, Hepatitis C, "(C)" as a level marker, Objective-C.
const C_PREV_REJECT =
  /(?:objective|series|hepatitis|vitamin|plan|grade|type|class|section|level|tier|category|option|team|round|part|block|unit|room|wing|phase|stage|size|mark|the)[\s-]*$|\b[A-Z]\s*[,/]\s*$/i;
const C_NEXT_REJECT = /^(?:[-–](?!language)|\s*(?:corp|suite|level|corporation|round)\b|\))/i;
const C_NEXT_LIST = /^\s*(?:\/|,|&|\band\b|\bor\b)\s*(?:C\+\+|C#|Objective|Rust|Go\b|Golang|Python|Java\b|Assembly|Zig|Fortran|Lua|Linux)/;
const C_NEXT_WORD =
  /^(?:\s+C\+\+|-language|\s+(?:programming|language|code|codebase|developers?|engineers?|development|programmers?|libraries|library|skills|experience|expertise|compilers?|toolchain|99|11|17|standard)\b)/i;
const C_PREV = /(?:\b(?:in|with|using|of|and|or|embedded|ansi|fluent|zig|assembly|languages?)|C\+\+|Rust|Python|Go|Golang|Java|[,/&:])\s*$/i;

// Lower-case or common-word names count when they sit in a list or a tech phrase.
const LIST_PREV = /(?:[,/(&+]|\b(?:in|with|using|and|or))\s*$/i;
const LIST_NEXT = /^\s*(?:[,/)&]|(?:projects?|code|developers?|engineers?|programming|experience|crates?|services?|and|or)\b)/i;

const TS_NEXT_REJECT = /^\s*[/-]\s*SCI\b/i; // TS/SCI is a US security clearance
const RUST_NEXT_REJECT = /^\s+belt\b/i;
const PHOENIX_NEXT = /^\s+(?:framework|liveview|live\s+view)\b/i;
const SPRING_NEXT = /^\s+(?:framework|mvc|cloud|data|security|webflux|batch)\b/i;

const SPACES = /\s+/g;

/** The language a matched term names here, or null (the verb "go", "C-level", "Spring 2026"...). */
export function languageOfTerm(text: string, start: number, end: number, raw: string, inTitle: boolean): Language | null {
  let lower = raw.toLowerCase();
  if (lower.includes(' ') || lower.includes('\n') || lower.includes('\t')) lower = lower.replace(SPACES, ' ');
  if (lower.startsWith('c++')) return 'cpp';
  if (lower.startsWith('c#')) return 'csharp';
  const plain = PLAIN[lower];
  if (plain) return plain;
  switch (lower) {
    case 'go': {
      if (raw !== 'Go' && raw !== 'GO') return null;
      const next = after(text, end, 40);
      if (GO_VERB_NEXT.test(next)) return null;
      const prev = before(text, start, 30);
      if (inTitle) return GO_TITLE_PREV_REJECT.test(prev) ? null : 'go';
      return GO_NEXT_WORD.test(next) || GO_NEXT_LIST.test(next) || GO_PREV.test(prev) ? 'go' : null;
    }
    case 'c': {
      if (raw !== 'C') return null;
      const prev = before(text, start, 24);
      const next = after(text, end, 30);
      if (C_PREV_REJECT.test(prev) || C_NEXT_REJECT.test(next)) return null;
      return C_NEXT_LIST.test(next) || C_NEXT_WORD.test(next) || C_PREV.test(prev) ? 'c' : null;
    }
    case 'java':
      return 'java';
    case 'flask':
      return inTitle || raw === 'Flask' ? 'python' : null;
    case 'js':
      return raw === 'JS' ? 'javascript' : null;
    case 'node':
      if (raw !== 'Node') return null;
      return inTitle || LIST_PREV.test(before(text, start, 12)) || LIST_NEXT.test(after(text, end, 16)) ? 'javascript' : null;
    case 'ts':
      return raw === 'TS' && !TS_NEXT_REJECT.test(after(text, end, 8)) ? 'typescript' : null;
    case 'spring':
      return raw === 'Spring' && SPRING_NEXT.test(after(text, end, 16)) ? 'java' : null;
    case 'rust': {
      const next = after(text, end, 12);
      if (RUST_NEXT_REJECT.test(next)) return null;
      if (inTitle || raw !== 'rust') return 'rust';
      return LIST_PREV.test(before(text, start, 12)) || LIST_NEXT.test(next) ? 'rust' : null;
    }
    case 'rails':
      return inTitle || raw === 'Rails' || raw === 'RAILS' ? 'ruby' : null;
    case 'ror':
      return raw === 'RoR' || raw === 'ROR' ? 'ruby' : null;
    case 'elixir':
      return inTitle || raw !== 'elixir' ? 'elixir' : null;
    case 'phoenix':
      return PHOENIX_NEXT.test(after(text, end, 16)) ? 'elixir' : null;
    case 'swift':
      return raw === 'Swift' || (inTitle && raw !== 'SWIFT') ? 'swift' : null;
    case 'swiftui':
      return 'swift';
    case 'dart':
      return raw === 'Dart' || (inTitle && raw !== 'DART') ? 'dart' : null;
    case 'flutter':
      return raw === 'Flutter' || inTitle ? 'dart' : null;
    default:
      // "java script", "objective-c"
      if (lower.startsWith('java')) return 'javascript';
      return null;
  }
}

interface Evidence {
  weight: number;
  count: number;
  first: number;
}

/** A language term found in a text, at `index`. */
export interface LanguageHit {
  value: Language;
  index: number;
}

function add(found: Map<Language, Evidence>, lang: Language, weight: number, position: number): void {
  const e = found.get(lang);
  if (!e) found.set(lang, { weight, count: 1, first: position });
  else {
    e.count++;
    if (weight > e.weight) e.weight = weight;
    if (position < e.first) e.first = position;
  }
}

/** A sentence or line naming this many languages is a catalogue, not what the job asks for;
 * with a cue ("any language such as", "our core applications are built in") four suffice. */
const STACK_DUMP = 6;
const STACK_DUMP_CUED = 4;
const DUMP_CUE = /\b(?:such as|e\.g\.|or similar|any (?:\w+ ){0,2}languages?|core applications|built in|not your (?:tech )?stack)\b/i;

/** True when a line break or sentence end (". ", "; ") lies between positions `from` and `to`. */
function boundaryBetween(text: string, from: number, to: number): boolean {
  // Only text[from, to + 1] is read (a sentence end may straddle `to`): hits come in text order,
  // so the whole grouping reads the text about once.
  const between = text.slice(from, to + 1);
  return between.indexOf('\n') !== -1 || between.indexOf('. ') !== -1 || between.indexOf('; ') !== -1;
}

// How far a catalogue sentence's cue ("such as", "or similar") is looked for around its hits.
const CUE_REACH = 200;

/** Start of the sentence or line holding `index`, looking back at most CUE_REACH characters. */
function segmentStart(text: string, index: number): number {
  const lo = index - CUE_REACH;
  const nl = lastIndexIn(text, '\n', lo, index + 1);
  const dot = lastIndexIn(text, '. ', lo, index + 2);
  const semi = lastIndexIn(text, '; ', lo, index + 2);
  return Math.max(nl, dot, semi, lo - 1) + 1;
}

/** End of the line holding `index` (exclusive), looking on at most CUE_REACH characters. */
function lineEnd(text: string, index: number): number {
  const nl = indexIn(text, '\n', index, index + CUE_REACH);
  return nl === -1 ? Math.min(text.length, index + CUE_REACH) : nl;
}

/** Description hits minus catalogue sentences, grouped by the sentence or line they sit in. */
function addDescriptionHits(text: string, hits: readonly LanguageHit[], found: Map<Language, Evidence>): void {
  let i = 0;
  while (i < hits.length) {
    // Consecutive hits with no sentence end between them share a segment (linear overall).
    let j = i + 1;
    while (j < hits.length && !boundaryBetween(text, hits[j - 1]!.index, hits[j]!.index)) j++;
    const group = hits.slice(i, j);
    const distinct = group.length < STACK_DUMP_CUED ? group.length : new Set(group.map((h) => h.value)).size;
    let dump = distinct >= STACK_DUMP;
    if (!dump && distinct >= STACK_DUMP_CUED) {
      const first = group[0]!.index;
      const last = group[group.length - 1]!.index;
      dump = DUMP_CUE.test(text.slice(segmentStart(text, first), lineEnd(text, last)));
    }
    if (!dump) for (const h of group) add(found, h.value, WEIGHT_DESCRIPTION, h.index);
    i = j;
  }
}

// Whole-tag lookups. Boards such as Remote OK derive tags from the text by keyword, so "go",
// "c" and "node" in a tag list are as likely the verb, "C-level" or "node groups".
const TAG_LANGUAGES: Record<string, Language> = {
  go: 'go', golang: 'go', python: 'python', django: 'python', flask: 'python', fastapi: 'python',
  javascript: 'javascript', js: 'javascript', node: 'javascript', 'node.js': 'javascript', nodejs: 'javascript',
  typescript: 'typescript', ts: 'typescript', java: 'java', spring: 'java', 'spring boot': 'java', kotlin: 'kotlin',
  scala: 'scala', 'c#': 'csharp', csharp: 'csharp', '.net': 'csharp', dotnet: 'csharp', 'asp.net': 'csharp',
  'c++': 'cpp', cpp: 'cpp', c: 'c', rust: 'rust', ruby: 'ruby', rails: 'ruby', 'ruby on rails': 'ruby', ror: 'ruby',
  'ruby/rails': 'ruby', php: 'php', laravel: 'php', symfony: 'php', elixir: 'elixir', phoenix: 'elixir',
  erlang: 'erlang', clojure: 'clojure', haskell: 'haskell', ocaml: 'ocaml', 'f#': 'fsharp', swift: 'swift',
  swiftui: 'swift', dart: 'dart', flutter: 'dart', perl: 'perl',
};
const AMBIGUOUS_TAGS = new Set(['go', 'c', 'node']);
/** A tag list naming more languages than this is a keyword dump, not a stack. */
const MAX_TAG_LANGUAGES = 4;
/** Below this, a description is too short to contradict a tag. */
const SHORT_DESCRIPTION = 300;
// Uncorroborated tags count only on engineering postings: a board's keyword tags put "php" on
// an office-assistant job because the text mentions a PHP site.
const ENGINEERING_TITLE = /\b(?:engineer\w*|developer|programmer|software|devops|sre|architect|data|stack|back-?end|front-?end|coder|entwickler\w*)\b/i;

/**
 * Languages asked for, strongest evidence first: title, then tags, then description (then
 * how often, then how early). `titleHits`/`descriptionHits` come from scanTerms().
 */
export function rankLanguages(
  title: string,
  tags: readonly string[],
  descriptionText: string,
  titleHits: readonly LanguageHit[],
  descriptionHits: readonly LanguageHit[],
): Language[] {
  const found = new Map<Language, Evidence>();
  for (const h of titleHits) add(found, h.value, WEIGHT_TITLE, -1_000_000 + h.index);
  addDescriptionHits(descriptionText, descriptionHits, found);

  const tagLangs: { lang: Language; ambiguous: boolean; index: number }[] = [];
  tags.forEach((tag, index) => {
    const key = tag.trim().toLowerCase();
    const lang = TAG_LANGUAGES[key];
    if (lang) tagLangs.push({ lang, ambiguous: AMBIGUOUS_TAGS.has(key), index });
  });
  if (tagLangs.length) {
    const soup = new Set(tagLangs.map((t) => t.lang)).size > MAX_TAG_LANGUAGES;
    const shortText = descriptionText.length < SHORT_DESCRIPTION;
    const engineering = ENGINEERING_TITLE.test(title);
    for (const t of tagLangs) {
      // Unreliable tags only count when the text has nothing to say, else they just
      // strengthen a language the text already names.
      const trusted = !soup && !t.ambiguous && engineering;
      if (trusted || shortText || found.has(t.lang)) add(found, t.lang, WEIGHT_TAGS, -500_000 + t.index);
    }
  }

  return [...found.entries()]
    .sort((a, b) => b[1].weight - a[1].weight || b[1].count - a[1].count || a[1].first - b[1].first)
    .map(([lang]) => lang);
}
