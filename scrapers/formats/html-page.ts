import * as cheerio from 'cheerio';
import { isTag, isText } from 'domhandler';
import { ParseError } from '../errors';
import { bodySample } from './feed-xml';

// Whole-body checks for the HTML pages the boards read (job pages, a job list page), and the
// one label reader Golang Cafe's "<b>Salary</b> $100k - $120k a year<br>" lines need.

/**
 * Load an HTML page with cheerio after checking it is one: ParseError for an empty body, JSON,
 * an XML feed, or text that is not markup. `what` names the expected page in the message.
 */
export function loadHtmlPage(body: string, boardName: string, what: string): cheerio.CheerioAPI {
  const text = body.replace(/^\ufeff/, '').trim();
  if (!text) throw new ParseError(`${boardName}: the response body is empty, expected ${what}`);
  if (/^[[{]/.test(text)) throw new ParseError(`${boardName}: expected ${what} but got JSON: ${bodySample(text)}`);
  if (/^(?:<\?xml[^>]*>\s*)?<(?:rss|feed|rdf:RDF)\b/i.test(text)) throw new ParseError(`${boardName}: expected ${what} but got an XML feed`);
  if (!text.startsWith('<') || !/<(?:html|body|div|h[1-6]|p|article|section|main)\b/i.test(text)) {
    throw new ParseError(`${boardName}: expected ${what} but the body is not HTML: ${bodySample(text)}`);
  }
  return cheerio.load(text);
}

/** The page's <title>, for error messages. */
export function pageTitle($: cheerio.CheerioAPI): string | null {
  const title = $('title').first().text().replace(/\s+/g, ' ').trim();
  return title || null;
}

const STOP_AT = new Set(['br', 'b', 'strong', 'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'section', 'article']);

/**
 * The text after a bold label up to the next line break: for "<b>Salary</b> $100k - $120k a
 * year<br>" the value of label "Salary" is "$100k - $120k a year". Null when the label is absent.
 */
export function labelValue($: cheerio.CheerioAPI, label: string): string | null {
  const wanted = label.trim().toLowerCase();
  for (const element of $('b, strong').toArray()) {
    if ($(element).text().replace(/\s+/g, ' ').trim().replace(/:$/, '').toLowerCase() !== wanted) continue;
    let text = '';
    for (let node = element.nextSibling; node; node = node.nextSibling) {
      if (isText(node)) text += node.data;
      else if (isTag(node)) {
        if (STOP_AT.has(node.name.toLowerCase())) break;
        text += $(node).text();
      }
    }
    const value = text.replace(/\s+/g, ' ').replace(/^[\s:]+/, '').trim();
    if (value) return value;
  }
  return null;
}

/** Every JSON-LD object on the page (top-level values, arrays and @graph members), skipping blocks that do not parse. */
export function jsonLdObjects($: cheerio.CheerioAPI): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      out.push(record);
      if (Array.isArray(record['@graph'])) record['@graph'].forEach(visit);
    }
  };
  for (const script of $('script[type="application/ld+json"]').toArray()) {
    try {
      visit(JSON.parse($(script).text()) as unknown);
    } catch {
      // A broken block says nothing; the page's markup is still read.
    }
  }
  return out;
}
