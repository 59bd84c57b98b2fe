import { describe, expect, it } from 'vitest';
import { jobSlugKey, slugKey, splitHeading } from './heading';

const job = (slug: string) => `https://golang.cafe/job/${slug}`;

describe('splitHeading with the job URL (the slug confirms the cut)', () => {
  it.each([
    ['Senior Go Engineer with Upvest - Berlin, Germany', 'senior-go-engineer-upvest-1692003600', 'Senior Go Engineer', 'Upvest', 'Berlin, Germany'],
    // " with " in the title: the last " with " is the company's.
    [
      'Backend Developer with Kubernetes experience with Acme Cloud - Remote - Europe',
      'backend-developer-with-kubernetes-experience-acme-cloud-1691917200',
      'Backend Developer with Kubernetes experience',
      'Acme Cloud',
      'Remote - Europe',
    ],
    // " - " in the company: the slug holds "smith-jones-ltd", so the location starts after the second dash.
    ['Go Developer with Smith - Jones Ltd - London, UK', 'go-developer-smith-jones-ltd-1691830800', 'Go Developer', 'Smith - Jones Ltd', 'London, UK'],
    // " with " in the company: the slug says the company is "Work with Us".
    ['Go Engineer with Work with Us - Remote', 'go-engineer-work-with-us-1691830800', 'Go Engineer', 'Work with Us', 'Remote'],
    // " - " in the title.
    ['Senior Engineer - Payments with Acme - Paris, France', 'senior-engineer-payments-acme-1691830800', 'Senior Engineer - Payments', 'Acme', 'Paris, France'],
    // & -> "and" and accents in the slug.
    ['SRE with Q&A Labs - Remote', 'sre-qanda-labs-1691744400', 'SRE', 'Q&A Labs', 'Remote'],
    ['Développeur Go with Société Générale - Paris', 'developpeur-go-societe-generale-1691744400', 'Développeur Go', 'Société Générale', 'Paris'],
  ])('%s', (heading, slug, title, company, location) => {
    expect(splitHeading(heading, ' with ', job(slug))).toEqual({ title, company, location, confirmed: true });
  });

  it('cuts the job page heading at " at " the same way', () => {
    expect(splitHeading('Platform Engineer at Acme at Scale - Remote - US', ' at ', job('platform-engineer-acme-at-scale-1691658000'))).toEqual({
      title: 'Platform Engineer',
      company: 'Acme at Scale',
      location: 'Remote - US',
      confirmed: true,
    });
  });

  it('confirms a heading without a location', () => {
    expect(splitHeading('Platform Engineer (Go) with Northwind', ' with ', job('platform-engineer-go-northwind-1691658000'))).toEqual({
      title: 'Platform Engineer (Go)',
      company: 'Northwind',
      location: null,
      confirmed: true,
    });
  });
});

describe('splitHeading without a matching slug (fallback)', () => {
  it('uses the last " with " followed by a " - ", then the first " - " after it', () => {
    expect(splitHeading('Backend Developer with Go with Acme - Remote - Europe', ' with ', null)).toEqual({
      title: 'Backend Developer with Go',
      company: 'Acme',
      location: 'Remote - Europe',
      confirmed: false,
    });
    expect(splitHeading('Go Developer with Acme - Berlin', ' with ', 'https://golang.cafe/job/something-else-123')).toEqual({
      title: 'Go Developer',
      company: 'Acme',
      location: 'Berlin',
      confirmed: false,
    });
  });

  it('prefers a cut with a location over a later " with " that has none', () => {
    expect(splitHeading('Go Dev with Acme - Remote with benefits', ' with ', null)).toEqual({
      title: 'Go Dev',
      company: 'Acme',
      location: 'Remote with benefits',
      confirmed: false,
    });
  });

  it('gives the whole heading as the title when there is no joiner', () => {
    expect(splitHeading('Senior Go Engineer - Remote', ' with ', null)).toEqual({ title: 'Senior Go Engineer - Remote', company: null, location: null, confirmed: false });
    expect(splitHeading('With Go - Remote', ' with ', null)).toEqual({ title: 'With Go - Remote', company: null, location: null, confirmed: false });
  });

  it('takes the rest as the company when no " - " follows the joiner', () => {
    expect(splitHeading('Go Engineer with Acme', ' with ', null)).toEqual({ title: 'Go Engineer', company: 'Acme', location: null, confirmed: false });
  });
});

describe('slug keys', () => {
  it('reduces text to the letters and digits gosimple/slug keeps', () => {
    expect(slugKey('Q&A Labs')).toBe('qandalabs');
    expect(slugKey('Straße @ Größe')).toBe('strasseatgrosse');
    expect(slugKey('Société Générale')).toBe('societegenerale');
  });

  it('reads the title-and-company part of a job URL, and nothing from other URLs', () => {
    expect(jobSlugKey('https://golang.cafe/job/golang-backend-engineer-f-m-d-upvest-1606150893')).toBe('golangbackendengineerfmdupvest');
    expect(jobSlugKey('https://golang.cafe/Remote-Golang-Jobs')).toBeNull();
    expect(jobSlugKey('not a url')).toBeNull();
    expect(jobSlugKey(null)).toBeNull();
  });
});
