// Who may apply: years of experience asked, whether a degree is required, whether the
// employer sponsors visas. English plus the common German and Spanish phrasings seen on boards.

import { after, before, lastIndexIn, lineBefore } from './context';
import { execWindows, scanText, testWindows, windowsFor, type TextScan } from './scan';

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
  ein: 1, einem: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, zehn: 10,
  dos: 2, tres: 3, cuatro: 4, cinco: 5,
};
const NUM = String.raw`(\d{1,2}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|einem|ein|zwei|drei|vier|fünf|sechs|sieben|acht|zehn|dos|tres|cuatro|cinco)`;
const DASH = String.raw`(?:-|–|—|‐|‑|to|bis|a)`;
// "3+ years", "3-5 years", "(5+) years", "five years", "3 + Jahre", "5 años", "2+ years’".
const YEARS = new RegExp(
  String.raw`(?<![\w.,$€£<>+])${NUM}\s*(?:(?:\+|plus)\s*)?(?:\)\s*)?(?:${DASH}\s*${NUM}\s*(?:\+\s*)?)?(?:years?|yrs?|jahren?|jahre|años)(?:['’]s?)?(?!\w)`,
  'gi',
);
// "5+ experience developing ..." (the word "years" left out).
const PLUS_EXPERIENCE = /(?<![\w.,$€£])(\d{1,2})\s*\+\s*(?:experience|exp)\b/gi;

// "... experience", "in a similar role", "building distributed systems" (a requirement bullet).
const EXP_NEXT =
  /^(?:[^.\n;]{0,50}?\b(?:experience|exp\b|erfahrung|berufserfahrung|experiencia)|\s+(?:in|as)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:role|position|capacity)\b|\s+(?:building|developing|designing|writing|working|shipping|programming|coding|leading|managing|using|running|operating)\b)/i;
const OF_NEXT =
  /^\s+(?:of|de)\s+(?!(?:history|operations?|age|existence|growth|success|service|research|innovation|partnership|runway|funding|revenue|profitability|our|the|its)\b)/i;
