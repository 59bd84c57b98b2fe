// HTML -> plain text for classification and search. No DOM: ingestion runs it on every item, so it
// must handle 10k+ descriptions a second, and every pass is linear in its input.

import { lowerSameLength } from './context';

// Markup is removed by one left-to-right pass (no regex over the whole text: a regex that fails
// at one "<" and scans to the end of the text, then at the next "<" and again, is quadratic on
// hostile input such as "<a <a <a ..." or an unclosed comment). Scripts, styles and comments are
// dropped whole; block tags end a line of text (dropping them outright would glue words:
// "item</li><li>item"); table cells become a space; other tags vanish. Quoted attribute values
// may contain ">" or even "<p>". Anything that does not close (a bare "<", an unclosed tag or
// comment) stays as text.
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);
const CELL_TAGS = new Set(['td', 'th']);
const INLINE_TAGS = new Set(['a', 'b', 'i', 'u', 's', 'em', 'strong', 'span', 'code', 'sup', 'sub', 'small', 'mark', 'font', 'img']);
// Elements dropped with their content.
const DROPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'head']);

function replaceTag(name: string): string {
  if (INLINE_TAGS.has(name)) return ''; // the common case, already lower case
  const lower = name.toLowerCase();
  return BLOCK_TAGS.has(lower) ? '\n' : CELL_TAGS.has(lower) ? ' ' : '';
}

const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isWordChar = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57) || c === 95;
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** One pass over `html` with the memory that keeps failed searches from being repeated. */
class MarkupScanner {
  private readonly n: number;
  /** `html.lastIndexOf('>')`: past it no tag, comment or declaration can close. */
  private readonly lastGt: number;
  private lower: string | null = null;
  /** Built on the first tag that does not close: tagEnds[p] is where an unquoted scan from p ends. */
  private tagEnds: Int32Array | null = null;
  private commentsClose = true;
  /** Per dropped element: where its last close-tag search started and what it found (-1: none). */
  private readonly closeSearch = new Map<string, { from: number; at: number }>();

  constructor(private readonly html: string) {
    this.n = html.length;
    this.lastGt = html.lastIndexOf('>');
  }

  /** The ">" ending a tag whose attributes start at `p` (quotes respected), or -1. */
  tagEnd(p: number): number {
    if (p > this.lastGt) return -1;
    if (this.tagEnds) return this.tagEnds[p]!;
    const { html, n } = this;
    for (let k = p; k < n; k++) {
      const c = html.charCodeAt(k);
      if (c === 62) return k;
      if (c === 34 || c === 39) {
        const q = html.indexOf(c === 34 ? '"' : "'", k + 1);
        if (q === -1) break;
        k = q;
      }
    }
    // A tag that does not close: from now on answer from a table built in one backward pass,
    // so the next unclosed "<" does not scan to the end again.
    this.tagEnds = this.buildTagEnds();
    return -1;
  }

  private buildTagEnds(): Int32Array {
    const { html, n } = this;
    const ends = new Int32Array(n + 1);
    ends[n] = -1;
    let nextDouble = -1;
    let nextSingle = -1;
    for (let k = n - 1; k >= 0; k--) {
      const c = html.charCodeAt(k);
      if (c === 62) ends[k] = k;
      else if (c === 34) ends[k] = nextDouble === -1 ? -1 : ends[nextDouble + 1]!;
      else if (c === 39) ends[k] = nextSingle === -1 ? -1 : ends[nextSingle + 1]!;
      else ends[k] = ends[k + 1]!;
      if (c === 34) nextDouble = k;
      else if (c === 39) nextSingle = k;
    }
    return ends;
  }

  /** End (exclusive) of the "-->" closing a comment whose body starts at `p`, or -1. */
  commentEnd(p: number): number {
    if (!this.commentsClose) return -1;
    const at = this.html.indexOf('-->', p);
    if (at === -1) this.commentsClose = false;
    return at === -1 ? -1 : at + 3;
  }

