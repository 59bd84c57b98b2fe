// Kind of work, decided mostly by the title. Generic engineering titles ("Software Engineer",
// "Founding Engineer") fall back to what the description says about the stack.

import type { Role } from '../vocabulary';
import { execWindows, scanText, windowsFor, type TextScan } from './scan';

// Non-engineering work, checked first: a "Sales Engineer" or "Technical Writer" is not a developer.
const NON_ENGINEERING =
  /\b(?:sales|account (?:executive|manager)|business development|bdr|sdr|marketing|marketer|brand|communications?|copywriter|writers?|editor|designer|design(?! (?:engineer|system))|artist|animator|illustrator|recruit\w*|talent|human resources|hr(?=[- ](?:manager|generalist|business|specialist|coordinator|assistant|partner|team))|people (?:ops|operations|partner)|payroll|accountant|accounting|bookkeep\w*|buchhalt\w*|steuer\w*|finance (?:manager|analyst|director|specialist|assistant)|financial (?:analyst|advisor|planner|controller|sales)|finanzberater|controller|legal|attorney|lawyer|counsel|paralegal|customer (?:success|support|service|care|operations)|client (?:support|success|partner)|support (?:agent|specialist|representative|engineer)|technical support|service desk|help ?desk|it[- ]support|receptionist|recepcionist|office assistant|assistant|coordinator|product manager|project manager|program manager|product owner|scrum master|product management|policy|partnerships?|community|devrel|developer relations|developer advocate|evangelist|solutions? (?:engineer|consultant)|sales engineer|pre-?sales|trainer|training|annotator|labell?ing|transcription|evaluator|rater|underwriter|broker|nutrition\w*|pharmacy|clinical|patient|nurse|electrician|electrical engineer|mechanical engineer|civil engineer|structural engineer|process engineer|project engineering|bauingenieur|entwicklungsingenieur|teacher|tutor|strategist|vertrieb\w*|projektmanager|creative|content|operations (?:specialist|associate|manager|lead))\b|\btrain(?:ing)?\b[^|]{0,25}\bai\b/i;

const FULLSTACK = /\bfull[- ]?stack\b|\bfront[- ]?end\b[^|]{0,20}\band\b[^|]{0,10}\bback[- ]?end\b|\bback[- ]?end\b[^|]{0,20}\band\b[^|]{0,10}\bfront[- ]?end\b/i;
const BACKEND_EXPLICIT = /\bback[- ]?end\b|\bserver[- ]side\b|\bapi\b|\bbackend\b/i;
const MOBILE = /\b(?:mobile|ios|android|react native|flutter|swiftui)\b/i;
const DATA =
  /\b(?:data(?!\s+(?:center|centre|entry))|datos|daten|machine learning|ml|mlops|ai(?:\/ml)?\s+(?:engineer|developer|scientist|researcher|architect)|deep learning|computer vision|nlp|analytics|anal[ií]tica|business intelligence|bi (?:engineer|developer|analyst)|etl|big data)\b/i;
const DEVOPS =
  /\b(?:devops|devsecops|sre|site reliability|reliability|infrastructure|infra|platform reliability|cloud (?:systems? )?engineer|cloud engineer|systems? administrator|sysadmin|systemadministrator\w*|systemintegration|kubernetes|developer productivity|build (?:and|&) release|release engineer|observability)\b/i;
