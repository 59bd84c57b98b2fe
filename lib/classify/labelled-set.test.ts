// Accuracy of classify() over hand-labelled items of the real captures (labels in labels.json,
// text read from ../shared at run time). Skips only when ../shared is absent (fresh clone);
// classify.test.ts carries the self-written cases that run everywhere.

import { describe, expect, it } from 'vitest';
import { HAS_SHARED_CAPTURES, SHARED_SKIP_REASON, readSharedCapture } from '../../test/support/shared-captures';
import { ATS_FILES, atsInputs } from './ats-set';
import {
  evaluateLabelledSet,
  LABELLED_FIELDS,
  loadLabels,
  loadUnseenLabels,
  REPORT_FIELDS,
  type AccuracyReport,
  type FieldAccuracy,
  type LabelledField,
  type ReportField,
} from './accuracy';
import { CAPTURE_FILES, captureInputs } from './labelled-set';

if (!HAS_SHARED_CAPTURES) console.warn(SHARED_SKIP_REASON);

// Floors sit a few points under the measured figures (see accuracy-report.ts) so a regression
// fails while label-set growth does not; the holdout floors are the brief's 85%.
const FLOORS: Record<LabelledField, number> = {
  languages: 0.9,
  seniority: 0.9,
  role: 0.9,
  remote: 0.9,
  salary: 0.9,
  yearsRequired: 0.9,
  degreeRequired: 0.9,
  visaSponsorship: 0.9,
};
const HOLDOUT_FLOOR = 0.85;

const byField = (rows: FieldAccuracy[]): Map<ReportField, FieldAccuracy> => new Map(rows.map((r) => [r.field, r]));

// Issue 16's targets, held on the set the classifier was not written against (labels-unseen.json).
const UNSEEN_TARGETS: Record<ReportField, number> = {
  languages: 0.98,
  seniority: 0.95,
  role: 0.95,
  remote: 0.95,
  salary: 0.95,
  salaryStated: 0.95,
  salaryNone: 0.98,
  yearsRequired: 0.92,
  degreeRequired: 0.95,
  visaSponsorship: 0.9,
};