const PREV_REQUIREMENT =
  /\b(?:at least|minimum(?: of)?|min\.?|mindestens|al menos|required|requires?|need|must have|(?:you|candidates?|applicants?|who)\s+(?:should\s+|must\s+|will\s+)?(?:have|has|bring|possess)|with|over|more than|experience|erfahrung)\s*[:(]?\s*$/i;
// Company history and conditions: "for over 25 years", "building on ten years", "in under 3
// years", a sentence opening "Over 20 years of ...", "if you have 4+ years" (an alternative track).
const PREV_REJECT =
  /\b(?:for|past|last|next|first|every|after|within|since|around|nearly|almost|in|under|on|spent|spend|its|our|their|these|those)\s*(?:over\s+|more than\s+|the\s+(?:past|last|next)\s+)?$|(?:^|[.!?]\s+)(?:with\s+|for\s+)?(?:over|more than)\s*$|\bif\s+you\s+(?:have|['’]ve)\s*$/i;
const NEXT_REJECT = /^\s*(?:old|ago|young|in business|running|now|later|from now|of (?:history|operation|age|existence|growth))\b/i;
// Section headers (short lines just above the statement) saying what the list is.
const REQUIREMENT_HEADER =
  /(?:experience|erfahrung|qualifications?|requirements|requisitos|anforderungen|profil|who you are|you have|you bring|what you bring|looking for|must[- ]haves?|about you|required|skills)/i;
const NICE_HEADER = /(?:bonus|nice[- ]to[- ]have|desired|would be a plus|wünschenswert|von vorteil|wunsch)/i;
const HEADER_LINES = 4;
const HEADER_MAX = 60;

// How far back sectionKind looks for a header: the lines in between are requirement bullets,
// a few hundred characters at most; a bound keeps the look-behind linear overall.
const HEADER_LOOKBACK = 2000;

/** 'nice' | 'required' | null: the nearest short header line above `index`. */
function sectionKind(text: string, index: number): 'nice' | 'required' | null {
  const lo = Math.max(0, index - HEADER_LOOKBACK);
  let end = lastIndexIn(text, '\n', lo, index);
  for (let i = 0; i < HEADER_LINES && end > 0; i++) {
    const nl = lastIndexIn(text, '\n', lo, end);
    if (nl === -1 && lo > 0) return null; // this line starts beyond the look-behind
    const start = nl + 1;
    const line = text.slice(start, end);
    if (line.length <= HEADER_MAX) {
      if (NICE_HEADER.test(line)) return 'nice';
      if (REQUIREMENT_HEADER.test(line)) return 'required';
    }
    end = start - 1;
  }
  return null;
}
const MAX_YEARS = 30;

function toNumber(word: string): number {
  const n = NUMBER_WORDS[word.toLowerCase()];
  return n ?? Number.parseInt(word, 10);
}

/**
 * Minimum years of experience asked: the largest minimum among requirement statements
 * ("5+ years overall, 3+ with Go" -> 5; "3-5 years" -> 3). Company history ("for over 25 years",
 * "5 years old") and nice-to-haves are skipped.
 */
export function yearsRequired(text: string, scan: TextScan = scanText(text, false)): number | null {
  let best: number | null = null;
  const consider = (m: RegExpExecArray): void => {
    const start = m.index;
    const end = start + m[0].length;
    const prev = lineBefore(text, start, 30);
    const next = after(text, end, 60);
    if (PREV_REJECT.test(prev) || NEXT_REJECT.test(next)) return;
    const section = sectionKind(text, start);
    if (section === 'nice' || NICE_HEADER.test(prev)) return;
    if (!(EXP_NEXT.test(next) || OF_NEXT.test(next) || PREV_REQUIREMENT.test(prev) || section === 'required')) return;
    const min = toNumber(m[1]!);
    if (min <= MAX_YEARS && (best === null || min > best)) best = min;
  };
  const spans = windowsFor(scan, 'years', 50, 12);
  execWindows(YEARS, text, spans, consider);
  execWindows(PLUS_EXPERIENCE, text, spans, (m) => {
    const min = toNumber(m[1]!);
    if (min <= MAX_YEARS && (best === null || min > best)) best = min;
  });
  return best;
}

// --- Degree ---------------------------------------------------------------------------------

// A mention of a university degree (not "a high degree of autonomy", "360 degree").
const DEGREE_MENTION =
  /\b(?:(?:bachelor|master)(?:'?s|’s)?\s+degree|bachelor(?:'?s|’s|s)?\b|master(?:'?s|’s)\s+(?:in|of)\b|masters\s+(?:degree|in|of)\b|master\s+(?:degree|of\s+(?:science|arts|engineering|business))\b|ph\.?\s?d\.?|doctorate|bs\/ms|b\.\s?s\.|bsc|msc|b\.?\s?tech|mca|mba|(?:university|college)\s+(?:degree|educated|education)|(?:cs|computer science|engineering|technical|it-related|it|related|relevant|clinical|advanced|academic|university|college|formal)\s+degree|degree\s+(?:in|from)|\bdegree\b(?!\s+of\b)|abgeschlossene[sn]?\s+(?:\S+\s+)?(?:studium|hochschulstudium|bachelor-studium)|hochschulabschluss|universitätsabschluss|studium\s+(?:der|im|in)\b|\bein(?:em)?\s+(?:\S+(?:es|em)\s+)?studium\b|master\/diplom|licenciatura|título universitario)/gi;
// "BS/MS in Computer Science", "BS in CS": the bare abbreviations need a field after them.
const BS_IN = /\b(?:B\.?S\.?|M\.?S\.?|B\.?E\.?|B\.?A\.?)(?:\s*(?:\/|,|or)\s*(?:B\.?S\.?|M\.?S\.?|Ph\.?\s?D\.?))*\s+(?:in|of)\s+(?:a\s+)?(?:computer|software|engineering|math|physics|science|information|electrical|related|technical|data)/gi;
const NOT_DEGREE_BEFORE = /(?:high|certain|some|varying|360|what|any)\s*$/i;
const NOT_DEGREE_AFTER = /^\s*(?:students?|candidates?|programs?|programmes?)\b/i; // "PhD student" is who they are, not a requirement
// Alternatives that make a degree optional ("... or equivalent practical experience"), on the
// same line; softeners ("preferred", "a plus") only close to the degree in the same sentence.
const DEGREE_OR_EXPERIENCE =
  /^[^\n]{0,220}?(?:\bor\s+(?:an?\s+)?(?:(?!field\b|with\b|in\b|and\b)[\w-]+\s+){0,3}experience|\bor equivalent\b|and\/or certifications?|oder\s+(?:eine\s+)?(?:vergleichbare|gleichwertige)|oder\s+(?:eine\s+)?(?:abgeschlossene\s+)?(?:\S+\s+|\S+-)?ausbildung)/i;
const DEGREE_SOFT_AFTER =
  /^[^\n.;]{0,60}?\b(?:preferred|prefered|is a plus|a plus|nice to have|desirable|an advantage|not necessary|not required|optional|von vorteil|wünschenswert)/i;
const DEGREE_OPTIONAL_BEFORE =
  /(?:ideally|idealerweise|preferably|nice to have|bonus|plus:|a plus|big plus|desired|optional|wunsch|alternativ\w*|(?:experience|erfahrung)[^.\n]{0,60}\b(?:or|oder)(?:\s+(?:a|an|ein))?)[^.\n]{0,60}$/i;
const NO_DEGREE =
  /\b(?:no (?:formal |college |university )?degree (?:is )?(?:required|needed|necessary)|degree (?:is )?not (?:required|necessary|needed)|(?:don['’]?t|do not) need a degree|without a (?:college |university )?degree|degree or equivalent experience|or equivalent (?:practical |professional |work )?experience|high school diploma or (?:ged|equivalent)|ausbildung oder (?:ein )?(?:abgeschlossenes )?studium|(?:studium|ausbildung)[^.\n]{0,80}oder (?:eine )?(?:vergleichbare|gleichwertige) (?:qualifikation|ausbildung|erfahrung)|oder vergleichbare (?:praktische )?erfahrung)/i;

/**
 * true when a degree is required; false when the text makes it optional ("or equivalent
 * experience", "preferred", "no degree required"); null when no degree is mentioned.
 */
export function degreeRequired(text: string, scan: TextScan = scanText(text, false)): boolean | null {
  const spans = windowsFor(scan, 'degree', 120, 120);
  if (spans.length === 0) return null;
  if (testWindows(NO_DEGREE, text, spans)) return false;
  let required = false;
  let optional = false;
  const judge = (start: number, end: number): void => {
    if (NOT_DEGREE_BEFORE.test(before(text, start, 8)) || NOT_DEGREE_AFTER.test(after(text, end, 14))) return;
    const soft =
      DEGREE_OR_EXPERIENCE.test(after(text, end, 230)) ||
      DEGREE_SOFT_AFTER.test(after(text, end, 70)) ||
      DEGREE_OPTIONAL_BEFORE.test(lineBefore(text, start, 140)) ||
      sectionKind(text, start) === 'nice';
    if (soft) optional = true;
    else required = true;
  };
  execWindows(DEGREE_MENTION, text, spans, (m) => judge(m.index, m.index + m[0].length));
  execWindows(BS_IN, text, spans, (m) => judge(m.index, m.index + m[0].length));
  if (required) return true;
  return optional ? false : null;
}

// --- Visa -------------------------------------------------------------------------------------

const VISA_NO =
  /\b(?:(?:not|unable to|cannot|can['’]?t|can not|won['’]?t|will not|do not|don['’]?t|does not|doesn['’]?t|are not able to|aren['’]?t able to|no longer)\s+(?:be\s+)?(?:able\s+to\s+)?(?:offer|provide|support|sponsor|consider)\w*(?:\s+\S+){0,3}?\s+(?:visas?|sponsorship|immigration|work permits?)|no\s+(?:visa|h-?1-?b)s?(?:\s+(?:sponsorship|sponsoring|support))?(?!\s+(?:is\s+)?(?:required|needed|necessary))|without\s+(?:visa\s+)?sponsorship|not\s+(?:eligible|available)\s+for\s+(?:visa\s+)?sponsorship|sponsorship\s+(?:is\s+)?not\s+(?:available|provided|offered|possible)|(?:can['’]?t|cannot|unable to|do not|don['’]?t|does not|won['’]?t|will not|not able to)\s+sponsor|must\s+(?:be|have)\s+(?:legally\s+)?(?:authori[sz]ed|eligible|permitted|entitled)\s+to\s+work|(?:legally\s+)?authori[sz]ed\s+to\s+work\s+in|(?:legal\s+)?right\s+to\s+work\s+in|work\s+authori[sz]ation\s+(?:is\s+)?required|(?:u\.?s\.?\s+)?citizenship\s+(?:is\s+)?required|requires?\s+(?:u\.?s\.?\s+)?citizenship|must\s+be\s+a\s+(?:u\.?s\.?\s+)?citizen|us\s+citizen\s+or\s+(?:permanent\s+resident|green\s+card)|not\s+considering\s+candidates\s+(?:that|who)\s+(?:will\s+)?(?:need|require)|keine\s+visa|kein(?:e)?\s+(?:arbeits)?visum)/i;
const VISA_YES =
  /\b(?:visa\s+sponsorship\s+(?:is\s+)?(?:available|provided|offered|possible)|(?:we|will|can|happy to|able to|do|does)\s+(?:also\s+)?sponsor\s+(?:your\s+)?(?:work\s+)?visas?|sponsors?\s+visas|(?:will|can|we)\s+sponsor\b|sponsorship\s+(?:is\s+)?available|offer(?:s|ing)?\s+visa\s+sponsorship|provide(?:s)?\s+(?:visa\s+sponsorship|sponsorship)|h-?1-?b\s+(?:sponsorship|transfers?)|visa\s+(?:support|assistance)\s+(?:is\s+)?(?:available|provided|offered)|(?:relocation|relo)\s+(?:and|&)\s+visa|visa\s+(?:and|&)\s+relocation|existing\s+visa\s+transfers?)/i;
// Hacker News headers: "... | Visa | ..." / "ONSITE, VISA" means the company sponsors.
const VISA_HEADER_FIELD = /(?:^|[|,;]\s*)(?:visa(?:\s+sponsorship)?|h-?1-?b(?:\s+(?:visa|ok|welcome|sponsorship))?|will sponsor visa|sponsors? visas?)\s*(?:[|,;]|$)/i;
const VISA_HEADER_YES = /\b(?:visa sponsorship(?! not)|will sponsor visas?|sponsors? visas?)\b/i;

/** true if the employer sponsors visas, false if it will not / asks for existing authorisation, null if unknown. */
export function visaSponsorship(title: string, text: string, scan: TextScan = scanText(text, false)): boolean | null {
  if (VISA_NO.test(title)) return false;
  if (VISA_HEADER_FIELD.test(title) || VISA_HEADER_YES.test(title)) return true;
  const spans = windowsFor(scan, 'visa', 140, 80);
  if (spans.length === 0) return null;
  if (testWindows(VISA_NO, text, spans)) return false;
  return testWindows(VISA_YES, text, spans) ? true : null;
}
