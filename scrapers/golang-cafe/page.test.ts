import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors';
import { parseJobPage } from './page';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseJobPage on a live job page with JobPosting JSON-LD', () => {
  const page = parseJobPage(fixture('job-page-live.html'));

  it('reads every field; the salary period comes from the visible line, not the template\'s fixed unitText "YEAR"', () => {
    expect(page).toEqual({
      url: 'https://golang.cafe/job/site-reliability-engineer-qanda-labs-1691744400',
      title: 'Site Reliability Engineer',
      company: 'Q&A Labs',
      location: 'Remote',
      salaryText: '$9k - $12k a month',
      salary: { min: 9000, max: 12000, currency: '$', period: 'month' },
      remote: 'remote',
      visaSponsorship: true,
      postedAt: new Date('2023-08-11T09:00:00.000Z'),
      descriptionHtml: '<p>Keep our Go services up and our pagers quiet.</p>\n\n<ul>\n<li>Prometheus, Grafana, PagerDuty</li>\n<li>Terraform on AWS</li>\n</ul>',
      expired: false,
    });
  });

  it('falls back to unitText when the page has no salary line, and passes the currency on as written', () => {
    const html = fixture('job-page-live.html')
      .replace('<b>Salary</b> $9k - $12k a month<br>', '')
      .replace('"currency": "$"', '"currency": "eur"');
    expect(parseJobPage(html)).toMatchObject({ salaryText: null, salary: { min: 9000, max: 12000, currency: 'eur', period: 'year' } });
  });

  it('reads "Visa Sponsorship No" as false and no line as null', () => {
    expect(parseJobPage(fixture('job-page-live.html').replace('<b>Visa Sponsorship</b> Yes', '<b>Visa Sponsorship</b> No')).visaSponsorship).toBe(false);
    expect(parseJobPage(fixture('job-page-live.html').replace('<b>Visa Sponsorship</b> Yes<br>', '')).visaSponsorship).toBeNull();
  });

  it('ignores a JSON-LD block that does not parse and still reads the heading', () => {
    const broken = fixture('job-page-live.html').replace('"@type" : "JobPosting",', '"@type" : "JobPosting",,');
    expect(parseJobPage(broken)).toMatchObject({
      title: 'Site Reliability Engineer',
      company: 'Q&A Labs',
      location: 'Remote',
      salary: null,
      remote: null,
      salaryText: '$9k - $12k a month',
    });
  });
});

describe('parseJobPage on an expired job page (no JSON-LD)', () => {
  it('reads the heading (cut with the canonical slug) and the salary line', () => {
    expect(parseJobPage(fixture('job-page-expired.html'))).toEqual({
      url: 'https://golang.cafe/job/platform-engineer-go-northwind-1691658000',
      title: 'Platform Engineer (Go)',
      company: 'Northwind',
      location: 'Amsterdam, Netherlands',
      salaryText: '€70k - €85k a year',
      salary: null,
      remote: null,
      visaSponsorship: null,
      postedAt: null,
      descriptionHtml: null,
      expired: true,
    });
  });
});

describe('parseJobPage on pages that are not job pages', () => {
  it.each([
    ['an empty body', '', /^Golang Cafe: the response body is empty, expected a job page$/],
    ['JSON', '{"error":"not found"}', /^Golang Cafe: expected a job page but got JSON/],
    ['plain text', 'Service Unavailable', /^Golang Cafe: expected a job page but the body is not HTML: Service Unavailable$/],
    ['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', /^Golang Cafe: expected a job page but got an XML feed$/],
    [
      'the home page',
      '<!DOCTYPE html><html><head><title>Golang Cafe</title></head><body><h2>Go Jobs</h2><p>Latest jobs</p></body></html>',
      /^Golang Cafe: the page has neither the "\{title\} at \{company\} - \{location\}" heading nor JobPosting data: not a job page$/,
    ],
  ])('throws a ParseError for %s', (_name, body, message) => {
    expect(() => parseJobPage(body)).toThrow(ParseError);
    expect(() => parseJobPage(body)).toThrow(message);
  });
});
