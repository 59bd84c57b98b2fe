// Seniority from the title first ("Senior" anywhere in it wins), then from what the
// description says about the role, then from the years of experience asked.

import type { Seniority } from '../vocabulary';
import { execWindows, scanText, windowsFor, type TextScan } from './scan';

const SENIOR = /\b(?:senior|snr|sr)\b\.?/i;
const INTERN = /\b(?:intern|interns|internship|internships|werkstudent\w*|working student|praktikant\w*|praktikum|apprentice\w*|ausbildung|co-?op)\b/i;
// Titles that name a leadership level. "Lead generation", "Staff accountant", "Account
// manager" and "Founding engineer" are not.
const LEAD =
  /\b(?:lead|leader|leiter\w*|leitung|staff|principal|head|director|vp|vice president|chief|cto|cfo|ceo|coo|cio|cmo|ciso|architect|manager\w*)\b/i;
const NOT_LEAD = /\b(?:lead[- ]gen\w*|staff (?:accountant|nurse|writer)|account manager\w*)/gi;
// "Junior" beats "Manager" ("Junior HR Manager"); "Associate" does not ("Associate Director").
const JUNIOR = /\b(?:junior|jr|entry[- ]level|new grad\w*|graduate|grad|einsteiger\w*|berufseinsteiger\w*|trainee|early[- ]career)\b/i;
const ASSOCIATE = /\bassociate\b/i;
const MID = /\b(?:mid(?![- ]market)|mid[- ]level|midlevel|intermediate|medior|midweight|mid-weight)\b/i;
// "Engineer I/II/III/IV", "Tier III", "Level 2". Roman numerals must be upper case.
const LEVEL =
  /\b(?:[Ee]ngineer|[Dd]eveloper|[Aa]nalyst|[Ss]cientist|[Pp]rogrammer|[Dd]esigner|[Ss]pecialist|[Aa]dministrator|[Tt]echnician|[Cc]onsultant|[Tt]ier|[Ll]evel|ENGINEER|DEVELOPER|SDE|SWE|SE)\s+(IV|V|III|II|I|[1-5])\b/;
const LEVEL_RANK: Record<string, Seniority> = { I: 'junior', '1': 'junior', II: 'mid', '2': 'mid', III: 'senior', '3': 'senior', IV: 'senior', '4': 'senior', V: 'senior', '5': 'senior' };

/** Seniority named by a title; 'unknown' when it names none. */
export function titleSeniority(title: string): Seniority {
  if (SENIOR.test(title)) return 'senior';
  if (INTERN.test(title)) return 'intern';
  if (JUNIOR.test(title)) return 'junior';
  if (LEAD.test(title.replace(NOT_LEAD, ' '))) return 'lead';
  if (ASSOCIATE.test(title)) return 'junior';
  if (MID.test(title)) return 'mid';
  const level = LEVEL.exec(title);
  if (level) return LEVEL_RANK[level[1]!] ?? 'unknown';
  return 'unknown';
}

// "We're looking for a senior engineer", "As a Senior Developer you", "This is an entry-level
// position", "a mid to senior level position" (the lower level counts).
const DESCRIPTION_LEVEL =
  /\b(?:looking for|seeking|hiring|hiring for|searching for|recruiting|need|want|as|join us as|this is|is)(?:\s*:)?\s+(?:[-*•]\s*)?(?:an?\s+)?(?:(?:highly|very|truly|experienced|talented|motivated|skilled|seasoned|strong|driven|passionate|great|exceptional|full[- ]stack|back[- ]?end|front[- ]?end|remote|software)\s+)*(senior|sr\.?|junior|jr\.?|entry[- ]level|mid[- ]level|intermediate|lead|staff|principal)\b|\b(senior|junior|entry|mid)[- ]level\s+(?:position|role|opportunity|job|engineer|developer)\b|\b(senior|junior|entry|mid)\s+(?:role|position)\b/i;
const LEVEL_WORD: Record<string, Seniority> = {
  senior: 'senior', 'sr.': 'senior', sr: 'senior', junior: 'junior', 'jr.': 'junior', jr: 'junior', entry: 'junior',
  'entry-level': 'junior', 'entry level': 'junior', 'mid-level': 'mid', 'mid level': 'mid', mid: 'mid',
  intermediate: 'mid', lead: 'lead', staff: 'lead', principal: 'lead',
};
// "Job Title: Electrical Engineer I" at the top of a description.
const HEAD_LENGTH = 300;

const DESCRIPTION_LEVEL_ALL = new RegExp(DESCRIPTION_LEVEL.source, 'gi');

/** Seniority the description states for the role, or 'unknown'. */
export function descriptionSeniority(text: string, scan: TextScan = scanText(text, false)): Seniority {
  let found: Seniority = 'unknown';
  execWindows(DESCRIPTION_LEVEL_ALL, text, windowsFor(scan, 'level', 110, 40), (m) => {
    const word = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase();
    const level = LEVEL_WORD[word];
    if (!level) return;
    found = level;
    return false;
  });
  if (found !== 'unknown') return found;
  const level = LEVEL.exec(text.slice(0, HEAD_LENGTH));
  return level ? (LEVEL_RANK[level[1]!] ?? 'unknown') : 'unknown';
}

/** Years asked -> level, for postings that state no level at all. */
export function seniorityFromYears(years: number | null): Seniority {
  if (years === null) return 'unknown';
  if (years < 2) return 'junior';
  if (years < 5) return 'mid';
  return 'senior';
}

export function detectSeniority(title: string, descriptionText: string, yearsRequired: number | null, scan?: TextScan): Seniority {
  const fromTitle = titleSeniority(title);
  if (fromTitle !== 'unknown') return fromTitle;
  const fromText = descriptionSeniority(descriptionText, scan);
  if (fromText !== 'unknown') return fromText;
  return seniorityFromYears(yearsRequired);
}
