import type { Salary, SalaryPeriod } from '../vocabulary';
import { degreeRequired, visaSponsorship, yearsRequired } from './eligibility';
import { rankLanguages } from './languages';
import { detectRemote } from './remote';
import { detectRole } from './role';
import { currencyOfPlace, dollarOfPlace, findSalary, parseSalary, statedCurrency, type SalaryContext } from './salary';
import { detectSeniority } from './seniority';
import { rankSkills } from './skills';
import { indexIn } from './context';
import { scanText } from './scan';
import type { Classification, ClassifyInput } from './types';

const LIST_SEPARATORS = /[,;/|]/g;
/** A location naming many countries ("Algeria, Angola, ... Mexico, ...") says nothing about currency. */
const MAX_PLACES = 4;

function placeText(location: string | null): string {
  if (!location) return '';
  return (location.match(LIST_SEPARATORS)?.length ?? 0) < MAX_PLACES ? location : '';
}

// Links carry words ("/remote-jobs/", "careers.lead...") that are not claims about the job.
// Blanked (same length, so positions still line up) without a regex pass over the whole text.
const URL_AT = /^(?:https?:\/\/|www\.)\S+/i;
const MAX_URL = 2048;

function stripUrls(text: string): string {
  let out = '';
  let from = 0;
  let i = text.indexOf('http');
  let j = text.indexOf('www.');
  while (i !== -1 || j !== -1) {
    const at = i === -1 ? j : j === -1 ? i : Math.min(i, j);
    const m = URL_AT.exec(text.slice(at, at + MAX_URL));
    const len = m ? m[0].length : 4;
    out += text.slice(from, at) + (m ? ' '.repeat(len) : text.slice(at, at + len));
    from = at + len;
    i = text.indexOf('http', from);
    j = text.indexOf('www.', from);
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Classification reads at most this many characters (UTF-16 code units, 32 * 1024) of a
 * description: what a posting asks for is said long before that, and the bound keeps the cost
 * of one item fixed whatever a feed sends (the stored description may be longer).
 */
export const MAX_CLASSIFIED_CHARS = 32 * 1024;

function readCap(text: string): string {
  if (text.length <= MAX_CLASSIFIED_CHARS) return text;
  // Never end on half of a surrogate pair.
  const last = text.charCodeAt(MAX_CLASSIFIED_CHARS - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_CLASSIFIED_CHARS - 1 : MAX_CLASSIFIED_CHARS);
}

// A description that opens with a "Company | Role | REMOTE | VISA" line (a Hacker News comment
// whose scraper kept the whole text) carries header fields there; they are read like the title.
const HEADER_MAX = 300;

function headerLine(description: string): string {
  const nl = indexIn(description, '\n', 0, HEADER_MAX + 1);
  const first = nl === -1 ? (description.length <= HEADER_MAX ? description : '') : description.slice(0, nl);
  return first.split('|').length >= 3 ? first : '';
}

function mentionsUsd(text: string): boolean {
  return text.indexOf('USD') !== -1 || text.indexOf('US$') !== -1 || text.indexOf('US dollars') !== -1;
}

function roundWhole(n: number | null): number | null {
  return n === null ? null : Math.round(n * 100) / 100;
}

function statedSalary(input: ClassifyInput, ctx: SalaryContext): Salary | null {
  const stated = input.stated?.salary;
  if (!stated || (stated.min === null && stated.max === null)) return null;
  // The board gave amounts; its currency wins, else the one written in the salary text.
  const currency = statedCurrency(stated.currency) ?? (input.salaryText ? parseSalary(input.salaryText, ctx)?.currency : null) ?? null;
  if (!currency) return null;
  const top = stated.max ?? stated.min ?? 0;
  const period: SalaryPeriod = stated.period ?? (top < 300 ? 'hour' : 'year');
  return { min: roundWhole(stated.min), max: roundWhole(stated.max), currency, period };
}

/** Classify one listing. Pure and synchronous; facts the board states (`stated`) win. */
export function classify(input: ClassifyInput): Classification {
  const title = stripUrls(input.title);
  const description = stripUrls(readCap(input.descriptionText));
  const place = currencyOfPlace(`${placeText(input.location)} | ${title}`);
  const salaryCtx: SalaryContext = {
    dollarCurrency: mentionsUsd(input.salaryText ?? '') || mentionsUsd(description) ? 'USD' : dollarOfPlace(place),
    defaultCurrency: statedCurrency(input.stated?.salary?.currency) ?? place,
  };

  // One scan of each text; detectors look only around the words it found.
  const titleScan = scanText(title, true);
  const scan = scanText(description, false);
  const years = yearsRequired(description, scan);
  const stated = input.stated;
  const header = headerLine(description);
  const shortTitle = header && input.title.indexOf('|') === -1 ? `${title} | ${header}` : title;
  return {
    languages: rankLanguages(title, input.tags, description, titleScan.languages, scan.languages),
    seniority: stated?.seniority ?? detectSeniority(title, description, years, scan),
    role: detectRole(title, description, scan),
    remote: stated?.remote ?? detectRemote(shortTitle, input.location, input.tags, description, scan),
    salary:
      statedSalary(input, salaryCtx) ??
      (input.salaryText ? parseSalary(input.salaryText, salaryCtx) : null) ??
      findSalary(title, { ...salaryCtx, dedicated: true }) ??
      // In the description a figure with no currency ("150k-210k cash") needs pay words next to it.
      findSalary(description, { ...salaryCtx, barePaidOnly: true, roleHint: title }, scan),
    yearsRequired: years,
    degreeRequired: degreeRequired(description, scan),
    visaSponsorship: stated?.visaSponsorship ?? visaSponsorship(shortTitle, description, scan),
    skills: rankSkills(input.tags, titleScan.skills, scan.skills),
  };
}
