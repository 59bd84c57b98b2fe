import sanitizeHtml from 'sanitize-html';

// Listing descriptions come from boards: untrusted HTML. Keep the structure a reader needs
// (paragraphs, lists, emphasis, code, links) and drop everything that can run, track or
// restyle the page: scripts, event handlers, styles, iframes, forms and images (tracking pixels).

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's', 'code', 'pre',
    'blockquote', 'h3', 'h4', 'h5', 'h6', 'a', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd',
  ],
  allowedAttributes: { a: ['href', 'target', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Page-level headings inside a listing would compete with the page's own.
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    // Runs before the scheme filter, so it checks the scheme itself; links open in a new tab
    // without giving the board's page a handle on ours.
    // A link with no safe target becomes plain text, not a dead link styled as one.
    a: (_tagName, attribs): sanitizeHtml.Tag =>
      attribs.href && SAFE_HREF.test(attribs.href.trim())
        ? { tagName: 'a', attribs: { href: attribs.href.trim(), target: '_blank', rel: 'nofollow noopener noreferrer ugc' } }
        : { tagName: 'span', attribs: {} },
  },
  // Real descriptions nest a few levels; tags below 40 (a hostile feed's 50,000 nested <b>) are
  // dropped with their text kept, so no reader's browser has to lay out the rest.
  nestingLimit: 40,
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math'],
};

export function sanitizeListingHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
