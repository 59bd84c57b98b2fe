// The digest email: a plain-text part and an HTML part of the same content. Everything from a
// listing is untrusted (boards write it), so the HTML escapes every value and links only to
// http(s) URLs; the text part carries no markup at all.

export interface DigestListing {
  id: number;
  title: string;
  company: string | null;
  location: string | null;
  remote: string;
  salaryText: string | null;
  /** The board's own page for the listing. */
  url: string;
  boardName: string;
}

export interface DigestContent {
  searchName: string;
  filtersInWords: string[];
  listings: DigestListing[];
  /** More new listings than the email lists. */
  moreCount: number;
  /** Send now with nothing new: the newest matches instead. */
  newestInstead: boolean;
  baseUrl: string;
  searchUrl: string;
  unsubscribeUrl: string;
  settingsUrl: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Only http(s) links make it into the email (a board could send javascript: or data:). */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/** One line of untrusted text: no control characters (a header or a line break could smuggle layout). */
const oneLine = (value: string, max = 200) => {
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

export const listingPageUrl = (baseUrl: string, id: number) => `${baseUrl}/jobs/${id}`;

function details(listing: DigestListing): string {
  return [listing.company, listing.location, listing.remote !== 'unknown' ? listing.remote : null, listing.salaryText]
    .filter((part): part is string => !!part && part.trim() !== '')
    .map((part) => oneLine(part, 120))
    .join(' · ');
}

export function digestSubject(content: Pick<DigestContent, 'searchName' | 'listings' | 'moreCount' | 'newestInstead'>): string {
  const count = content.listings.length + content.moreCount;
  const name = oneLine(content.searchName, 80);
  if (content.newestInstead && count === 0) return `${name}: no matches yet`;
  if (content.newestInstead) return `${name}: nothing new, ${count === 1 ? 'here is the newest match' : `here are the newest ${count} matches`}`;
  return `${name}: ${count} new ${count === 1 ? 'job' : 'jobs'}`;
}

export function renderDigest(content: DigestContent): { subject: string; text: string; html: string } {
  const subject = digestSubject(content);
  const intro = content.newestInstead
    ? 'Nothing new since your last digest; here are the newest matches, so you can check your settings.'
    : `New since your last digest:`;
  const filters = content.filtersInWords.map((w) => oneLine(w)).join(' · ');

  const text = [
    oneLine(content.searchName),
    filters,
    '',
    intro,
    '',
    ...content.listings.flatMap((listing) => [
      `- ${oneLine(listing.title)}`,
      ...(details(listing) ? [`  ${details(listing)}`] : []),
      `  On trackend: ${listingPageUrl(content.baseUrl, listing.id)}`,
      ...(safeHref(listing.url) ? [`  On ${oneLine(listing.boardName, 60)}: ${safeHref(listing.url)}`] : []),
      '',
    ]),
    ...(content.moreCount > 0 ? [`And ${content.moreCount} more: ${content.searchUrl}`, ''] : []),
    `All matches: ${content.searchUrl}`,
    `Digest settings: ${content.settingsUrl}`,
    `Unsubscribe from this digest: ${content.unsubscribeUrl}`,
    '',
  ].join('\n');

  const e = escapeHtml;
  const items = content.listings
    .map((listing) => {
      const board = safeHref(listing.url);
      return `<li style="margin:0 0 14px">
<a href="${e(listingPageUrl(content.baseUrl, listing.id))}" style="font-weight:600;color:#047857">${e(oneLine(listing.title))}</a>
${details(listing) ? `<div style="color:#475569">${e(details(listing))}</div>` : ''}
${board ? `<div><a href="${e(board)}" style="color:#475569">on ${e(oneLine(listing.boardName, 60))}</a></div>` : ''}
</li>`;
    })
    .join('\n');
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:640px;margin:0 auto;padding:16px">
<h1 style="font-size:20px;margin:0 0 4px">${e(oneLine(content.searchName))}</h1>
<p style="color:#475569;margin:0 0 16px">${e(filters)}</p>
<p>${e(intro)}</p>
<ul style="padding-left:18px">
${items}
</ul>
${content.moreCount > 0 ? `<p><a href="${e(content.searchUrl)}">And ${content.moreCount} more on trackend</a></p>` : ''}
<p><a href="${e(content.searchUrl)}">All matches</a> · <a href="${e(content.settingsUrl)}">Digest settings</a></p>
<p style="color:#64748b;font-size:13px">You get this because you turned on a daily digest for this saved search. <a href="${e(content.unsubscribeUrl)}" style="color:#64748b">Unsubscribe from this digest</a>.</p>
</body></html>
`;
  return { subject, text, html };
}
