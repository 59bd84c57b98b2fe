// Conditional GET (RFC 9110 13.1): a client that holds the current representation gets a 304.
// If-None-Match decides when sent (If-Modified-Since is then ignored); dates compare in whole
// seconds, as HTTP dates carry them.

/** A strong ETag from any text (e.g. the ids and update times a feed is made of). */
export function etagOf(hashHex: string): string {
  return `"${hashHex.slice(0, 32)}"`;
}

export function isNotModified(headers: Headers, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() === '*') return true;
    // Weak comparison: W/"x" matches "x" (a proxy may weaken the tag after compressing).
    const bare = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
  }
  const ifModifiedSince = headers.get('if-modified-since');
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  if (Number.isNaN(since)) return false;
  return Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}
