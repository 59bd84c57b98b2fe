import { statesPay, workplaceOfShortText } from '../../lib/classify';
import { htmlToText } from '../../lib/text';
import { cleanText, FIELD_LIMITS, normalizeTags, truncate } from '../formats';

// A "Who is hiring?" comment is free text. The thread asks posters to start with a header line
// like "Company | Role | Location | REMOTE | $salary | URL", and most do, in any order. This
// module reads that header (and, when it names no role, the role bullets or "we're hiring a
// …" sentences under it) into the fields of a listing. It is a heuristic: what it cannot
// place it leaves out, and classification still reads the whole description. Whether a
// segment says where the work happens or what it pays is lib/classify's to tell (the same
// rules that classify the listing); this module only places segments, and says nothing of its
// own about remote work or visas: classification reads the header with the rest.

export interface JobHeader {
  company: string | null;
  title: string;
  location: string | null;
  salaryText: string | null;
  tags: string[];
}

export type HeaderOutcome = { header: JobHeader } | { skip: string };

// --- vocabulary ---------------------------------------------------------------------------

// Nouns that make a phrase a job title ("Backend Engineer", "Multiple roles").
const ROLE_NOUN =
  /(?<![\w.])(?:engineers?|engineering|eng|enginners?|developers?|devs?|programmers?|scientists?|architects?|designers?|managers?|analysts?|researchers?|sres?|devops|devsecops|devrel|administrators?|admins?|specialists?|consultants?|interns?|internships?|technicians?|writers?|recruiters?|marketers?|advocates?|executives?|directors?|head of|cto|ceo|cfo|vp|founders?|co-?founders?|roles?|positions?|openings?|swes?|sdrs?|sdets?|ae|aes|pms?|ems?|leads?|generalists?|wranglers?|hackers?|operators?|coordinators?|artists?|evangelists?|representatives?|associates?|officers?|traders?|dba|mles?|qa|wizards?)\b/i;

// A title ends in one of these ("Senior Backend Engineer", not "Lead and implement …").
const ROLE_END =
  /(?<![\w.])(?:engineers?|enginners?|developers?|devs?|programmers?|scientists?|architects?|designers?|managers?|analysts?|researchers?|sres?|devops|devrel|administrators?|specialists?|consultants?|interns?|technicians?|writers?|recruiters?|marketers?|advocates?|executives?|directors?|cto|founders?|swes?|sdrs?|leads?|generalists?|hackers?|coordinators?|artists?|evangelists?|representatives?|traders?|roles|positions)\.?$/i;

// Words that name a department or field: a segment made only of these ("Data", "Product &
// Design") is a role segment too.
const DEPARTMENT_WORDS = new Set([
  'data', 'product', 'design', 'marketing', 'sales', 'software', 'ml', 'ai', 'security', 'growth', 'infra',
  'infrastructure', 'backend', 'back-end', 'frontend', 'front-end', 'fullstack', 'full-stack', 'platform', 'mobile',
  'ops', 'operations', 'research', 'support', 'analytics', 'finance', 'gtm', 'it', 'web', 'cloud', 'all', 'and', 'or',
  'multiple', 'various', 'first',
]);

const GENERIC_ROLES = /^(?:multiple|various|several|many|all|open|lots of|a few)\b[^,]*\b(?:roles?|positions?|openings?)\b|^(?:engineers?|engineering|multiple)$/i;

/** The segment says where the work happens (remote, hybrid, onsite), in lib/classify's reading. */
const namesWorkplace = (text: string): boolean => workplaceOfShortText(text) !== 'unknown';

const EMPLOYMENT_START = /^(?:all\s+)?(?:(?:full|part|half)[\s-]?(?:or\s+part[\s-]?)?time|full-?\s*or\s*part|fulltime|parttime|ft|pt|fte|contract|contractor|freelance|permanent|internships?|temporary)\b/i;

