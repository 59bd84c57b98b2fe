// The two keys that make the same job posted on several boards one listing:
// a canonical URL (same posting, different tracking links) and a fingerprint of
// company + title (same job, different boards).

const TRACKING_PARAMS = /^(utm_.*|ref|ref_src|referrer|source|src|fbclid|gclid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|trk|trackingid|campaign)$/i;

/** Lower-case host without www, no fragment, no tracking parameters, sorted query, no trailing slash. */
export function canonicalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  if ((url.protocol === 'https:' && url.port === '443') || (url.protocol === 'http:' && url.port === '80')) url.port = '';
  url.protocol = 'https:'; // the same posting is often linked over both schemes
  const kept = [...url.searchParams.entries()].filter(([key]) => !TRACKING_PARAMS.test(key)).sort(([a], [b]) => a.localeCompare(b));
  url.search = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  let path = url.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  url.pathname = path;
  return url.toString().replace(/\/$/, '');
}

const COMPANY_SUFFIXES = /\b(inc|incorporated|llc|l\.l\.c|ltd|limited|gmbh|ag|sa|s\.a|bv|b\.v|plc|corp|corporation|co|company|oy|ab|as|srl|sas|pty)\b\.?/g;

function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ') // "(m/f/d)", "(remote)"
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

export function normaliseCompany(company: string): string {
  return normalise(company).replace(COMPANY_SUFFIXES, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * company|title, normalised. Without a company the fingerprint is scoped to the board,
 * so untitled companies never merge listings across boards.
 */
export function fingerprint(company: string | null, title: string, boardId: string): string {
  const who = company ? normaliseCompany(company) : '';
  return `${who || `?${boardId}`}|${normalise(title)}`;
}
