// Where the work happens. Short fields (title, location, tags; Hacker News headers live in
// the title) are read first, then specific phrases in the description. A bare "remote" in a
// long text proves little ("remote sites", "remote support", "remote control"), so the
// description needs phrases.

import type { RemoteKind } from '../vocabulary';
import { scanText, testWindows, windowsFor, type TextScan } from './scan';

const NOT_WORK_REMOTE = String.raw`(?!\s+(?:sensing|control|support|monitoring|patient|sites?|areas?|regions?|access|desktop|procedure|management|devices?))`;

const SHORT_NO_REMOTE = /\b(?:no|not|kein|keine)\s+remote\b/i;
const SHORT_REMOTE_OPTION =
  /(?:\bor|\/|&)\s*(?:fully\s+|full\s+|100%\s+)?remote\b|\bremote\b[^|]{0,30}?\s*(?:\bor\b|\/|&)\s*(?:hybrid|on-?site|in[- ]office|in[- ]person)/i;
const SHORT_HYBRID_REMOTE = /\bhybrid[- ]remote\b/i;
const SHORT_REMOTE = new RegExp(
  String.raw`\b(?:remote(?:ly)?${NOT_WORK_REMOTE}|wfh|work from home|anywhere|worldwide|home-?office|telecommute)\b`,
  'i',
);
const SHORT_FULL_OFFICE = /\b(?:5|five)\s*(?:x|days?)\s*(?:(?:\/|a|per)\s*)?(?:week\s*)?(?:(?:in|at)\s*)?(?:the\s+)?office\b|\b(?:5|five) days in (?:the )?office\b/i;
const SHORT_HYBRID = /\bhybrid(?:e[sn]?)?\b|\b(?:on-?site|in[- ]office)\s+(?:a\s+)?few days\b|\b\d\s*(?:x|days?)\s*(?:\/|a|per)\s*week\b|\bin[- ]office\s+\d|\b\d\s*days?\s+(?:in|at)\s+(?:the\s+)?office\b/i;
const SHORT_ONSITE = /\b(?:on[- ]?site|onsite|in[- ]office|in[- ]person|office[- ]based|presencial|vor ort|präsenz)\b/i;

/**
 * Where the work happens, from short text only (a title, a location, tags, one header field):
 * "REMOTE (US)" -> remote, "Onsite" -> onsite, "Backend Engineer" -> unknown.
 */
export function workplaceOfShortText(text: string): RemoteKind {
  if (!text) return 'unknown';
  if (SHORT_NO_REMOTE.test(text)) return 'onsite';
  if (SHORT_REMOTE_OPTION.test(text)) return 'remote';
  if (SHORT_HYBRID_REMOTE.test(text)) return 'hybrid';
  const remote = SHORT_REMOTE.test(text);
  if (SHORT_FULL_OFFICE.test(text)) return 'onsite';
  if (SHORT_HYBRID.test(text)) return 'hybrid';
  // "Remote (US / Canada), or in-office SF/NYC": remote is on offer.
  if (remote) return 'remote';
  return SHORT_ONSITE.test(text) ? 'onsite' : 'unknown';
}