  /** End (exclusive) of "</name>" (any case, spaces before ">") at or after `p`, or -1. */
  closeTagEnd(name: string, p: number): number {
    const memo = this.closeSearch.get(name);
    if (memo && p >= memo.from && (memo.at === -1 || p <= memo.at)) return memo.at === -1 ? -1 : this.closeLength(memo.at, name);
    this.lower ??= lowerSameLength(this.html);
    const needle = `</${name}`;
    let at = this.lower.indexOf(needle, p);
    while (at !== -1 && this.closeLength(at, name) === -1) at = this.lower.indexOf(needle, at + 1);
    this.closeSearch.set(name, { from: p, at });
    return at === -1 ? -1 : this.closeLength(at, name);
  }

  /** End (exclusive) of the close tag "</name\s*>" at `at`, or -1 if it is not one. */
  private closeLength(at: number, name: string): number {
    let k = at + 2 + name.length;
    if (isWordChar(this.html.charCodeAt(k))) return -1;
    while (k < this.n && isSpace(this.html.charCodeAt(k))) k++;
    return this.html.charCodeAt(k) === 62 ? k + 1 : -1;
  }

  /** The first ">" at or after `p`, or -1 (no look past the last one). */
  gt(p: number): number {
    return p > this.lastGt ? -1 : this.html.indexOf('>', p);
  }
}

function stripMarkup(html: string): string {
  const scanner = new MarkupScanner(html);
  const n = html.length;
  let out = '';
  let from = 0; // start of text not yet copied
  let i = html.indexOf('<');
  while (i !== -1) {
    let end = -1; // exclusive end of the markup at i
    let replacement = ' ';
    const c1 = html.charCodeAt(i + 1);
    if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
      if (c1 === 33 && html.startsWith('--', i + 2)) end = scanner.commentEnd(i + 4);
      if (end === -1 && c1 === 33 && html.slice(i + 2, i + 9).toUpperCase() === '[CDATA[') end = i + 9;
      if (end === -1) {
        const gt = scanner.gt(i + 2);
        end = gt === -1 ? -1 : gt + 1;
      }
    } else {
      const closing = c1 === 47; /* / */
      let k = closing ? i + 2 : i + 1;
      if (isLetter(html.charCodeAt(k))) {
        const nameStart = k;
        while (k < n && (isLetter(html.charCodeAt(k)) || (html.charCodeAt(k) >= 48 && html.charCodeAt(k) <= 57))) k++;
        if (html.charCodeAt(k) !== 95 /* _ */) {
          const name = html.slice(nameStart, k);
          const gt = scanner.tagEnd(k);
          if (gt !== -1) {
            end = gt + 1;
            replacement = replaceTag(name);
            const lower = name.toLowerCase();
            if (!closing && DROPPED_ELEMENTS.has(lower)) {
              const close = scanner.closeTagEnd(lower, end);
              if (close !== -1) {
                end = close;
                replacement = ' ';
              }
            }
          }
        }
      }
    }
    if (end === -1) {
      i = html.indexOf('<', i + 1); // a bare "<": text
      continue;
    }
    out += html.slice(from, i) + replacement;
    from = end;
    i = html.indexOf('<', end);
  }
  return from === 0 ? html : out + html.slice(from);
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: ' ', emsp: ' ', thinsp: ' ',
  shy: '', zwj: '', zwnj: '', lrm: '', rlm: '',
  ndash: '–', mdash: '—', minus: '−', hellip: '…', bull: '•', middot: '·', sdot: '⋅',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  prime: '′', Prime: '″', dagger: '†', Dagger: '‡', sect: '§', para: '¶', deg: '°', plusmn: '±', times: '×', divide: '÷',
  frac12: '½', frac14: '¼', frac34: '¾', sup1: '¹', sup2: '²', sup3: '³', micro: 'µ', permil: '‰',
  copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', curren: '¤', inr: '₹',
  iexcl: '¡', iquest: '¿', ordf: 'ª', ordm: 'º', not: '¬', macr: '¯', acute: '´', cedil: '¸', uml: '¨',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', rArr: '⇒', lArr: '⇐', check: '✓', hearts: '♥', star: '☆',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç',
  Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï',
  ETH: 'Ð', Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø',
  Ugrave: 'Ù', Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý', THORN: 'Þ', szlig: 'ß',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç',
  egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï',
  eth: 'ð', ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø',
  ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', thorn: 'þ', yuml: 'ÿ',
  OElig: 'Œ', oelig: 'œ', Scaron: 'Š', scaron: 'š', Zcaron: 'Ž', zcaron: 'ž', Yuml: 'Ÿ', fnof: 'ƒ',
};
// Numeric references the HTML spec maps to Windows-1252 (&#146; is what old CMSes emit for ’).
const C1_FIXUPS: Record<number, number> = {
  128: 0x20ac, 130: 0x201a, 131: 0x192, 132: 0x201e, 133: 0x2026, 134: 0x2020, 135: 0x2021, 136: 0x2c6, 137: 0x2030,
  138: 0x160, 139: 0x2039, 140: 0x152, 142: 0x17d, 145: 0x2018, 146: 0x2019, 147: 0x201c, 148: 0x201d, 149: 0x2022,
  150: 0x2013, 151: 0x2014, 152: 0x2dc, 153: 0x2122, 154: 0x161, 155: 0x203a, 156: 0x153, 158: 0x17e, 159: 0x178,
};

