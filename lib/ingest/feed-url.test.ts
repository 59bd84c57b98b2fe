import { describe, expect, it, vi } from 'vitest';
import type { Resolver } from '../../scrapers/fetch/guard';
import { checkSuppliedUrl, isPublicFeedUrl } from './feed-url';

// A resolver hook stands in for DNS, so the add-time check is tested without the network.
const names: Record<string, string[]> = {
  'rustjobs.example': ['93.184.216.34', '2606:4700::1111'],
  'metadata.google.internal.': ['169.254.169.254'],
  'printer.local': ['192.168.1.20'],
  intranet: ['10.1.2.3'],
  'rebind.example': ['93.184.216.34', '127.0.0.1'],
  'lan-feed.example': ['192.168.1.20'],
};
const resolve: Resolver = async (hostname) => {
  const addresses = names[hostname];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const check = (url: string, allowPrivate: string[] = []) => checkSuppliedUrl(url, { resolve, allowPrivate });

describe('checkSuppliedUrl', () => {
  it.each(['https://rustjobs.example/feed.xml', 'http://93.184.216.34/rss', 'https://[2606:4700::1111]/feed'])('accepts %s', async (url) => {
    expect(await check(url)).toEqual({ ok: true, url: new URL(url).href });
  });

  it.each([
    ['http://127.0.0.1:8080/feed', '127.0.0.1 is a loopback address'],
    ['http://2130706433/feed', '127.0.0.1 is a loopback address'],
    ['http://0x7f.1/feed', '127.0.0.1 is a loopback address'],
    ['http://localhost/feed', 'localhost resolves to a loopback address (127.0.0.1)'],
    ['http://localhost.:3000/api/jobs', 'localhost. resolves to a loopback address (127.0.0.1)'],
    ['http://metadata.google.internal./computeMetadata/v1/', 'metadata.google.internal. resolves to a link-local address (169.254.169.254)'],
    ['http://[::7f00:1]/feed', '[::7f00:1] is an IPv4-compatible form of 127.0.0.1, a loopback address'],
    ['http://[::ffff:127.0.0.1]/feed', '[::ffff:7f00:1] is an IPv4-mapped form of 127.0.0.1, a loopback address'],
    ['http://10.0.0.5/feed', '10.0.0.5 is a private address'],
    ['http://172.20.1.1/feed', '172.20.1.1 is a private address'],
    ['http://192.168.1.1/feed', '192.168.1.1 is a private address'],
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254 is a link-local address'],
    ['http://100.64.0.1/feed', '100.64.0.1 is a carrier-grade NAT (shared) address'],
    ['http://[::1]/feed', '[::1] is a loopback address'],
    ['http://[fd00::1]/feed', '[fd00::1] is a private (unique local) address'],
    ['http://printer.local/feed', 'printer.local resolves to a private address (192.168.1.20)'],
    ['http://intranet/feed', 'intranet resolves to a private address (10.1.2.3)'],
    ['http://rebind.example/feed', 'rebind.example resolves to a loopback address (127.0.0.1)'],
    ['http://nowhere.example/feed', 'nowhere.example could not be resolved: host not found (ENOTFOUND)'],
    ['file:///etc/passwd', 'must be an http(s) URL, not file:'],
    ['ftp://example.com/feed', 'must be an http(s) URL, not ftp:'],
    ['not a url', 'must be an absolute http(s) URL'],
    ['/relative/feed.xml', 'must be an absolute http(s) URL'],
  ])('refuses %s: %s', async (url, reason) => {
    expect(await check(url)).toEqual({ ok: false, reason });
  });

  it('accepts a LAN feed once TRACKEND_FETCH_ALLOW_PRIVATE opens its range', async () => {
    expect(await check('http://lan-feed.example/feed', ['192.168.1.0/24'])).toEqual({ ok: true, url: 'http://lan-feed.example/feed' });
    expect(await check('http://10.0.0.5/feed', ['192.168.1.0/24'])).toMatchObject({ ok: false });
  });

  it('gives up on DNS that never answers after 10 seconds', async () => {
    vi.useFakeTimers();
    try {
      const never: Resolver = () => new Promise(() => {});
      const pending = checkSuppliedUrl('http://slow.example/feed', { resolve: never });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await pending).toEqual({ ok: false, reason: 'slow.example could not be resolved: no answer within 10s' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('isPublicFeedUrl (the part needing no DNS)', () => {
  it.each(['https://rustjobs.example/feed.xml', 'http://93.184.216.34/rss', 'https://[2606:4700::1111]/feed'])('accepts %s', (url) => {
    expect(isPublicFeedUrl(url)).toBe(true);
  });

  it.each([
    'http://127.0.0.1:8080/feed',
    'http://2130706433/feed',
    'http://localhost/feed',
    'http://localhost.:3000/feed',
    'http://10.0.0.5/feed',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/feed',
    'http://[::7f00:1]/feed',
    'http://[::ffff:7f00:1]/feed',
    'http://[fd00::1]/feed',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isPublicFeedUrl(url)).toBe(false);
  });
});
