import { describe, expect, it } from 'vitest';
import { isPublicFeedUrl } from './feed-url';

describe('isPublicFeedUrl', () => {
  it.each(['https://rustjobs.example/feed.xml', 'http://93.184.216.34/rss', 'https://[2606:4700::1111]/feed'])('accepts %s', (url) => {
    expect(isPublicFeedUrl(url)).toBe(true);
  });

  it.each([
    'http://127.0.0.1:8080/feed',
    'http://localhost/feed',
    'http://10.0.0.5/feed',
    'http://172.20.1.1/feed',
    'http://192.168.1.1/feed',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/feed',
    'http://[fd00::1]/feed',
    'http://printer.local/feed',
    'http://intranet/feed',
    'file:///etc/passwd',
    'ftp://example.com/feed',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isPublicFeedUrl(url)).toBe(false);
  });
});
