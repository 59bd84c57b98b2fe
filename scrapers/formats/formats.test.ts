import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ParseError } from '../errors';
import { isoOrNull, parseDate } from './dates';
import { httpUrl, parseElements, salaryBounds } from './items';
import { parseJsonBody, wrongShape } from './json-body';
import { badBodies } from '../../test/support/bad-bodies';
import { cleanHtml, cleanText, normalizeTags, truncate } from './fields';

describe('parseDate', () => {
  it('reads epoch seconds and milliseconds', () => {
    expect(isoOrNull(parseDate(1773619203))).toBe('2026-03-16T00:00:03.000Z');
    expect(isoOrNull(parseDate(1773619203123))).toBe('2026-03-16T00:00:03.123Z');
    expect(isoOrNull(parseDate('1773619203'))).toBe('2026-03-16T00:00:03.000Z');
  });

  it('reads ISO 8601 with and without a zone (no zone = UTC)', () => {
    expect(isoOrNull(parseDate('2026-03-16T00:00:03+00:00'))).toBe('2026-03-16T00:00:03.000Z');
    expect(isoOrNull(parseDate('2026-03-16T02:00:03+02:00'))).toBe('2026-03-16T00:00:03.000Z');
    expect(isoOrNull(parseDate('2026-03-15T19:00:03-0500'))).toBe('2026-03-16T00:00:03.000Z');
    expect(isoOrNull(parseDate('2026-07-26T20:49:11'))).toBe('2026-07-26T20:49:11.000Z');
    expect(isoOrNull(parseDate('2026-07-26 20:49:11'))).toBe('2026-07-26T20:49:11.000Z');
    expect(isoOrNull(parseDate('2026-07-26T20:49:11.250Z'))).toBe('2026-07-26T20:49:11.250Z');
    expect(isoOrNull(parseDate('2026-07-26'))).toBe('2026-07-26T00:00:00.000Z');
  });

  it('reads RFC 2822 dates', () => {
    expect(isoOrNull(parseDate('Mon, 02 Jun 2025 15:01:40 GMT'))).toBe('2025-06-02T15:01:40.000Z');
  });

  it('returns null for garbage, never an Invalid Date', () => {
    for (const value of ['', '  ', 'not a date', 'yesterday', '2026-02-31', '2026-13-01T00:00:00Z', '0', 0, -5, NaN, Infinity, 1e20, true, {}, [], null, undefined, 'June', '12']) {
      expect(parseDate(value)).toBeNull();
    }
  });

  it('rejects implausible years (unit mix-ups)', () => {
    expect(parseDate(86_400)).toBeNull(); // 2 Jan 1970
    expect(parseDate('1970-01-01T00:00:00Z')).toBeNull();
    expect(parseDate('2999-01-01T00:00:00Z')).toBeNull();
  });
});

describe('text helpers', () => {
  it('cleanText strips tags, decodes, repairs mojibake, collapses whitespace, and maps empty to null', () => {
    expect(cleanText('  <b>Senior</b>\n Go &amp;  Rust\u00a0Engineer ')).toBe('Senior Go & Rust Engineer');
    expect(cleanText('Z\u00c3\u00b3calo')).toBe('Zócalo');
    expect(cleanText('We <3 Go')).toBe('We <3 Go');
    expect(cleanText('   ')).toBeNull();
    expect(cleanText(null)).toBeNull();
    expect(cleanText('a'.repeat(50), 10)).toBe('aaaaaaaaa…');
  });

  it('cleanHtml keeps the HTML as sent, without a BOM (ingestion cleans it, once)', () => {
    expect(cleanHtml('\ufeff <p>It\u00e2\u0080\u0099s &amp; fine</p> ')).toBe('<p>It\u00e2\u0080\u0099s &amp; fine</p>');
    expect(cleanHtml(undefined)).toBe('');
  });

  it('truncate cuts at a word boundary', () => {
    expect(truncate('one two three four', 12)).toBe('one two…');
    expect(truncate('short', 12)).toBe('short');
  });

  it('normalizeTags lower-cases, trims, decodes and dedupes in order', () => {
    expect(normalizeTags(['Go', ' go ', 'AWS', null, '', 'C&amp;C', 'aws', undefined, 'x'.repeat(61)])).toEqual(['go', 'aws', 'c&c']);
    expect(normalizeTags(Array.from({ length: 80 }, (_, i) => `tag${i}`))).toHaveLength(60);
  });
});

describe('item helpers', () => {
  it('httpUrl accepts only absolute http(s) URLs and normalizes the host', () => {
    expect(httpUrl('https://remoteOK.com/remote-jobs/x')).toBe('https://remoteok.com/remote-jobs/x');
    expect(httpUrl(' http://example.com ')).toBe('http://example.com/');
    for (const bad of ['/relative', 'ftp://example.com', 'javascript:alert(1)', 'https://', '', null, undefined]) expect(httpUrl(bad)).toBeNull();
  });

  it('salaryBounds treats 0 as unknown and orders swapped bounds', () => {
    expect(salaryBounds(0, 0)).toBeNull();
    expect(salaryBounds(null, undefined)).toBeNull();
    expect(salaryBounds(0, 90000)).toEqual({ min: null, max: 90000 });
    expect(salaryBounds(120000, 100000)).toEqual({ min: 100000, max: 120000 });
  });

  it('parseElements skips non-objects and schema failures with reasons naming the field', () => {
    const result = parseElements({
      elements: [{ title: 'Go dev' }, 'oops', null, { title: 7 }, { title: '' }, { notice: true }],
      schema: z.object({ title: z.string() }),
      map: (item, index) => (item.title ? { listing: { board: 'b', externalId: String(index), url: 'https://x.example/', title: item.title, company: null, location: null, salaryText: null, tags: [], descriptionHtml: '', postedAt: null } } : { skip: 'title: empty' }),
      ref: (_element, index) => `#${index}`,
      ignore: (element) => typeof element === 'object' && element !== null && 'notice' in element,
    });
    expect(result.items.map((item) => item.title)).toEqual(['Go dev']);
    expect(result.skipped).toEqual([
      { reason: 'item is a string, not an object', ref: '#1' },
      { reason: 'item is null, not an object', ref: '#2' },
      { reason: 'title: Invalid input: expected string, received number', ref: '#3' },
      { reason: 'title: empty', ref: '#4' },
    ]);
  });
});

describe('parseJsonBody', () => {
  it('parses JSON with a BOM', () => {
    expect(parseJsonBody('\ufeff{"a": [1]}', 'Board')).toEqual({ a: [1] });
  });

  for (const { name, body, message } of badBodies('{"jobs": [{"id": 1, "title": "Backend Engineer"}, {"id": 2, "title": "Go Developer"}]}')) {
    it(`throws a ParseError for ${name}`, () => {
      expect(() => parseJsonBody(body, 'Board')).toThrow(ParseError);
      expect(() => parseJsonBody(body, 'Board')).toThrow(message);
      expect(() => parseJsonBody(body, 'Board')).toThrow(/^Board: /);
    });
  }

  it('wrongShape names what was expected and what came', () => {
    expect(() => wrongShape('Board', 'an array', { jobs: 1, meta: 2 })).toThrow('Board: expected an array, got an object with keys jobs, meta');
    expect(() => wrongShape('Board', 'an object', [1, 2])).toThrow('Board: expected an object, got an array of 2');
    expect(() => wrongShape('Board', 'an object', 'x')).toThrow('Board: expected an object, got a string');
  });
});
