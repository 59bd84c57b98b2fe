import { describe, expect, it } from 'vitest';
import { HAS_SHARED_CAPTURES, readSharedCapture, SHARED_SKIP_REASON } from '../../test/support/shared-captures';
import { classify, type Classification } from '../../lib/classify';
import { htmlToText } from '../../lib/text';
import { extractJobHeader, type JobHeader } from './header';

if (!HAS_SHARED_CAPTURES) console.warn(SHARED_SKIP_REASON);

function header(html: string): JobHeader {
  const outcome = extractJobHeader(html);
  if ('skip' in outcome) throw new Error(`skipped: ${outcome.skip}`);
  return outcome.header;
}

/** What lib/classify makes of the listing a comment becomes: remote work and visas are its to say. */
function classified(html: string): Classification {
  const h = header(html);
  return classify({ title: h.title, tags: h.tags, descriptionText: htmlToText(html), location: h.location, salaryText: h.salaryText });
}

describe('extractJobHeader: the "Company | Role | Location | REMOTE | $salary | URL" line', () => {
  it('reads every field of a complete header, in any order', () => {
    expect(
      header('Acme Robotics (YC S21) | Senior Backend Engineer | REMOTE (US/Canada) | Full-time | $150k - $190k + equity | VISA | <a href="https:&#x2F;&#x2F;acme.example">https:&#x2F;&#x2F;acme.example</a><p>We build robots.'),
    ).toEqual({
      company: 'Acme Robotics',
      title: 'Senior Backend Engineer',
      location: 'REMOTE (US/Canada)',
      salaryText: '$150k - $190k + equity',
      tags: ['full-time'],
    });
    expect(classified('Acme Robotics (YC S21) | Senior Backend Engineer | REMOTE (US/Canada) | Full-time | $150k - $190k + equity | VISA | <a href="https:&#x2F;&#x2F;acme.example">https:&#x2F;&#x2F;acme.example</a><p>We build robots.')).toMatchObject({ remote: 'remote', visaSponsorship: true });
    expect(header('Ledger Co | London, UK | Hybrid (2 days) | £70-90k | Platform Engineer')).toMatchObject({
      company: 'Ledger Co',
      title: 'Platform Engineer',
      location: 'London, UK; Hybrid (2 days)',
      salaryText: '£70-90k',
    });
    expect(classified('Ledger Co | London, UK | Hybrid (2 days) | £70-90k | Platform Engineer').remote).toBe('hybrid');
  });

  it('joins the first two of several roles and counts the rest', () => {
    expect(header('Trunk | Sr Backend Eng | Sr Product Designer | Technical SDR | Hybrid SF').title).toBe('Sr Backend Eng, Sr Product Designer + 1 more');
    expect(header('Datadog | Software Engineers, SREs, Product Managers, etc. | ONSITE (NYC)').title).toBe('Software Engineers, SREs + 1 more');
    expect(header('Make Waves | Lead developer &amp; Marketing Manager | Amsterdam, NL').title).toBe('Lead developer & Marketing Manager');
  });

  it('leaves remote, hybrid and onsite to lib/classify, which reads them from the header, remote winning when it is an option', () => {
    expect(classified('A | Backend Engineer | ONSITE (Boston)').remote).toBe('onsite');
    expect(classified('A | Backend Engineer | San Francisco/Hybrid Remote').remote).toBe('hybrid');
    expect(classified('A | Backend Engineer | Onsite NYC (Preferred) or Remote (US)').remote).toBe('remote');
    expect(classified('A | Backend Engineer | Berlin').remote).toBe('unknown');
  });

  it('keeps visa segments out of the fields; lib/classify reads them as no sponsorship, citizenship requirements too', () => {
    expect(header('A | Backend Engineer | Remote (US) | No visa sponsorship')).toMatchObject({ location: 'Remote (US)', tags: [] });
    expect(classified('A | Backend Engineer | Remote (US) | No visa sponsorship')).toMatchObject({ remote: 'remote', visaSponsorship: false });
    expect(header('A | Backend Engineer | Dallas, TX | U.S. CITIZENSHIP REQUIRED').location).toBe('Dallas, TX');
    expect(classified('A | Backend Engineer | Dallas, TX | U.S. CITIZENSHIP REQUIRED').visaSponsorship).toBe(false);
    expect(header('A | Backend Engineer | Fully Remote (UK ONLY, NO VISAS)').location).toBe('Fully Remote (UK ONLY, NO VISAS)');
    expect(classified('A | Backend Engineer | Fully Remote (UK ONLY, NO VISAS)').visaSponsorship).toBe(false);
  });

  it('tags interns and employment types (not where: that is classification)', () => {
    expect(header('Stellar | Software Engineer | Hybrid (DC) | Full time, INTERNS/co-ops').tags).toEqual(['interns', 'full-time']);
    expect(header('Klara | OpenZFS Developer | REMOTE | Full-time Contract').tags).toEqual(['full-time', 'contract']);
  });

  it('cleans the company: links, parentheses, taglines', () => {
    expect(header('Snout https://www.snoutplans.com/ | Principal Software Engineer | Remote US').company).toBe('Snout');
    expect(header('Galaxy (getgalaxy.io) - The Cursor for SQL | Backend Engineer | NYC, NY').company).toBe('Galaxy');
    expect(header('Neon — Ship Faster with Postgres (https://neon.tech) | Software Engineer | Remote').company).toBe('Neon');
  });

  it('handles a role-first header and "Role @ Company"', () => {
    expect(header('Senior Software Engineer (Backend or Fullstack) | Splash.tech | remote | full-time')).toMatchObject({
      company: 'Splash.tech',
      title: 'Senior Software Engineer (Backend or Fullstack)',
    });
    expect(classified('Senior Software Engineer (Backend or Fullstack) | Splash.tech | remote | full-time').remote).toBe('remote');
    expect(header('Senior Frontend Engineer @ SmileID | https://www.usesmileid.com/ | Full-time &amp; REMOTE')).toMatchObject({
      company: 'SmileID',
      title: 'Senior Frontend Engineer',
      location: 'REMOTE',
    });
    expect(classified('Senior Frontend Engineer @ SmileID | https://www.usesmileid.com/ | Full-time &amp; REMOTE').remote).toBe('remote');
    expect(header('Robusta.dev | REMOTE (EUROPE) or ONSITE(ISRAEL)| Staff Software Engineer, Backend Team Lead')).toMatchObject({
      company: 'Robusta.dev',
      title: 'Staff Software Engineer, Backend Team Lead',
    });
  });

  it('keeps technology lists and taglines out of the location', () => {
    expect(header('ML6 | Machine Learning Engineer | Python, TensorFlow, AWS | Amsterdam, Berlin (EU) On-site/hybrid').location).toBe('Amsterdam, Berlin (EU) On-site/hybrid');
    expect(header('Riffusion | Generative Music | San Francisco, CA | ML Engineer').location).toBe('San Francisco, CA');
    expect(header('Sudowrite | REMOTE | Full-Time | Competitive Salary + Equity | Hiring: AI Engineer')).toMatchObject({ location: 'REMOTE', title: 'AI Engineer', salaryText: null });
  });

  it('does not take a header that runs into the description for fields', () => {
    const h = header(
      'Fleetio | Full-time | 100% REMOTE (USA) | Fleetio is a modern SaaS platform that helps thousands of organizations manage their fleet. Founded in 2012, 6k+ customers.<p>Open roles:<p>- Senior Rails Engineer<p>- Staff Data Engineer',
    );
    expect(h).toMatchObject({ company: 'Fleetio', title: 'Senior Rails Engineer, Staff Data Engineer', location: '100% REMOTE (USA)', salaryText: null });
  });
});

