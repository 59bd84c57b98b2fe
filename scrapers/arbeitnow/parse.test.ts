import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_CAPTURES, readSharedCapture, SHARED_SKIP_REASON } from '../../test/support/shared-captures';
import { ParseError } from '../errors';
import { badBodies } from '../../test/support/bad-bodies';
import { fakeContext, ok } from '../../test/support/scrape-context';
import { board } from './index';
import { parseArbeitnow } from './parse';

if (!HAS_SHARED_CAPTURES) console.warn(SHARED_SKIP_REASON);

const FIXTURE = readFileSync(new URL('./fixtures/arbeitnow-api.json', import.meta.url), 'utf8');

describe('parseArbeitnow on the project fixture', () => {
  const { items, skipped } = parseArbeitnow(FIXTURE);

  it('returns the three good jobs, keyed by slug', () => {
    expect(items.map((item) => item.externalId)).toEqual([
      'senior-backend-engineer-golang-berlin-100001',
      'python-entwickler-hybrid-munich-100002',
      'werkstudent-devops-hamburg-100003',
    ]);
  });

  it('maps a remote job: remote true -> stated remote, job_types then tags as tags, epoch seconds', () => {
    expect(items[0]).toEqual({
      board: 'arbeitnow',
      externalId: 'senior-backend-engineer-golang-berlin-100001',
      url: 'https://www.arbeitnow.com/jobs/companies/kiezcloud-gmbh/senior-backend-engineer-golang-berlin-100001',
      title: 'Senior Backend Engineer (Golang) (m/w/d)',
      company: 'Kiezcloud GmbH',
      location: 'Berlin',
      salaryText: null,
      tags: ['full-time permanent', 'berufserfahren', 'software development', 'remote'],
      descriptionHtml: '<p>Wir suchen eine:n <strong>Backend Engineer</strong> für unsere Plattform.</p>',
      postedAt: new Date('2026-05-17T10:00:00.000Z'),
      stated: { remote: 'remote' },
    });
  });

  it('states nothing about remote work when remote is false (the job may be hybrid)', () => {
    expect(items[1]).toEqual({
      board: 'arbeitnow',
      externalId: 'python-entwickler-hybrid-munich-100002',
      url: 'https://www.arbeitnow.com/jobs/companies/isarsoft-ag/python-entwickler-hybrid-munich-100002',
      title: 'Python Entwickler (m/w/d) – Hybrid',
      company: 'Isarsoft AG',
      location: 'Munich',
      salaryText: null,
      tags: ['it'],
      descriptionHtml: '<p>Hybrid, 2 Tage im Büro.</p>',
      postedAt: new Date('2026-05-16T07:30:00.000Z'),
    });
  });

  it('dedupes job types case-insensitively', () => {
    expect(items[2]).toMatchObject({ title: 'Werkstudent DevOps (m/w/d)', company: 'Hafenbyte', location: 'Hamburg', tags: ['side', 'internship'] });
    expect(items[2]!.stated).toBeUndefined();
  });

  it('skips a job without title and one with a wrongly typed remote flag', () => {
    expect(skipped).toEqual([
      { reason: 'title: missing or empty', ref: 'untitled-job-100004' },
      { reason: 'remote: Invalid input: expected boolean, received string', ref: 'kotlin-developer-leipzig-100005' },
    ]);
  });
});

describe('parseArbeitnow on bad bodies', () => {
  for (const { name, body, message } of badBodies(FIXTURE)) {
    it(`throws a ParseError for ${name}`, () => {
      expect(() => parseArbeitnow(body)).toThrow(ParseError);
      expect(() => parseArbeitnow(body)).toThrow(message);
    });
  }

  it('throws a ParseError for the wrong top-level shape', () => {
    expect(() => parseArbeitnow('{"jobs": []}')).toThrow('Arbeitnow: expected an object with a "data" array, got an object with keys jobs');
    expect(() => parseArbeitnow('[]')).toThrow('Arbeitnow: expected an object with a "data" array, got an array of 0');
  });
});

describe.skipIf(!HAS_SHARED_CAPTURES)('parseArbeitnow on the shared capture arbeitnow-1.json', () => {
  const parsed = () => parseArbeitnow(readSharedCapture('arbeitnow-1.json'));

  it('turns all 100 jobs into listings, none skipped, in order', () => {
    const raw = JSON.parse(readSharedCapture('arbeitnow-1.json')) as { data: { slug: string }[] };
    const { items, skipped } = parsed();
    expect(items).toHaveLength(100);
    expect(skipped).toEqual([]);
    expect(items.map((item) => item.externalId)).toEqual(raw.data.map((job) => job.slug));
  });

  it('maps several jobs exactly', () => {
    const { items } = parsed();
    const bySlug = (slug: string) => items.find((item) => item.externalId === slug)!;
    expect(bySlug('hr-manager-hr-generalist-stuttgart-78115')).toMatchObject({
      url: 'https://www.arbeitnow.com/jobs/companies/autofox-gmbh/hr-manager-hr-generalist-stuttgart-78115',
      title: 'HR Manager / HR Generalist (m/w/d)',
      company: 'autofox GmbH',
      location: 'Stuttgart',
      tags: ['geschäftsleitung', 'recruitment and selection'],
      postedAt: new Date('2026-05-17T12:30:29.000Z'),
    });
    expect(bySlug('technical-customer-support-manager-berlin-312321')).toMatchObject({
      title: 'Technical Customer Support Manager (m/f/d)',
      company: 'Famedly GmbH',
      tags: ['remote', 'customer service'],
      stated: { remote: 'remote' },
    });
    expect(bySlug('senior-netsuite-solution-architect-frankfurt-am-main-27856')).toMatchObject({
      company: 'Verve',
      location: 'Frankfurt am Main',
      tags: ['full-time permanent', 'experienced', 'finance', "bachelor's degree"],
    });
    expect(bySlug('weg-buchhalter-munich-482397')).toMatchObject({ company: 'Jobbusters® GmbH', location: 'Munich' });
    expect(bySlug('werkstudent-it-support-dusseldorf-498052')).toMatchObject({ location: 'Düsseldorf', tags: ['side', 'helpdesk'] });
  });

  it('states remote for exactly the three jobs flagged remote', () => {
    expect(parsed().items.filter((item) => item.stated?.remote === 'remote').map((item) => item.company)).toEqual([
      'Famedly GmbH',
      'GrowInTheRole GmbH',
      'SEOMATIK GmbH',
    ]);
  });
});

describe('Arbeitnow board', () => {
  it('is defined as the brief says, and is not complete (first page only)', async () => {
    expect({ id: board.id, name: board.name, kind: board.kind, url: board.url, homepage: board.homepage }).toEqual({
      id: 'arbeitnow',
      name: 'Arbeitnow',
      kind: 'json',
      url: 'https://www.arbeitnow.com/api/job-board-api',
      homepage: 'https://www.arbeitnow.com',
    });
    const { ctx } = fakeContext(board.url, { [board.url]: ok(board.url, FIXTURE) });
    await expect(board.scrape(ctx)).resolves.toMatchObject({ notModified: false, complete: false, httpStatus: 200 });
  });

  it('reports 304 as not modified', async () => {
    const { ctx } = fakeContext(board.url, { [board.url]: { status: 304, url: board.url } });
    await expect(board.scrape(ctx)).resolves.toEqual({ notModified: true, httpStatus: 304 });
  });
});