function codePoint(n: number): string {
  const fixed = C1_FIXUPS[n] ?? n;
  if (fixed === 0 || fixed > 0x10ffff || (fixed >= 0xd800 && fixed <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(fixed);
}

/** Decode HTML character references (named, decimal, hex); unknown names are left as written. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return codePoint(parseInt(dec, 10));
    if (hex !== undefined) return codePoint(parseInt(hex, 16));
    return NAMED_ENTITIES[name!] ?? whole;
  });
}

// UTF-8 bytes read as Latin-1 ("Â " for a no-break space, "Ã©" for "é"; Remote OK ships its
// descriptions like that) or as Windows-1252 ("â€™" for "’", "â€”" for "—"). Only sequences that
// decode as valid UTF-8 are repaired. Real text almost never has a C1 control after "Â"-"ô",
// and the Windows-1252 form is only taken after "â" (E2, the lead byte of all typographic
// punctuation), so "é…" or "Ü”" in genuine text stay as they are.
const MOJIBAKE_LATIN1 = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g;
const CP1252_HIGH = '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
const MOJIBAKE_CP1252 = new RegExp(`\u00e2[\u0080-\u00bf${CP1252_HIGH}]{2}`, 'g');
const MOJIBAKE_HINT = new RegExp(`[\u00c2-\u00f4][\u0080-\u00bf]|\u00e2[${CP1252_HIGH}]`);
// Windows-1252 bytes 0x80-0x9f that are not the same code point in Latin-1.
const CP1252_BYTE = new Map<string, number>(
  [...'\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178'].map(
    (ch, i) => [ch, [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f][i]!],
  ),
);

function decodeUtf8Bytes(bytes: number[], original: string): string {
  const decoded = Buffer.from(bytes).toString('utf8');
  return decoded.includes('\ufffd') ? original : decoded;
}

/** Repair text that was UTF-8 decoded as Latin-1 or Windows-1252 ("Weâ€™re" -> "We’re"). */
export function repairMojibake(text: string): string {
  if (!MOJIBAKE_HINT.test(text)) return text;
  return text
    .replace(MOJIBAKE_LATIN1, (seq) => decodeUtf8Bytes([...seq].map((ch) => ch.charCodeAt(0)), seq))
    .replace(MOJIBAKE_CP1252, (seq) => decodeUtf8Bytes([...seq].map((ch) => CP1252_BYTE.get(ch) ?? ch.charCodeAt(0)), seq));
}

// Only runs that change are matched (a lone space is left alone): replacing every space costs
// more than the rest of htmlToText together.
const H = String.raw`\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000`;
const HORIZONTAL_SPACE = new RegExp(`[${H}][ ${H}]*| [ ${H}]+`, 'g');
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// After the pass above, whitespace around a line break is at most one space on either side.
const LINE_BREAKS = / ?[\r\n\u2028\u2029]\s*/g;

/** Collapse spaces within lines and blank lines between them; newline-separated lines survive. */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(HORIZONTAL_SPACE, ' ').replace(LINE_BREAKS, '\n').trim();
}

/**
 * Plain text of an HTML fragment: scripts, styles and comments dropped, tags removed (block tags
 * become line breaks), entities decoded, mojibake repaired, whitespace collapsed.
 */
export function htmlToText(html: string): string {
  let text = html.indexOf(']]>') === -1 ? html : html.replaceAll(']]>', ' ');
  if (text.indexOf('<') !== -1) text = stripMarkup(text);
  return collapseWhitespace(repairMojibake(decodeEntities(text)));
}