describe.skipIf(!HAS_SHARED_CAPTURES)('labelled real captures', () => {
  const labels = loadLabels();

  it('labels at least 220 distinct items, covering every capture and a holdout set', () => {
    expect(labels.length).toBeGreaterThanOrEqual(220);
    const keys = new Set(labels.map((l) => `${l.file}#${l.itemKey}`));
    expect(keys.size).toBe(labels.length);
    for (const file of CAPTURE_FILES) expect(labels.filter((l) => l.file === file).length, file).toBeGreaterThanOrEqual(10);
    expect(labels.filter((l) => l.set === 'holdout').length).toBeGreaterThanOrEqual(50);
  });

  it('loader reads every item of each capture', () => {
    const sizes = Object.fromEntries(CAPTURE_FILES.map((f) => [f, captureInputs(f, readSharedCapture).size]));
    expect(sizes).toEqual({
      'wwr-1.rss': 59,
      'remoteok-1.json': 97,
      'remotive-1.json': 35,
      'pythonorg-1.rss': 20,
      'himalayas-1.json': 20,
      'arbeitnow-1.json': 100,
      'hn-1.json': 395,
      'hn-2.json': 11,
    });
  });

  it('loader maps fields to ClassifyInput', () => {
    const wwr = captureInputs('wwr-1.rss', readSharedCapture).get('0')!;
    expect(wwr.title).toBe('Senior C# and PostgreSQL Backend Developer');
    expect(wwr.location).toBe('Anywhere in the World');
    expect(wwr.descriptionText).not.toMatch(/<[a-z]/i);

    const remotive = captureInputs('remotive-1.json', readSharedCapture).get('2090903')!;
    expect(remotive.salaryText).toBe('$18 - $22/hr');
    expect(remotive.location).toBe('USA');

    const hn = captureInputs('hn-2.json', readSharedCapture).get('44159535')!;
    expect(hn.title).toMatch(/^Neon Health \| Founding Sr Backend Engineer \|/);
    expect(hn.descriptionText.startsWith('https://neonhealth.com')).toBe(true);
  });

  it('hn-2 salary labels agree with the capture’s own expected values', () => {
    type Expect = { salary_min?: number | null; salary_max?: number | null; salary_currency?: string; salary_min_gte?: number; salary_max_lte?: number };
    const doc = JSON.parse(readSharedCapture('hn-2.json')) as {
      test_cases: { id: string; expected: { roles?: { expect?: Expect }[]; all_roles?: Expect } }[];
    };
    let checked = 0;
    for (const tc of doc.test_cases) {
      const want = tc.expected.roles?.[0]?.expect ?? tc.expected.all_roles;
      const label = labels.find((l) => l.file === 'hn-2.json' && l.itemKey === String(tc.id));
      if (!want || !label || !('salary' in label.expected)) continue;
      const got = label.expected.salary ?? null;
      if (want.salary_min !== undefined) expect(got?.min ?? null, tc.id).toBe(want.salary_min);
      if (want.salary_max !== undefined) expect(got?.max ?? null, tc.id).toBe(want.salary_max);
      if (want.salary_currency !== undefined) expect(got?.currency, tc.id).toBe(want.salary_currency);
      if (want.salary_min_gte !== undefined) expect(got!.min!, tc.id).toBeGreaterThanOrEqual(want.salary_min_gte);
      if (want.salary_max_lte !== undefined) expect(got!.max!, tc.id).toBeLessThanOrEqual(want.salary_max_lte);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  describe('per-field accuracy', () => {
    // Evaluated lazily: vitest still runs suite bodies of skipped describes while collecting.
    let report: AccuracyReport | undefined;
    const evaluate = (): AccuracyReport => (report ??= evaluateLabelledSet(readSharedCapture, labels));

    it.each(LABELLED_FIELDS.map((f) => [f]))('%s meets its floor overall and on the holdout set', (field) => {
      const report = evaluate();
      const all = byField(report.fields);
      const holdout = byField(report.bySet.holdout);
      const a = all.get(field)!;
      const h = holdout.get(field)!;
      expect(a.n).toBeGreaterThanOrEqual(200);
      expect(h.n).toBeGreaterThanOrEqual(15);
      const missed = report.misses.filter((m) => m.field === field).map((m) => `${m.file} ${m.itemKey}`);
      expect(a.accuracy, `misses: ${missed.join(', ')}`).toBeGreaterThanOrEqual(FLOORS[field]);
      expect(h.accuracy, `holdout misses: ${missed.join(', ')}`).toBeGreaterThanOrEqual(HOLDOUT_FLOOR);
    });
  });

  describe('labels-unseen.json (hiring-system captures and unused board items)', () => {
    const unseen = loadUnseenLabels();
    let report: AccuracyReport | undefined;
    const evaluate = (): AccuracyReport => (report ??= evaluateLabelledSet(readSharedCapture, unseen));

    it('labels 80+ distinct items, none of them in labels.json', () => {
      expect(unseen.length).toBeGreaterThanOrEqual(80);
      const keys = new Set(unseen.map((l) => `${l.file}#${l.itemKey}`));
      expect(keys.size).toBe(unseen.length);
      for (const l of labels) expect(keys.has(`${l.file}#${l.itemKey}`), `${l.file} ${l.itemKey}`).toBe(false);
      for (const file of ATS_FILES) expect(unseen.some((l) => l.file === `ats/${file}`), file).toBe(true);
    });

    it('the hiring-system loader reads every job and passes structured fields as stated', () => {
      const sizes = Object.fromEntries(ATS_FILES.map((f) => [f, atsInputs(f, readSharedCapture(`../ats/${f}`)).size]));
      expect(sizes).toEqual({
        'greenhouse-1.json': 20,
        'greenhouse-2.json': 4,
        'greenhouse-3.json': 12,
        'lever-1.json': 20,
        'lever-2.json': 10,
        'ashby-1.json': 4,
        'ashby-2.json': 19,
        'workable-1.json': 4,
        'jsonld-1.html': 1,
        'jsonld-2.html': 1,
        'jsonld-3.html': 1,
        'jsonld-4.html': 1,
      });
      const lever = atsInputs('lever-1.json', readSharedCapture('../ats/lever-1.json')).get('96cecfd1-a364-4514-8bf3-f753fd601e02')!;
      expect(lever.stated).toEqual({ remote: 'hybrid', salary: { min: 73788, max: 96600, currency: 'USD', period: 'year' } });
      const ashby = atsInputs('ashby-1.json', readSharedCapture('../ats/ashby-1.json')).get('4e64ab86-4e30-403b-b1b9-41dc052570ce')!;
      expect(ashby.stated?.salary).toEqual({ min: 143200, max: 284000, currency: 'USD', period: 'year' });
      const page = atsInputs('jsonld-1.html', readSharedCapture('../ats/jsonld-1.html')).get('0')!;
      expect(page.title).toBe('Senior DevOps Engineer');
      expect(page.stated?.salary).toEqual({ min: 130000, max: 160000, currency: 'AUD', period: 'year' });
      const greenhouse = atsInputs('greenhouse-1.json', readSharedCapture('../ats/greenhouse-1.json')).get('7649441')!;
      expect(greenhouse.descriptionText).not.toMatch(/<[a-z]|&lt;/i);
      expect(greenhouse.stated).toEqual({ remote: 'hybrid' });
    });

    it.each(REPORT_FIELDS.map((f) => [f]))('%s meets the issue target', (field) => {
      const row = byField(evaluate().fields).get(field)!;
      expect(row.n).toBeGreaterThanOrEqual(40);
      const missed = evaluate()
        .misses.filter((m) => m.field === field || (field.startsWith('salary') && m.field === 'salary'))
        .map((m) => `${m.file} ${m.itemKey}`);
      expect(row.accuracy, `misses: ${missed.join(', ')}`).toBeGreaterThanOrEqual(UNSEEN_TARGETS[field]);
    });
  });
});