describe('extractJobHeader: roles named under the header', () => {
  it('takes role bullets when the header names none', () => {
    expect(header('Galaxy | NYC, NY | Full time\n-- Founding Frontend Engineer\n-- Founding Backend Engineer\n-- Founding ML Engineer<p>We build SQL tools.').title).toBe(
      'Founding Frontend Engineer, Founding Backend Engineer + 1 more',
    );
    expect(header('HRT | Hybrid | Full-time<p>We’re looking for:<p>Technical Product Manager | NYC | link<p>Data Production Engineer | London | link').title).toBe(
      'Technical Product Manager, Data Production Engineer',
    );
  });

  it('takes a "we are hiring a …" sentence, and replaces a generic "Multiple roles"', () => {
    expect(header('Goody | Remote | $170-230K | Full-time<p>Goody is hiring a full-stack Senior Software Engineer who likes to ship.').title).toBe('Full-stack Senior Software Engineer');
    expect(header('SmarterDx | Remote (US only) | Multiple roles<p>We are looking for: Staff and Senior SWEs, ML Engineers and more!').title).toBe('Staff and Senior SWEs');
    expect(header('WunderGraph | Multiple Roles | REMOTE<p>We build API tooling.').title).toBe('Multiple Roles');
  });

  it('titles a proper header that names no role after the company', () => {
    expect(header('Tidewater | Portland, OR | Hybrid<p>We build software for ports.')).toMatchObject({ title: 'Open roles at Tidewater', location: 'Portland, OR' });
    expect(classified('Tidewater | Portland, OR | Hybrid<p>We build software for ports.').remote).toBe('hybrid');
  });
});

