import { describe, expect, it } from 'vitest';
import { canonicalUrl, fingerprint, normaliseCompany } from './keys';

describe('canonicalUrl', () => {
  it.each([
    ['https://www.Example.com/jobs/123/?utm_source=rss&utm_medium=feed', 'https://example.com/jobs/123'],
    ['http://example.com/jobs/123#apply', 'https://example.com/jobs/123'],
    ['https://example.com:443/jobs/123?b=2&a=1&ref=hn', 'https://example.com/jobs/123?a=1&b=2'],
    ['https://example.com/', 'https://example.com'],
    ['https://example.com//jobs//9/', 'https://example.com/jobs/9'],
    ['https://example.com/jobs?id=7&gclid=x&fbclid=y', 'https://example.com/jobs?id=7'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('returns an unparseable URL trimmed rather than throwing', () => {
    expect(canonicalUrl('  not a url ')).toBe('not a url');
  });
});

describe('fingerprint', () => {
  it('matches the same job across boards despite punctuation, case and company suffixes', () => {
    expect(fingerprint('Acme, Inc.', 'Senior Backend Engineer (Go)', 'a')).toBe(fingerprint('ACME', 'Senior Backend Engineer', 'b'));
    expect(fingerprint('Zoë GmbH', 'Go-Developer (m/f/d)', 'a')).toBe(fingerprint('Zoe', 'go developer', 'b'));
  });

  it('keeps different jobs apart', () => {
    expect(fingerprint('Acme', 'Backend Engineer', 'a')).not.toBe(fingerprint('Acme', 'Frontend Engineer', 'a'));
    expect(fingerprint('Acme', 'C# Developer', 'a')).not.toBe(fingerprint('Acme', 'C++ Developer', 'a'));
  });

  it('never merges listings without a company across boards', () => {
    expect(fingerprint(null, 'Backend Engineer', 'a')).not.toBe(fingerprint(null, 'Backend Engineer', 'b'));
    expect(fingerprint('', 'Backend Engineer', 'a')).toBe('?a|backend engineer');
  });

  it('normalises company names', () => {
    expect(normaliseCompany('The Widget Company, LLC')).toBe('the widget');
  });
});
