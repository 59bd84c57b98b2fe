// HTML -> plain text, the one way: for descriptions (classification and search read the text),
// and as one line for the short fields boards send (titles, companies, places). No DOM:
// ingestion runs it on every item, so it must handle 10k+ descriptions a second, and every
// pass is linear in its input.

import { lowerSameLength } from './case';
import { decodeEntities } from './entities';
import { repairMojibake } from './mojibake';

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

// Only runs that change are matched (a lone space is left alone): replacing every space costs
// more than the rest of htmlToText together.
const H = String.raw`\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000`;
const HORIZONTAL_SPACE = new RegExp(`[${H}][ ${H}]*| [ ${H}]+`, 'g');
// Zero-width and direction marks, soft hyphens, and the control characters (C0 but whitespace,
// and C1, which only a bad decoding leaves) carry nothing a reader sees.
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2060\ufeff\u00ad]/g;
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

/** One line of plain text (a title, a company, a place): htmlToText with its lines joined by a space. */
export function lineText(html: string): string {
  const text = htmlToText(html);
  return text.indexOf('\n') === -1 ? text : text.replaceAll('\n', ' ');
}
