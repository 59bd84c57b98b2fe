// Inputs a hostile or broken feed can send. Each must finish (well inside vitest's default
// timeout: every scan is linear in its input) and give a sane answer. No assertion is on time.

import { describe, expect, it } from 'vitest';
import { classify, MAX_CLASSIFIED_CHARS } from './classify';
import { degreeRequired, visaSponsorship, yearsRequired } from './eligibility';
import { rankLanguages } from './languages';
import { detectRemote } from './remote';
import { detectRole } from './role';
import { findSalary } from './salary';
import { scanText } from './scan';
import { detectSeniority } from './seniority';
import { htmlToText } from '../text';
import type { ClassifyInput } from './types';

const MB = 1024 * 1024;
const fill = (unit: string, size = MB): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const input = (descriptionText: string, title = 'Backend Engineer'): ClassifyInput => ({
  title,
  tags: [],
  descriptionText,
  location: null,
  salaryText: null,
});

const NOTHING = {
  seniority: 'unknown',
  remote: 'unknown',
  salary: null,
  yearsRequired: null,
  degreeRequired: null,
  visaSponsorship: null,
};

/** Every detector straight on `text`, with no read cap: the scans themselves must be linear. */
function detectAll(text: string) {
  const scan = scanText(text, false);
  return {
    years: yearsRequired(text, scan),
    degree: degreeRequired(text, scan),
    visa: visaSponsorship('Engineer', text, scan),
    remote: detectRemote('Engineer', null, [], text, scan),
    role: detectRole('Engineer', text, scan),
    seniority: detectSeniority('Engineer', text, null, scan),
    salary: findSalary(text, { defaultCurrency: null }, scan),
    salaryDedicated: findSalary(text, { defaultCurrency: 'USD', dedicated: true }),
    languages: rankLanguages('Engineer', [], text, [], scan.languages),
  };
}

describe('classify on hostile descriptions', () => {
  it('1 MB of "go " (the verb) names no language and nothing else', () => {
    expect(classify(input(fill('go ')))).toMatchObject({ languages: [], role: 'backend', ...NOTHING });
  });

  it('1 MB of "gogogo..." without spaces is one word, not a language', () => {
    expect(classify(input(fill('go')))).toMatchObject({ languages: [], role: 'backend', ...NOTHING });
  });

  it('1 MB of "Go " is Go and nothing else', () => {
    expect(classify(input(fill('Go ')))).toMatchObject({ languages: ['go'], ...NOTHING });
  });

  it('1 MB without a newline still reads the sentences it repeats', () => {
    const text = fill('We need 5+ years of Go experience and a degree; visa sponsorship is not available. ');
    expect(text.indexOf('\n')).toBe(-1);
    expect(classify(input(text))).toMatchObject({
      languages: ['go'],
      yearsRequired: 5,
      degreeRequired: true,
      visaSponsorship: false,
      salary: null,
    });
  });

  it('a description that is one long URL says nothing about the job', () => {
    const url = `https://example.com/remote-jobs/senior-golang-visa/${fill('a/', MB)}`;
    expect(classify(input(url))).toMatchObject({ languages: [], role: 'backend', ...NOTHING });
  });

  it('reads at most the first 32 kB of the description', () => {
    const filler = fill('Lorem ipsum dolor sit amet. ', MAX_CLASSIFIED_CHARS);
    const late = `${filler}\nYou have 5+ years of experience with Rust.`;
    const early = `You have 5+ years of experience with Rust.\n${filler}`;
    expect(classify(input(late))).toMatchObject({ yearsRequired: null, languages: [] });
    expect(classify(input(early))).toMatchObject({ yearsRequired: 5, languages: ['rust'] });
  });

  it('never cuts a surrogate pair at the cap', () => {
    const text = `${'a'.repeat(MAX_CLASSIFIED_CHARS - 1)}😀 Senior Go engineer`;
    expect(() => classify(input(text))).not.toThrow();
  });
});

describe('every detector, uncapped, on 256 kB (eight times the read cap)', () => {
  it.each([
    ['one word repeated', 'go ', { languages: [], years: null, salary: null }],
    ['a trigger word repeated', 'degree ', { degree: true, years: null }],
    ['years with no newline', '5 years ', { years: null, salary: null }],
    ['currency symbols', '€100 ', { years: null }],
    ['a language list with no newline', 'Go, Python, Java, Rust. ', { years: null, salary: null }],
    ['whitespace after a qualifier', 'up to            ', { salary: null, salaryDedicated: null }],
    ['digit groups', '1 000 ', { salary: null }],
  ])('%s', (_name, unit, expected) => {
    expect(detectAll(fill(unit, MB / 4))).toMatchObject(expected);
  });
});

describe('htmlToText on hostile markup', () => {
  it('decodes 100,000 entities', () => {
    expect(htmlToText('&amp;'.repeat(100_000))).toBe('&'.repeat(100_000));
    expect(htmlToText('&#x2019;&rsquo;&#8217;'.repeat(40_000))).toBe('’'.repeat(120_000));
  });

  it('strips deeply nested tags', () => {
    const depth = 100_000;
    const html = `${'<div><span class="x">'.repeat(depth)}Go developer${'</span></div>'.repeat(depth)}`;
    expect(htmlToText(html)).toBe('Go developer');
  });

  // Compared as booleans: a failing diff of megabytes helps nobody.
  const same = (html: string, text: string): boolean => htmlToText(html) === text;

  it('keeps tags, comments and declarations that never close as text', () => {
    expect(same(`x ${'<a '.repeat(300_000)}`, `x ${'<a '.repeat(300_000)}`.trim())).toBe(true);
    expect(same('<!-- '.repeat(200_000), '<!-- '.repeat(200_000).trim())).toBe(true);
    expect(same(`${'<p title="'.repeat(100_000)}text`, `${'<p title="'.repeat(100_000)}text`)).toBe(true);
    // Quoted ">" never closes a tag, so none of these does.
    expect(same(`a${'<a "x>"'.repeat(100_000)}b`, `a${'<a "x>"'.repeat(100_000)}b`)).toBe(true);
  });

  it('unclosed scripts drop only their tags; later tags still close', () => {
    expect(htmlToText(`${'<script>'.repeat(100_000)}text`)).toBe('text');
    // An unmatched quote makes the first tag fail; every tag after it still closes.
    expect(same(`<a '${'<b>bold</b> '.repeat(100_000)}`, `<a '${'bold '.repeat(100_000)}`.trim())).toBe(true);
  });

  it('one long URL in a link', () => {
    const url = `https://example.com/${'a'.repeat(MB)}`;
    expect(htmlToText(`<p><a href="${url}">${url}</a></p>`)).toBe(url);
  });
});
