import { repairMojibake } from './mojibake';

// Plain-text cleanup shared by the JSON boards: every title, company, location and salary
// string goes through cleanText; descriptions stay HTML and only get cleanHtml.

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  hellip: '…', bull: '•', middot: '·', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', curren: '¤',
  sect: '§', para: '¶', deg: '°', plusmn: '±', times: '×', divide: '÷', micro: 'µ',
  iexcl: '¡', iquest: '¿', shy: '\u00ad', ordf: 'ª', ordm: 'º', sup1: '¹', sup2: '²', sup3: '³',
  frac12: '½', frac14: '¼', frac34: '¾', prime: '′', Prime: '″', dagger: '†', Dagger: '‡', permil: '‰',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', rArr: '⇒', check: '✓', hearts: '♥', star: '☆',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç',
  Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï',
  ETH: 'Ð', Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø',
  Ugrave: 'Ù', Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý', THORN: 'Þ', szlig: 'ß',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç',
  egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï',
  eth: 'ð', ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø',
  ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', thorn: 'þ', yuml: 'ÿ',
  OElig: 'Œ', oelig: 'œ', Scaron: 'Š', scaron: 'š', Yuml: 'Ÿ', Zcaron: 'Ž', zcaron: 'ž', fnof: 'ƒ',
};

// HTML maps numeric references to C1 controls onto Windows-1252 (&#146; is ’).
const C1_REFERENCES: Readonly<Record<number, number>> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

function fromCodePoint(code: number): string {
  const mapped = C1_REFERENCES[code] ?? code;
  if (mapped === 0 || mapped > 0x10ffff || (mapped >= 0xd800 && mapped <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(mapped);
}

/** Decode HTML character references (numeric, and the named ones boards actually use). Unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return (name !== undefined && NAMED_ENTITIES[name]) || whole;
  });
}

const TAG = /<\/?[A-Za-z][^<>]*>/g;
const BLOCK_BREAK = /<\s*(?:br\s*\/?|\/?\s*(?:p|div|li|ul|ol|tr|h[1-6]|pre|blockquote|table)\b[^<>]*)>/gi;

/** HTML to plain text with its line structure: block ends and <br> become newlines. */
export function htmlToText(html: string): string {
  const text = repairMojibake(decodeEntities(html.replace(BLOCK_BREAK, '\n').replace(TAG, '')));
  return text
    .split('\n')
    .map((line) => collapseSpaces(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function collapseSpaces(text: string): string {
  return (
    text
      // Control characters (C0 except whitespace, C1 left over from bad encodings) carry nothing.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\ufeff]/g, '')
      .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
      .trim()
  );
}

/** One-line plain text: tags stripped, entities decoded, mojibake repaired, whitespace collapsed. Empty -> null. */
export function cleanText(value: string | null | undefined, maxLength?: number): string | null {
  if (value == null) return null;
  const text = collapseSpaces(repairMojibake(decodeEntities(value.replace(TAG, ' '))));
  if (!text) return null;
  return maxLength === undefined ? text : truncate(text, maxLength);
}

/** Description HTML as the board sent it, with its mojibake repaired and ends trimmed (ingestion sanitizes it). */
export function cleanHtml(value: string | null | undefined): string {
  return value == null ? '' : repairMojibake(value).replace(/^\ufeff/, '').trim();
}

/** Cut at a word boundary, with an ellipsis, so the result has at most maxLength characters. */
export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

// Ingestion accepts at most 60 tags of at most 60 characters.
const MAX_TAGS = 60;
const MAX_TAG_LENGTH = 60;

/** Tags as plain, trimmed, lower-case strings without duplicates or empties, in first-seen order. */
export function normalizeTags(values: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const tag = cleanText(value)?.toLowerCase();
    if (!tag || tag.length > MAX_TAG_LENGTH || seen.has(tag)) continue;
    seen.add(tag);
    if (seen.size === MAX_TAGS) break;
  }
  return [...seen];
}

/** Ingestion's length limits for listing fields (lib/ingest/validate.ts); parsers cut to them. */
export const FIELD_LIMITS = { title: 300, company: 200, location: 300, salaryText: 200 } as const;
