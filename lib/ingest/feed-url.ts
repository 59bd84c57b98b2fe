import { isIP } from 'node:net';

// Feeds added from the web form are fetched by our server: refuse addresses inside the
// server's own network (loopback, private ranges, link-local cloud metadata), so a form
// cannot make trackend probe them. The CLI, run by the machine's owner, may use any URL.

const PRIVATE_V4 = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./, /^0\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./];

export function isPublicFeedUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return false;
  const version = isIP(host);
  if (version === 4) return !PRIVATE_V4.some((range) => range.test(host));
  if (version === 6) return !(host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:'));
  return host.includes('.');
}
