import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_CAPTURES, readSharedCapture, SHARED_SKIP_REASON } from '../../test/support/shared-captures';
import { ParseError } from '../errors';
import { parseJobPage } from './page';

if (!HAS_SHARED_CAPTURES) console.warn(SHARED_SKIP_REASON);

const FIXTURE = readFileSync(new URL('./fixtures/job-7903.html', import.meta.url), 'utf8');

describe('parseJobPage on the project fixture (fixtures/job-7903.html)', () => {
  const page = parseJobPage(FIXTURE);

  it('reads the job\'s own company (not the previous job\'s), location, title, date, tags and restrictions', () => {
    expect({ ...page, descriptionHtml: undefined }).toEqual({
      url: 'https://www.python.org/jobs/7903/',
      title: 'Python Developer, R&D',
      company: 'Smith, Jones & Partners',
      location: 'Leeds, West Yorkshire, United Kingdom',
      postedAt: new Date('2025-06-30T14:05:09.118Z'),
      tags: ['django', 'numeric', 'software engineering'],
      telecommuting: false,
      descriptionHtml: undefined,
    });
  });

  it('keeps the job-description block as HTML', () => {
    expect(page.descriptionHtml.startsWith('<h2>Job Title </h2>')).toBe(true);
    expect(page.descriptionHtml).toContain('<p>Simulation tooling for engineers.</p>');
    expect(page.descriptionHtml.endsWith('</ul>')).toBe(true);
  });
});

describe('parseJobPage on pages that are not job pages', () => {
  it.each([
    ['an empty body', '', /^Python\.org Jobs: the response body is empty, expected a job page$/],
    ['JSON', '[]', /^Python\.org Jobs: expected a job page but got JSON/],
    [
      'the sign-in page',
      '<!doctype html><html><head><title>Sign In | Python.org</title></head><body><h1>Sign In</h1></body></html>',
      /^Python\.org Jobs: the page has no h1\.listing-company: not a job page \("Sign In \| Python\.org"\)$/,
    ],
  ])('throws a ParseError for %s', (_name, body, message) => {
    expect(() => parseJobPage(body)).toThrow(ParseError);
    expect(() => parseJobPage(body)).toThrow(message);
  });
});

describe.skipIf(!HAS_SHARED_CAPTURES)('parseJobPage on the shared capture pythonorg-2.html', () => {
  const page = () => parseJobPage(readSharedCapture('pythonorg-2.html'));

  it('reads the job page exactly, unstyling the poster\'s bold letters in the title', () => {
    const { descriptionHtml, ...fields } = page();
    expect(fields).toEqual({
      url: 'https://www.python.org/jobs/7915/',
      title: 'Python Data Engineer (Junior/Medior level)',
      company: 'Confidential',
      location: 'Prague, Czech Republic',
      postedAt: new Date('2025-06-19T10:00:14.532Z'),
      tags: ['cloud', 'data analyst'],
      telecommuting: true,
    });
    expect(descriptionHtml).toContain('<h2>Restrictions</h2>');
    expect(descriptionHtml).toContain('Building smart data pipelines');
  });

  it('does not take the previous job\'s span.company-name ("AI Developer, Logix")', () => {
    expect(page().company).not.toBe('AI Developer, Logix');
  });
});