// Places the header format uses without commas ("Remote | EU", "NYC").
const PLACE_WORDS =
  /\b(?:US|USA|U\.S\.?|UK|EU|EEA|EMEA|APAC|LATAM|Americas|North America|South America|Europe|European|Asia|Africa|Canada|Mexico|Brazil|India|Germany|France|Spain|Portugal|Poland|Netherlands|Ireland|Sweden|Norway|Denmark|Finland|Switzerland|Austria|Italy|Israel|Australia|Japan|Singapore|Worldwide|Global|Anywhere|International|NYC|NY|SF|LA|DC|Bay Area|Silicon Valley|New York|San Francisco|Los Angeles|Seattle|Boston|Chicago|Austin|Denver|London|Berlin|Munich|Paris|Amsterdam|Stockholm|Zurich|Dublin|Lisbon|Barcelona|Madrid|Toronto|Vancouver|Montreal|Tokyo|Bangalore|Bengaluru|Remote|Hybrid|On-?site|Onsite|timezones?|time zones?|UTC|GMT|EST|PST|CET|ET|PT)\b/;
const STATE_CODE = /,\s*[A-Z]{2}\b/;
// Capitalized words that are not places ("Competitive Salary + Equity", "Rails / React").
const NOT_PLACE =
  /\b(?:salary|equity|benefits|competitive|funding|series|seed|industry|tech|saas|fintech|startup|platform|music|software|engineering|stack|open-?source|bonus|options?|python|java|javascript|typescript|react|rails|ruby|rust|golang|go|php|kotlin|swift|node(?:js)?|vuejs|django|kubernetes|aws|gcp|azure|sql|mysql|postgres(?:ql)?|llms?|ai|ml|b2b|b2c|visa|sponsorship)\b/i;
const CONNECTORS = new Set(['or', 'and', 'of', 'in', 'the', 'de', 'da', 'am', 'im', 'la', 'only', 'based', 'area', 'metro', 'greater', 'us', 'via']);

const TLDS =
  'com|io|ai|co|dev|app|org|net|tech|so|xyz|energy|fm|tv|ch|de|uk|nl|se|space|health|care|vc|us|ca|eu|fyi|gg|sh|run|is|me|to|ly|inc|works|studio|games|cloud|page|info|biz|team|jobs|careers|network|systems|security|finance|bio|vision|ml|pro|one|build|site';
const URL_SEGMENT = new RegExp(`^(?:https?://\\S+|(?:www\\.)?[\\w-]+(?:\\.[\\w-]+)*\\.(?:${TLDS})(?:/\\S*)?)(?:\\s|$)`, 'i');
const URL_ANYWHERE = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;

// --- small helpers ------------------------------------------------------------------------

