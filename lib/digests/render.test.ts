import { describe, expect, it } from 'vitest';
import { describeFilters } from './describe';
import { renderDigest, type DigestContent } from './render';

const base: DigestContent = {
  searchName: 'Go, remote',
  filtersInWords: ['Go', 'remote', 'junior or mid'],
  listings: [
    { id: 7, title: 'Go Engineer', company: 'Acme', location: 'Berlin', remote: 'remote', salaryText: '€70k', url: 'https://golang.cafe/job/7', boardName: 'Golang Cafe' },
  ],
  moreCount: 0,
  newestInstead: false,
  baseUrl: 'https://trackend.example.org',
  searchUrl: 'https://trackend.example.org/jobs?language=go',
  unsubscribeUrl: 'https://trackend.example.org/digests/unsubscribe/tok',
  settingsUrl: 'https://trackend.example.org/settings#digests',
};

describe('renderDigest', () => {
  it('says the same in both parts: the name, filters in words, each listing with both links, unsubscribe', () => {
    const { subject, text, html } = renderDigest(base);
    expect(subject).toBe('Go, remote: 1 new job');
    for (const part of [text, html]) {
      expect(part).toContain('Go Engineer');
      expect(part).toContain('Go · remote · junior or mid');
      expect(part).toContain('https://trackend.example.org/jobs/7');
      expect(part).toContain('https://golang.cafe/job/7');
      expect(part).toContain('https://trackend.example.org/digests/unsubscribe/tok');
    }
    expect(text).toContain('Acme · Berlin · remote · €70k');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes hostile listing text and drops links that are not http(s)', () => {
    const { text, html, subject } = renderDigest({
      ...base,
      searchName: 'Mine\r\nBcc: victim@example.org',
      listings: [
        { ...base.listings[0]!, title: '<img src=x onerror=alert(1)>Go"\'', company: '<b>Evil</b> & co', url: 'javascript:alert(1)' },
        { ...base.listings[0]!, id: 8, title: 'Fine', url: 'https://x.example/"><script>alert(1)</script>' },
      ],
    });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;Go&quot;&#39;');
    expect(html).toContain('&lt;b&gt;Evil&lt;/b&gt; &amp; co');
    expect(html).not.toContain('javascript:');
    expect(text).not.toContain('javascript:');
    expect(html).not.toContain('<script>');
    expect(html).toContain('https://x.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it('counts the ones it leaves out and says when it shows the newest instead', () => {
    expect(renderDigest({ ...base, moreCount: 3 }).subject).toBe('Go, remote: 4 new jobs');
    expect(renderDigest({ ...base, moreCount: 3 }).text).toContain('And 3 more: https://trackend.example.org/jobs?language=go');
    const newest = renderDigest({ ...base, newestInstead: true });
    expect(newest.subject).toBe('Go, remote: nothing new, here is the newest match');
    expect(newest.text).toContain('Nothing new since your last digest');
  });
});

describe('describeFilters', () => {
  it('puts the filters in words', () => {
    expect(describeFilters({ language: ['go', 'rust'], remote: ['remote'], seniority: ['junior', 'mid'], salaryMin: 90000, currency: 'EUR', q: 'kafka', selfTaught: true })).toEqual([
      'Go or Rust',
      'remote',
      'junior or mid',
      'salary from 90,000 EUR a year',
      'matching "kafka"',
      'open to self-taught',
    ]);
    expect(describeFilters({})).toEqual(['all listings']);
  });
});
