import iconv from 'iconv-lite';

// Boards still serve Latin-1, windows-1252 and Shift_JIS pages, and many declare the charset only
// inside the document. Detection follows the browsers' order (WHATWG "encoding sniffing"),
// narrowed so that feed and JSON bodies are never re-labelled by markup they happen to quote.

/** Decode a response body to a string using the best charset evidence available. */
export function decodeBody(body: Buffer, contentType: string | null): string {
  const charset = detectCharset(body, contentType);
  // UTF-8, nearly every feed: Buffer's native decoder is several times faster on a large body than
  // iconv-lite's (the same replacement characters). iconv-lite strips a BOM by default; so do we.
  if (charset === 'utf-8') return body.toString('utf8').replace(/^\ufeff/, '');
  return iconv.decode(body, charset);
}

/**
 * The charset to decode `body` with, as a name iconv-lite knows:
 * BOM, else the Content-Type charset, else an XML prolog `encoding` (a prolog without one means
 * UTF-8), else for HTML a `<meta charset>` / http-equiv in the first 1024 bytes, else UTF-8.
 * Unknown labels are skipped, never thrown on.
 */
export function detectCharset(body: Buffer, contentType: string | null): string {
  // A BOM is the strongest evidence there is: a server that labels a BOM-marked UTF-8 body
  // "iso-8859-1" is wrong, and browsers agree.
  const bom = bomCharset(body);
  if (bom) return bom;

  const fromHeader = normalizeCharset(contentTypeCharset(contentType));
  if (fromHeader) return fromHeader;

  const head = body.subarray(0, 1024).toString('latin1');
  const prolog = /^\s*<\?xml\b[^>]*>/i.exec(head);
  if (prolog) {
    const declared = /\bencoding\s*=\s*["']\s*([^"'\s]+)\s*["']/i.exec(prolog[0])?.[1];
    return asciiCompatible(normalizeCharset(declared)) ?? 'utf-8';
  }

  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  // Markup inside a feed's CDATA or a JSON string must not decide how the whole body reads.
  if (mediaType === '' || mediaType.includes('html')) {
    const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)/i.exec(head)?.[1];
    const fromMeta = asciiCompatible(normalizeCharset(meta));
    if (fromMeta) return fromMeta;
  }
  return 'utf-8';
}

function bomCharset(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return null;
}

function contentTypeCharset(contentType: string | null): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

// WHATWG maps these labels to windows-1252: real "ISO-8859-1" pages use 0x80-0x9F for € and
// smart quotes, which strict Latin-1 would turn into invisible control characters.
const WINDOWS_1252_LABELS = new Set([
  'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'iso88591', 'latin1', 'l1', 'cp819', 'ibm819',
  'us-ascii', 'ascii', 'iso-ir-100', 'x-cp1252', 'cp1252', 'windows-1252',
]);

/** A charset label as a name iconv-lite can decode, or null when unknown. */
export function normalizeCharset(label: string | undefined | null): string | null {
  const name = label?.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!name) return null;
  if (WINDOWS_1252_LABELS.has(name)) return 'windows-1252';
  if (name === 'utf8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  return iconv.encodingExists(name) ? name : null;
}

// A prolog or meta tag we could read as ASCII cannot be truthfully declaring UTF-16/32.
function asciiCompatible(charset: string | null): string | null {
  if (charset && /^(utf-?16|utf-?32|ucs-?2)/.test(charset)) return 'utf-8';
  return charset;
}