const DESC_REMOTE_STRONG =
  /\b(?:100\s?% distributed|(?:has|have) no office|fully[- ]remote|full[- ]remote|100\s?%\s?remote(?:ly)?|all[- ]remote|remote[- ]only|completely remote|entirely remote|komplett remote|vollständig remote|work (?:remotely )?from anywhere|(?:position|role|job|opportunity) is (?:a\s+)?(?:fully\s+|100%\s+)?remote|this is a (?:fully |100% )?remote (?:position|role|job)|(?:position|role|job)s? (?:is|are|can be) (?:performed |done |worked )?(?:100% |fully |entirely )?remote(?:ly)?|location:\s*[^\n]{0,40}?\bremote|(?:position|job|work|employment|workplace)\s+type:\s*[^\n]{0,30}?\bremote|fully distributed|remote[- ]first|#li-remote)\b/i;
const DESC_HYBRID = new RegExp(
  [
    String.raw`\bhybrid(?:e[sn]?)?\b(?!\s+(?:cloud|multi|apps?|applications?|mobile|infrastructure|delivery|approach|search|solutions?|vehicles?|cars?|events?|engine|architecture|systems?|deployments?|aus|ml|ai|quantum|environments?\s+(?:of|across)|models?\s+of)\b)`,
    String.raw`#li-hybrid`,
    String.raw`\b[1-4]\s*(?:x|days?)\s*(?:\/|a|per|each)\s*week\s+(?:in|at)\s+(?:the\s+|our\s+)?office`,
    String.raw`\b(?:in|at)\s+(?:the\s+|our\s+)?office\s+[1-4]\s*(?:x|days?)`,
    String.raw`\b[1-4]\s+days?\s+(?:in|at)\s+(?:the\s+|our\s+)?office`,
    String.raw`\bwork from home or (?:from\s+)?(?:one of\s+)?our`,
    String.raw`\bhome[- ]?office[- ](?:möglichkeit\w*|tage?|option\w*|regelung)`,
    String.raw`\b(?:option auf|anteilige[rn]?|flexible[rn]?|teilweise[s]?)\s+home[- ]?office`,
    String.raw`\bhome[- ]?office\s+(?:nach|möglich|bis zu|an \d)`,
    String.raw`\b(?:auf|im|ins|vom|mit|zeitweise[sn]?|teilweise[sn]?)\s+(?:arbeiten\s+im\s+)?home-?office\b`,
    String.raw`\bmobile[sn]?\s+arbeiten`,
    String.raw`\bmobil zu arbeiten`,
    String.raw`\bmöglichkeit\w*\s+für\s+remote`,
  ].join('|'),
  'i',
);
const DESC_ONSITE =
  /(?:^|\n|\|)\s*(?:on[- ]?site|in[- ]person|in[- ]office)\s*(?:\||\n|$|\()|\b(?:on[- ]?site (?:position|role|job|only|work)|work(?:ing)? in[- ]person|work(?:ing)? on[- ]?site|work location:\s*on[- ]?site|(?:fully|100\s?%)\s+(?:on[- ]?site|in[- ]office|in[- ]person|presencial)|in[- ]office (?:role|position|job)|in[- ]office (?:5|five) days|work from (?:the |our )?(?:[\w-]+ )?office|presencial|(?:5|five) days (?:a week )?in (?:the )?office|(?<!home[- ])office[- ]based (?:role|position)|no remote|not (?:a )?remote (?:role|position|job)|kein(?:e)? (?:100\s?% )?remote|fully in[- ]person|in[- ]person (?:culture|company|environment|only)\b|must (?:be able to )?(?:commute|work) (?:from|in|at) (?:the |our )?office)\b/i;
const DESC_REMOTE_WEAK =
  /(?:^|\n)\s*(?:[•*-]\s*)?remote\s*(?:[|(\-–/,&:]|\n|$)|[-–|]\s*remote\s*(?:\n|$)|(?:^|[.!?]\s+)remote\s+(?:within|only|across|from|in)\b|\bremote\s+(?:within|across)\b|\b(?:remote (?:[\w-]+ )?(?:position|role|job|opportunity)|remote (?:work(?:ing)?|team|environment|setting|setup|company|organi[sz]ation|contract|freelance|option|worker|employees?)|work(?:ing)? (?:[\w'’-]+ ){0,6}remotely|remotely (?:in|from|within) |headquarters:\s*remote|home[- ]office[- ]based|work(?:ing)? from home|from the comfort of (?:your|their) (?:own )?home|distributed team|remote,? (?:us|usa|u\.s\.|eu|europe|uk|latam|global|worldwide|canada|americas|emea|apac)\b|remote[- ]friendly|wfh|telecommute|remote arbeiten|remote-arbeit|(?:^|\n)\s*(?:[•*-]\s*)?remote\s+(?:and|&)\s+flexible\b)/i;

// "On-site or Remote/Hybrid Flexible": remote is on offer.
const DESC_REMOTE_OPTION = /\b(?:on[- ]?site|hybrid|in[- ]office|office)\s+or\s+(?:fully\s+)?remote\b/i;

// The phrase regexes run only on windows around the trigger words every phrase contains.
function fromDescription(text: string, scan: TextScan): RemoteKind {
  const remoteSpans = windowsFor(scan, 'remote', 60, 60);
  if (testWindows(DESC_REMOTE_STRONG, text, remoteSpans) || testWindows(DESC_REMOTE_OPTION, text, remoteSpans)) return 'remote';
  if (testWindows(DESC_HYBRID, text, windowsFor(scan, 'hybrid', 60, 60))) return 'hybrid';
  if (testWindows(DESC_ONSITE, text, windowsFor(scan, 'onsite', 60, 60))) return 'onsite';
  return testWindows(DESC_REMOTE_WEAK, text, remoteSpans) ? 'remote' : 'unknown';
}

export function detectRemote(
  title: string,
  location: string | null,
  tags: readonly string[],
  descriptionText: string,
  scan?: TextScan,
): RemoteKind {
  const short = workplaceOfShortText(`${title} | ${location ?? ''} | ${tags.join(' | ')}`);
  return short !== 'unknown' ? short : fromDescription(descriptionText, scan ?? scanText(descriptionText, false));
}
