// The whole-body failures every board parser must turn into a ParseError, each with the
// message it must produce: for JSON boards (badBodies) and for feed boards (badFeedBodies).

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text up to and including the last `tag` (a feed that stops between two items). */
function cutAfterLast(text: string, tag: string): string {
  const at = text.lastIndexOf(tag);
  if (at === -1) throw new Error(`no ${tag} in the feed`);
  return text.slice(0, at + tag.length);
}

/**
 * Bodies that are not a usable feed. `valid` is a real feed of the board (its first half is
 * the truncated body); `expected` is how the board's messages name the feed ("an RSS feed").
 */
export function badFeedBodies(valid: string, boardName: string, expected = 'an RSS feed'): { name: string; body: string; message: RegExp }[] {
  const board = escapeRegExp(boardName);
  const want = escapeRegExp(expected);
  return [
    {
      name: 'a truncated feed',
      body: valid.slice(0, Math.floor(valid.length / 2)),
      message: new RegExp(`^${board}: the feed ends early \\(no closing </(rss|feed|rdf:RDF)> tag\\): truncated response\\?`),
    },
    {
      name: 'a feed cut right after an item',
      body: cutAfterLast(valid, valid.includes('</item>') ? '</item>' : '</entry>'),
      message: new RegExp(`^${board}: the feed ends early`),
    },
    {
      name: 'an HTML page',
      body: '<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>',
      message: new RegExp(`^${board}: expected ${want} but got an HTML page \\("Just a moment\\.\\.\\."\\)$`),
    },
    {
      name: 'an HTML page behind an XML declaration',
      body: '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Maintenance</p></body></html>',
      message: new RegExp(`^${board}: expected ${want} but got an HTML page$`),
    },
    { name: 'an empty body', body: '', message: new RegExp(`^${board}: the response body is empty, expected ${want}$`) },
    { name: 'a BOM and whitespace only', body: '\ufeff \n\t', message: new RegExp(`^${board}: the response body is empty, expected ${want}$`) },
    { name: 'garbage text', body: 'hello world, no markup here', message: new RegExp(`^${board}: expected ${want} but the body is not XML: hello world, no markup here$`) },
    { name: 'JSON', body: '{"jobs": []}', message: new RegExp(`^${board}: expected ${want} but got JSON: \\{"jobs": \\[\\]\\}$`) },
    {
      name: 'another XML document',
      body: '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.com/</loc></url></urlset>',
      message: new RegExp(`^${board}: expected ${want} but the XML document's root element is <urlset>$`),
    },
    {
      name: 'malformed XML with a closing root tag',
      body: '<?xml version="1.0"?><rss version="2.0"><channel><item><title>A</title></channel></rss>',
      message: new RegExp(`^${board}: the feed is not well-formed XML: Unexpected close tag`),
    },
  ];
}

/** Bodies that are not the board's JSON at all, with the message each must produce. */
export function badBodies(valid: string): { name: string; body: string; message: RegExp }[] {
  return [
    { name: 'truncated JSON', body: valid.slice(0, Math.floor(valid.length / 2)), message: /not valid JSON \(it ends early: truncated response\?\)/ },
    { name: 'invalid JSON', body: '{"jobs": [1, 2,, 3]}', message: /not valid JSON/ },
    {
      name: 'an HTML page',
      body: '<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>',
      message: /expected JSON but got an HTML page \("Just a moment\.\.\."\)/,
    },
    { name: 'an empty body', body: '', message: /the response body is empty, expected JSON/ },
    { name: 'a BOM and whitespace only', body: '\ufeff  \n', message: /the response body is empty, expected JSON/ },
  ];
}