/** Text outside parentheses and brackets ("Remote (US only for these roles)" -> "Remote"). */
function outsideParens(text: string): string {
  let depth = 0;
  let out = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    else if (depth === 0) out += char;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Split on commas/semicolons that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth++;
    if ((char === ')' || char === ']') && depth > 0) depth--;
    if ((char === ',' || char === ';') && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

function tidy(text: string): string {
  return text
    .replace(/:[a-z_]+:/g, ' ') // ":mag:" emoji codes
    .replace(/^[\s*=~>•·–—:|-]+|[\s*=~>•·–—:|-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isRoleText(text: string): boolean {
  const bare = outsideParens(text);
  if (!bare) return false;
  if (ROLE_NOUN.test(bare)) return true;
  const words = bare.toLowerCase().split(/[\s,&/+]+/).filter(Boolean);
  return words.length > 0 && words.some((word) => word !== 'and' && word !== 'or' && word !== 'all') && words.every((word) => DEPARTMENT_WORDS.has(word));
}

/** A phrase that is a job title: short, and its last word (outside parentheses) is a role noun. */
function isTitleLike(text: string, maxLength = 80): boolean {
  const bare = outsideParens(text).replace(/[.!:]+$/, '');
  return bare.length > 0 && text.length <= maxLength && ROLE_END.test(bare);
}

/** Names a place outright: a known region/city/time zone, or "City, ST". */
function isStrongPlace(text: string): boolean {
  const bare = outsideParens(text) || text;
  return PLACE_WORDS.test(bare) || STATE_CODE.test(bare);
}

/** Could be a place: capitalized words and connectors only ("Cambourne", "Pine Bluff"). */
function isWeakPlace(text: string): boolean {
  const bare = outsideParens(text) || text;
  if (NOT_PLACE.test(bare)) return false;
  const words = bare.split(/[\s,/&+]+/).filter(Boolean);
  return words.length > 0 && words.length <= 8 && words.every((word) => /^[A-ZÀ-Þ][\p{L}.'’-]*$/u.test(word) || CONNECTORS.has(word.toLowerCase()));
}

/** Header text that is a sentence of the description, not a header field. */
function isProse(text: string): boolean {
  return text.split(/\s+/).length >= 8 && /\b(?:we|we're|we’re|our|you|your|is|are|was|will|that|which|looking)\b/i.test(text);
}

/** A segment that only says how (REMOTE, Onsite, Hybrid) and not where. */
function isModeOnly(text: string): boolean {
  return /^(?:(?:100%|fully|full|all|remote|hybrid|on-?site|onsite|in[\s-]?office|in[\s-]?person|only|first|friendly|ok|or|and|&|\/|\+|-|\s)+)$/i.test(text.replace(/[()]/g, ' ').trim());
}

const KEY_VALUE = /^(company|employer|location|locations|loc|where|office|salary|compensation|comp|pay|role|roles|position|positions|title|job title|job summary|job|hiring|open roles|employment|type|remote|visa)\s*:\s*(.+)$/i;

// --- the header line ----------------------------------------------------------------------

interface Fields {
  company: string | null;
  roles: string[];
  locations: string[];
  weakLocations: string[];
  modeOnly: string[];
  salary: string | null;
  /** All header text except the company, for remote/visa/employment hints. */
  hintText: string[];
}

/** "Acme (YC W21) (https://acme.com) - the tagline" -> "Acme". */
function cleanCompany(raw: string): string | null {
  let text = tidy(raw).replace(/^company\s*:\s*/i, '');
  text = text.replace(URL_ANYWHERE, ' ');
  text = outsideParens(text);
  text = text.split(/\s+[-–—]+\s+|\s+--?\s*|\s*--\s*/)[0] ?? text;
  text = text.replace(/\s+(?:is|are)\s+hiring\b.*$/i, '').replace(/\s+hiring\b.*$/i, '');
  return cleanText(tidy(text), FIELD_LIMITS.company);
}

/** Host of a URL-ish segment, as a company name of last resort ("splash.tech"). */
function hostOf(text: string): string {
  return text.replace(/^https?:\/\//i, '').replace(/^www\./i, '').split(/[/\s]/)[0] ?? text;
}

/** A role as text: no label, link, leading article or trailing colon ("a Backend Engineer: https://…"). */
function cleanRole(text: string): string {
  return tidy(
    text
      .replace(/\(\s*(?:https?:\/\/|www\.)[^)]*\)/gi, ' ')
      .replace(URL_ANYWHERE, ' ')
      .replace(/^(?:hiring|open roles|roles|positions)\s*:\s*/i, '')
      .replace(/^(?:(?:for|an?|the|one|its|our)\s+)+/i, '')
      .split(/\s+[•·]\s+/)[0]!,
  );
}

function addRole(fields: Fields, text: string) {
  const role = cleanRole(text);
  if (role) fields.roles.push(role);
}

function classifySegment(fields: Fields, segment: string, hinted = false) {
  let text = tidy(segment);
  if (!text) return;
  if (isProse(text)) {
    // A header that runs into the description: keep its first sentence if that is a field.
    const sentence = /^(.{3,}?[.!?])(?:\s|$)/.exec(text)?.[1];
    if (!sentence || sentence.length > 100 || isProse(sentence)) {
      fields.hintText.push(text.slice(0, 50));
      return;
    }
    text = sentence;
  }
  if (!hinted) fields.hintText.push(text);
  const keyValue = KEY_VALUE.exec(text);
  if (keyValue) {
    const key = keyValue[1]!.toLowerCase();
    const value = keyValue[2]!.trim();
    if (/^(company|employer)$/.test(key)) fields.company ??= cleanCompany(value);
    else if (/^(location|locations|loc|where|office)$/.test(key)) fields.locations.push(value);
    else if (/^(salary|compensation|comp|pay)$/.test(key)) fields.salary ??= value;
    else if (/^(role|roles|position|positions|title|job title|job summary|job|hiring|open roles)$/.test(key)) addRole(fields, value);
    return;
  }
  if (URL_SEGMENT.test(text)) return;
  if (statesPay(text)) {
    fields.salary ??= text;
    return;
  }
  if (EMPLOYMENT_START.test(text)) {
    // "Full-time (Remote, SF, NYC)": the rest may still say where.
    const remainder = outsideParens(text) === text ? text.replace(EMPLOYMENT_START, '') : text.replace(EMPLOYMENT_START, '').replace(/[()]/g, ' ');
    const where = tidy(remainder.replace(URL_ANYWHERE, ' ').replace(/^[\s,&/+-]+/, ''));
    if (where && where !== text && (namesWorkplace(where) || isStrongPlace(where))) {
      classifySegment(fields, where, true);
    }
    return;
  }
  // "New York, NY Open roles: Senior Software Engineers (Go, Java)" -> the part after the label.
  const labelled = /\b(?:open roles|roles|positions|hiring)\s*:\s*(.+)$/i.exec(text);
  if (labelled && isRoleText(labelled[1]!)) {
    addRole(fields, labelled[1]!);
    return;
  }
  if (isRoleText(text)) {
    addRole(fields, text);
    return;
  }
  const mode = namesWorkplace(text);
  // "VISA", "No visa sponsorship"; but "Fully Remote (UK ONLY, NO VISAS)" still says where.
  if (/\bvisas?\b|\bsponsor|\bh-?1-?b\b|\bcitizen/i.test(text) && !mode) return;
  if (mode || isStrongPlace(text)) {
    if (isModeOnly(text)) fields.modeOnly.push(text);
    else fields.locations.push(text);
  } else if (isWeakPlace(text)) {
    fields.weakLocations.push(text);
  }
}

// --- roles from the text under the header ---------------------------------------------------

const BULLET = /^(?:--?|•|\*|·|–|—|>)\s*(.+)$/;

/** A line that is nothing but a title: "Imaging Scientist", "Data Engineering team lead". */
function isTitleLine(line: string): boolean {
  return /^[A-Z]/.test(line) && line.length <= 60 && line.split(/\s+/).length <= 8 && !/[.!?]$/.test(line) && isTitleLike(line);
}

/** Role lines under the header: "-- Founding Backend Engineer", "Data Engineer | NYC | link", "Imaging Scientist". */
function bulletRoles(lines: readonly string[]): string[] {
  const roles: string[] = [];
  for (const line of lines.slice(0, 40)) {
    const bullet = BULLET.exec(line)?.[1];
    const piped = line.includes('|') ? line.split('|')[0]! : null;
    const plain = cleanRole(line);
    const candidate = cleanRole((bullet ?? piped ?? (isTitleLine(plain) ? plain : '')).replace(/[.;,]+$/, ''));
    // "Open positions", "Here are our open roles": a heading, not a role.
    if (candidate && isTitleLike(candidate, 70) && !/\b(?:roles|positions|openings)$/i.test(outsideParens(candidate).replace(/[.!:]+$/, ''))) roles.push(candidate);
  }
  return roles;
}

const FILLER =
  '(?:a|an|one|two|three|another|several|multiple|our|some|more|new|the|first|second|highly|very|experienced|talented|passionate|strong|great|motivated|skilled|exceptional|ambitious|driven|curious|senior-minded)';
const HIRING_PHRASE = new RegExp(
  `\\b(?:hiring|looking for|seeking|searching for|recruiting|in need of|need|needs)\\b\\s*:?\\s+(?:${FILLER}\\s+)*((?:(?!(?:who|that|which|to|with|love|loves|want|wants|is|are|can|will|would|have|has|you|we|they|your|their|in|on|at|from|by|as)\\b)[A-Za-z0-9+#./()-]+\\s+){0,5}?(?:engineers?|developers?|programmers?|scientists?|architects?|designers?|managers?|analysts?|researchers?|sres?|administrators?|specialists?|consultants?|interns?|technicians?|writers?|marketers?|advocates?|hackers?|generalists?|ctos?|swes?|leads?))\\b`,
  'gi',
);

/** Roles named in sentences: "Goody is hiring a full-stack Senior Software Engineer who …". */
function phraseRoles(text: string): string[] {
  const roles: string[] = [];
  for (const match of text.slice(0, 3000).matchAll(HIRING_PHRASE)) {
    const role = cleanRole(match[1]!);
    if (role && role.length <= 80 && !roles.some((seen) => seen.toLowerCase() === role.toLowerCase())) roles.push(role);
    if (roles.length === 3) break;
  }
  // "…hiring a Senior Software Engineer … we're looking for engineers who …": the bare noun adds nothing.
  return roles.length > 1 ? roles.filter((role) => /\s/.test(role)) : roles;
}

/** The first one or two roles as a title, with a count of the rest. */
function titleFromRoles(roles: readonly string[]): string | null {
  const items = roles
    .flatMap((role) => splitTopLevel(role))
    .map((item) => tidy(item.replace(/^(?:and|&|or)\s+/i, '')))
    .filter((item) => item && !/^(?:etc\.?|and more|more!?|\.\.\.)$/i.test(item));
  if (!items.length) return null;
  const shown = items.slice(0, 2).map((item) => capitalize(item));
  const rest = items.length - shown.length;
  return cleanText(`${shown.join(', ')}${rest > 0 ? ` + ${rest} more` : ''}`, FIELD_LIMITS.title);
}

// --- hints ----------------------------------------------------------------------------------

/** The employment terms the header names, as tags (where and visas are classification's). */
function hintTags(text: string): string[] {
  const tags: string[] = [];
  if (/\binterns?\b|\binternships?\b|\bco-?ops?\b/i.test(text)) tags.push('interns');
  if (/\bfull[\s-]?time\b|\bfulltime\b|\bft\b|\bfte\b/i.test(text)) tags.push('full-time');
  if (/\bpart[\s-]?time\b|\bparttime\b|\bhalf[\s-]?time\b/i.test(text)) tags.push('part-time');
  if (/\bcontract(?:or|s)?\b/i.test(text)) tags.push('contract');
  if (/\bfreelance\b/i.test(text)) tags.push('freelance');
  return normalizeTags(tags);
}

// --- the whole comment ------------------------------------------------------------------------

const NAMED_HIRING = /([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+(?:\([^)]*\)\s+)?(?:is|are)\s+hiring\b/;
const PRONOUN = /^(?:we|i|you|they|our|who|now|currently|also|still|everyone)$/i;

/**
 * Read a "Who is hiring?" comment (HN's HTML) into listing fields, or say why it is not a
 * job post. The title is the header's role segment(s); failing that, role bullets or a
 * "we're hiring a …" sentence in the text; failing that, for a proper pipe header, a title
 * built from the company name.
 */
export function extractJobHeader(html: string): HeaderOutcome {
  const text = htmlToText(html);
  if (!text) return { skip: 'empty comment' };
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  // The header is the first line, or a later one of the first few when an intro comes first.
  const headerIndex = Math.max(
    0,
    lines.slice(0, 5).findIndex((line, index) => {
      if (index === 0) return line.includes('|');
      const head = tidy(line.split('|')[0] ?? '');
      // A later line is a header only if it starts with a name, not with "Fully REMOTE" or a role.
      return line.split('|').length >= 3 && !namesWorkplace(head) && !isTitleLike(head);
    }),
  );
  const first = tidy(lines[headerIndex] ?? '');
  const rest = lines.filter((_, index) => index !== headerIndex);
  const fields: Fields = { company: null, roles: [], locations: [], weakLocations: [], modeOnly: [], salary: null, hintText: [] };

  const segments = first.split('|').map((segment) => tidy(segment)).filter(Boolean);
  const piped = segments.length >= 2;
  if (piped) {
    const [firstSegment, ...others] = segments as [string, ...string[]];
    let head = firstSegment;
    // "Senior Frontend Engineer @ SmileID", "Founders @DogpatchLabs"
    const at = /^(.{2,80}?)\s*(?:@|\bat\b)\s*(.{2,60})$/.exec(head);
    if (at && isRoleText(at[1]!)) {
      addRole(fields, at[1]!);
      head = at[2]!;
    }
    // "Carma (YC W24) Hiring an 10X Founding Full-Stack Engineer"
    const hiring = /\bhiring\s+(?:an?\s+|one\s+|our\s+)?(.+)$/i.exec(outsideParens(head));
    if (hiring && isTitleLike(hiring[1]!)) addRole(fields, hiring[1]!);
    // "Senior Software Engineer (Backend) | Splash.tech | remote": the role came first.
    // "40GRID - Full-time Remote": what follows the company name is header text too.
    const tail = head.split(/\s+[-–—]+\s+/).slice(1).join(' ');
    if (tail) fields.hintText.push(tail);
    if (isTitleLike(head) && !fields.roles.length) {
      addRole(fields, head);
      const site = others.find((segment) => URL_SEGMENT.test(segment));
      fields.company = site ? cleanText(hostOf(site), FIELD_LIMITS.company) : null;
    } else {
      fields.company = cleanCompany(head);
    }
    for (const segment of others) classifySegment(fields, segment);
  } else {
    // No pipes: "Company: X" / "Location: Y" lines, "X is hiring a Y", "Role at Company", or a bare title.
    for (const line of lines.slice(0, 8)) if (KEY_VALUE.test(tidy(line))) classifySegment(fields, line);
    const isHiring = /^(.{1,60}?)\s+(?:is|are)\s+hiring\b[\s:]*(?:an?\s+|one\s+|our\s+)?(.*)$/i.exec(first);
    const roleAt = /^(.{2,80}?)\s+(?:@|at)\s+([\w.&' -]{2,50}?)(?:\s+[-–—]\s+.*)?$/.exec(first);
    if (isHiring) {
      if (!PRONOUN.test(isHiring[1]!.trim())) fields.company ??= cleanCompany(isHiring[1]!);
      if (isTitleLike(isHiring[2]!)) addRole(fields, isHiring[2]!);
      fields.hintText.push(first);
    } else if (roleAt && isTitleLike(roleAt[1]!)) {
      addRole(fields, roleAt[1]!);
      fields.company ??= cleanCompany(roleAt[2]!);
      fields.hintText.push(first);
    } else if (!KEY_VALUE.test(first) && isTitleLike(first) && !/\b(?:we|we're|we’re|i|i'm|our|you|hiring)\b/i.test(first)) {
      addRole(fields, first);
      fields.hintText.push(first);
    } else if (!fields.company && NAMED_HIRING.test(first) && !PRONOUN.test(NAMED_HIRING.exec(first)![1]!)) {
      // "Are you passionate about AI? Encord (YC W21) is hiring across multiple departments"
      fields.company = cleanCompany(NAMED_HIRING.exec(first)![1]!);
    } else if (!fields.company && first.length <= 50 && !/[.!?]$/.test(first) && !/\s(?:is|are|was|i|we|you)\s/i.test(` ${first} `)) {
      // A short first line that is not a sentence ("Gamma Reality Inc") names the company.
      fields.company = cleanCompany(first);
    }
  }

  // A header role that only says "Multiple roles" is replaced by the roles the text names.
  const generic = fields.roles.length > 0 && fields.roles.every((role) => GENERIC_ROLES.test(outsideParens(role)));
  let roles = fields.roles;
  if (!roles.length || generic) {
    const named = bulletRoles(rest);
    const found = named.length ? named : phraseRoles(text);
    if (found.length) roles = found;
  }

  let title = titleFromRoles(roles);
  if (!title && piped && fields.company) title = `Open roles at ${fields.company}`;
  if (!title) return { skip: "not a job post: no 'Company | Role | Location' header and no role named in the text" };

  const hint = fields.hintText.join(' | ');
  const places = [fields.locations, fields.weakLocations, fields.modeOnly].find((list) => list.length) ?? [];
  return {
    header: {
      company: fields.company,
      title,
      location: places.length ? cleanText(truncate(places.join('; '), FIELD_LIMITS.location)) : null,
      salaryText: cleanText(fields.salary, FIELD_LIMITS.salaryText),
      tags: hintTags(hint),
    },
  };
}