const FRONTEND = /\b(?:front[- ]?end|ui engineer|ui developer|react developer|angular developer|vue(?:\.js)? developer)\b/i;
// Language-named developer titles ("Python Developer", "Go Engineer") and platform titles are backend work.
const BACKEND_WEAK =
  /\b(?:golang|go|python|django|java|kotlin|scala|ruby|rails|php|laravel|elixir|erlang|rust|node(?:\.?js)?|clojure|haskell|perl|platform|distributed systems)\b|(?<![\w#+])(?:c#|c\+\+|\.net)(?![\w#+])/i;
const FRONTEND_FRAMEWORK_TITLE = /\b(?:react(?:\.?js)?|vue(?:\.?js)?|angular|svelte)\b/i;
const ENGINEERING =
  /\b(?:engineer\w*|developer|dev|programmer|programer|entwickler\w*|architect|software|coder|cto|swe|sde|technical lead|tech lead|ingeniero)\b/i;

// Description hints for generic titles: first an explicit role ("Senior Software Engineer,
// Backend", "a full-stack Senior Software Engineer", "backend developers"), then a full-stack
// mention, then how many server-side and browser-side words the text has (counted by scan.ts).
const DESCRIPTION_ROLE =
  /\b(?:engineer|developer)s?,?\s+(back[- ]?end|front[- ]?end|full[- ]?stack)\b|\b(back[- ]?end|front[- ]?end|full[- ]?stack)\s+(?:(?:senior|sr\.?|staff|lead|principal|junior|mid-level|software|web|product)\s+){0,2}(?:engineer|developer)s?\b/gi;
// "frontend and backend engineers" describes the company, not this role.
const ROLE_LIST_BEFORE = /(?:back[- ]?end|front[- ]?end|full[- ]?stack|mobile|data|devops)\s*(?:,|and|&|or|\/)\s*$/i;
const FULLSTACK_AT = /^(?:full[- ]?stack\b|across the (?:whole |entire |full )?stack\b)/i;
const DESCRIPTION_ENGINEERING = /\b(?:software engineer|developer|engineers?\b(?! (?:manager|sales))|programmer)/i;
const SPACES = /\s+/g;
const ROLE_WORD: Record<string, Role> = {
  backend: 'backend', 'back-end': 'backend', 'back end': 'backend', frontend: 'frontend', 'front-end': 'frontend',
  'front end': 'frontend', fullstack: 'fullstack', 'full-stack': 'fullstack', 'full stack': 'fullstack',
};

function explicitDescriptionRole(text: string, scan: TextScan): Role | null {
  let found: Role | null = null;
  execWindows(DESCRIPTION_ROLE, text, windowsFor(scan, 'role', 60, 80), (m) => {
    if (m[2] && ROLE_LIST_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) return;
    const role = ROLE_WORD[(m[1] ?? m[2] ?? '').toLowerCase().replace(SPACES, ' ')];
    if (!role) return;
    found = role;
    return false;
  });
  return found;
}

function fromDescription(text: string, scan: TextScan): Role {
  const explicit = explicitDescriptionRole(text, scan);
  if (explicit) return explicit;
  for (const at of scan.triggers.role) if (FULLSTACK_AT.test(text.slice(at, at + 32))) return 'fullstack';
  const fe = scan.triggers.frontend.length;
  const be = scan.triggers.backend.length;
  if (fe >= 2 && be >= 2) return 'fullstack';
  if (fe >= 2 && fe > be * 2) return 'frontend';
  return 'backend';
}

// Hacker News headers are "Company | Role | Place | Pay": judge the segment naming the role, so a
// company called "Immigration Policy Lab" does not make a full-stack job non-engineering.
const SEGMENT_SPLIT = /\s*\|\s*/;
const ROLE_SEGMENT_STRONG = /\b(?:engineer\w*|developer|programmer|full[- ]?stack|back[- ]?end|front[- ]?end|devops|sre)\b/i;
const ROLE_SEGMENT = /\b(?:data|designer|marketing|sales|manager|recruiter|writer|analyst|scientist)\b/i;

function roleSegment(title: string): string {
  if (title.indexOf('|') === -1) return title;
  const parts = title.split(SEGMENT_SPLIT);
  return parts.find((part) => ROLE_SEGMENT_STRONG.test(part)) ?? parts.find((part) => ROLE_SEGMENT.test(part)) ?? title;
}

/** Kind of work; `scan` is scanText(descriptionText), if already made. */
export function detectRole(rawTitle: string, descriptionText: string, scan?: TextScan): Role {
  const description = (): TextScan => (scan ??= scanText(descriptionText, false));
  const title = roleSegment(rawTitle);
  if (NON_ENGINEERING.test(title)) return 'other';
  if (FULLSTACK.test(title)) return 'fullstack';
  const backendExplicit = BACKEND_EXPLICIT.test(title);
  if (backendExplicit && FRONTEND.test(title)) return 'fullstack';
  if (backendExplicit) return 'backend';
  if (MOBILE.test(title)) return 'mobile';
  if (DATA.test(title)) return 'data';
  if (DEVOPS.test(title)) return 'devops';
  const weak = BACKEND_WEAK.test(title);
  const framework = FRONTEND_FRAMEWORK_TITLE.test(title);
  if (weak && framework) return 'fullstack'; // "Python React Developer"
  if (FRONTEND.test(title)) return 'frontend';
  if (weak) return 'backend';
  if (framework) return 'frontend';
  if (ENGINEERING.test(title)) return fromDescription(descriptionText, description());
  // Hacker News headers often name no role ("Goody | Remote | $170-230K"): the text may.
  const explicit = explicitDescriptionRole(descriptionText, description());
  if (explicit) return explicit;
  return rawTitle.indexOf('|') !== -1 && DESCRIPTION_ENGINEERING.test(descriptionText) ? fromDescription(descriptionText, description()) : 'other';
}