describe('extractJobHeader: posts without a pipe header', () => {
  it('reads "X is hiring a Y" and "Key: value" lines', () => {
    expect(header('Quillstack is hiring a Senior Rails Developer\nLocation: Remote (US only)\nSalary: $140k&#x2F;year<p>Text.')).toEqual({
      company: 'Quillstack',
      title: 'Senior Rails Developer',
      location: 'Remote (US only)',
      salaryText: '$140k/year',
      tags: [],
    });
    expect(classified('Quillstack is hiring a Senior Rails Developer\nLocation: Remote (US only)\nSalary: $140k&#x2F;year<p>Text.')).toMatchObject({ remote: 'remote', visaSponsorship: null });
    expect(header('Company: Planeto (early stage cleantech startup)<p>We are hiring a Senior Software Engineer.')).toMatchObject({ company: 'Planeto', title: 'Senior Software Engineer' });
  });

  it('reads "Role at Company - …" and a bare title line', () => {
    expect(header('Technical Product Marketer at Inferless.com - You will own content.')).toMatchObject({ company: 'Inferless.com', title: 'Technical Product Marketer' });
    expect(header('Founding Engineer\nLocation: San Francisco\nEmployment: Full-time, Hybrid<p>Rust and Postgres.')).toMatchObject({
      company: null,
      title: 'Founding Engineer',
      location: 'San Francisco',
    });
    expect(classified('Founding Engineer\nLocation: San Francisco\nEmployment: Full-time, Hybrid<p>Rust and Postgres.').remote).toBe('hybrid');
    expect(header("We're hiring software engineer.<p>Ping me.").title).toBe('Software engineer');
  });

  it('says why a comment is not a job post', () => {
    expect(extractJobHeader('')).toEqual({ skip: 'empty comment' });
    expect(extractJobHeader('<p> </p>')).toEqual({ skip: 'empty comment' });
    expect(extractJobHeader('Great thread! Looking forward to seeing the opportunities.')).toEqual({
      skip: "not a job post: no 'Company | Role | Location' header and no role named in the text",
    });
    expect(extractJobHeader('Why don’t European companies ever list their compensation?')).toHaveProperty('skip');
  });
});

// hn-2.json: real "Who is hiring" comments with hand-written labels (akurilin/whoishiringreport,
// MIT). We extract one listing per comment, so the labels we check are the header ones: company,
// salary (as text whose numbers match), remote, location; role titles where one role is expected.
interface Case {
  id: string;
  name: string;
  comment: { content: string };
  expected: {
    error?: boolean;
    error_type_contains?: string;
    is_job_posting?: boolean;
    role_count?: number;
    all_roles?: Expect;
    roles?: { match_by: { role_title_contains: string[] }; expect: Expect }[];
  };
}
interface Expect {
  company_name?: string;
  company_name_contains?: string[];
  is_remote?: boolean;
  is_remote_in?: (boolean | null)[];
  remote_regions_contain?: string[];
  locations_contain?: string[];
  salary_min?: number | null;
  salary_max?: number | null;
  salary_min_gte?: number;
  salary_max_lte?: number;
  salary_currency?: string;
}

/** The amounts a salary text states: "$170-225K" -> [170000, 225000]; "€60-100k" -> [60000, 100000]. */
function amounts(text: string): number[] {
  const thousands = /\d\s?k\b/i.test(text);
  return [...text.matchAll(/\d[\d,.]*/g)]
    .map((match) => Number(match[0].replace(/,/g, '')))
    .filter((value) => value >= 10 && !Number.isNaN(value))
    .map((value) => (thousands && value < 1000 ? value * 1000 : value));
}

const CURRENCY_SIGNS: Record<string, RegExp> = { USD: /\$|USD/, EUR: /€|EUR/, GBP: /£|GBP/ };

function checkLabels(html: string, expected: Expect) {
  const h = header(html);
  const remote = classified(html).remote;
  if (expected.company_name) expect(h.company).toBe(expected.company_name);
  for (const part of expected.company_name_contains ?? []) expect(h.company?.toLowerCase()).toContain(part.toLowerCase());
  if (expected.is_remote === true) expect(remote).toBe('remote');
  if (expected.is_remote === false) expect(remote).not.toBe('remote');
  if (expected.is_remote_in) expect(remote === 'remote' ? true : remote === 'unknown' ? null : false).toSatisfy((value) => expected.is_remote_in!.includes(value as boolean | null));
  for (const place of [...(expected.remote_regions_contain ?? []), ...(expected.locations_contain ?? [])]) expect(h.location).toContain(place);
  if (expected.salary_min === null && expected.salary_max === null) expect(h.salaryText).toBeNull();
  if (typeof expected.salary_min === 'number' || typeof expected.salary_max === 'number' || expected.salary_min_gte !== undefined) {
    expect(h.salaryText).not.toBeNull();
    const values = amounts(h.salaryText!);
    if (typeof expected.salary_min === 'number') expect(Math.min(...values)).toBe(expected.salary_min);
    if (typeof expected.salary_max === 'number') expect(Math.max(...values)).toBe(expected.salary_max);
    if (expected.salary_min_gte !== undefined) expect(Math.min(...values)).toBeGreaterThanOrEqual(expected.salary_min_gte);
    if (expected.salary_max_lte !== undefined) expect(Math.max(...values)).toBeLessThanOrEqual(expected.salary_max_lte);
  }
  if (expected.salary_currency) expect(h.salaryText).toMatch(CURRENCY_SIGNS[expected.salary_currency]!);
}

describe.skipIf(!HAS_SHARED_CAPTURES)('extractJobHeader against the hand-labelled comments in hn-2.json', () => {
  const cases = () => (JSON.parse(readSharedCapture('hn-2.json')) as { test_cases: Case[] }).test_cases;

  it('has the 11 labelled cases', () => {
    expect(cases()).toHaveLength(11);
  });

  it('matches company, salary, remote and location labels of every job posting', () => {
    const postings = cases().filter((c) => c.expected.is_job_posting);
    expect(postings).toHaveLength(9);
    for (const c of postings) {
      if (c.expected.all_roles) checkLabels(c.comment.content, c.expected.all_roles);
      for (const role of c.expected.roles ?? []) checkLabels(c.comment.content, role.expect);
    }
  });

  it('titles single-role postings with the labelled role', () => {
    for (const c of cases().filter((c) => c.expected.role_count === 1)) {
      const words = c.expected.roles![0]!.match_by.role_title_contains;
      const title = header(c.comment.content).title;
      expect(words.every((word) => title.includes(word)), `${c.name}: "${title}" should contain ${words.join(' and ')}`).toBe(true);
    }
  });

  it('titles the multi-role postings with at least one labelled role', () => {
    for (const c of cases().filter((c) => c.expected.is_job_posting && c.expected.role_count !== 1)) {
      const title = header(c.comment.content).title;
      const alternatives = c.expected.roles!.flatMap((role) => role.match_by.role_title_contains);
      expect(alternatives.some((word) => title.includes(word)), `${c.name}: "${title}"`).toBe(true);
    }
  });

  it('skips the empty and the non-job comments with reasons', () => {
    const byName = (name: string) => cases().find((c) => c.name === name)!;
    expect(byName('empty_content').expected.error_type_contains).toBe('empty');
    expect(extractJobHeader(byName('empty_content').comment.content)).toEqual({ skip: 'empty comment' });
    expect(byName('non_job_posting').expected.is_job_posting).toBe(false);
    expect(extractJobHeader(byName('non_job_posting').comment.content)).toEqual({
      skip: "not a job post: no 'Company | Role | Location' header and no role named in the text",
    });
  });
});
