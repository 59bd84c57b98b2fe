// Scores classify() against hand-written labels over the real captures: labels.json (the set
// the classifier was written against) and labels-unseen.json (labelled from the text before
// any rule was changed for it: hiring-system captures and board items labels.json does not use).
// Used by labelled-set.test.ts (floors) and accuracy-report.ts (the printed tables).

import { readFileSync } from 'node:fs';
import type { Salary } from '../vocabulary';
import { classify } from './classify';
import { LABEL_FILES, labelInputs, type LabelFile, type ReadCapture } from './labelled-set';
import type { Classification, ClassifyInput } from './types';

export const LABELLED_FIELDS = [
  'languages',
  'seniority',
  'role',
  'remote',
  'salary',
  'yearsRequired',
  'degreeRequired',
  'visaSponsorship',
] as const;
export type LabelledField = (typeof LABELLED_FIELDS)[number];
/** The two salary figures: exact when one is stated, and none invented when none is. */
export const SALARY_SPLIT = ['salaryStated', 'salaryNone'] as const;
export type ReportField = LabelledField | (typeof SALARY_SPLIT)[number];
export const REPORT_FIELDS: readonly ReportField[] = [...LABELLED_FIELDS, ...SALARY_SPLIT];

export type Expected = Partial<Pick<Classification, LabelledField>>;
/**
 * dev: labelled first and used while building the classifier; holdout: labelled blind
 * afterwards (both in labels.json); unseen: labels-unseen.json.
 */
export type LabelSet = 'dev' | 'holdout' | 'unseen';
export const LABEL_SETS: readonly LabelSet[] = ['dev', 'holdout', 'unseen'];
export interface LabelEntry {
  file: LabelFile;
  itemKey: string;
  set: LabelSet;
  expected: Expected;
  /** Why a field was left out or how it was read, where that is not obvious. */
  note?: string;
}

function readLabelFile(name: string, set?: LabelSet): LabelEntry[] {
  const doc = JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as { entries: LabelEntry[] };
  for (const e of doc.entries) {
    if (!LABEL_FILES.includes(e.file)) throw new Error(`${name}: unknown capture ${e.file}`);
    if (set) e.set = set;
  }
  return doc.entries;
}

/** labels.json: the set the classifier was written against (dev and holdout). */
export function loadLabels(): LabelEntry[] {
  return readLabelFile('labels.json');
}

/** labels-unseen.json: the second set, labelled before the classifier was changed for it. */
export function loadUnseenLabels(): LabelEntry[] {
  return readLabelFile('labels-unseen.json', 'unseen');
}

function sameAmount(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= Math.max(1, Math.abs(b) * 0.005);
}

function sameSalary(actual: Salary | null, expected: Salary | null): boolean {
  if (!actual || !expected) return actual === expected;
  return (
    actual.currency === expected.currency &&
    actual.period === expected.period &&
    sameAmount(actual.min, expected.min) &&
    sameAmount(actual.max, expected.max)
  );
}

function sameField(field: LabelledField, actual: Classification, expected: Expected): boolean {
  switch (field) {
    case 'languages': {
      const want = expected.languages!;
      return actual.languages.length === want.length && want.every((l) => actual.languages.includes(l));
    }
    case 'salary':
      return sameSalary(actual.salary, expected.salary ?? null);
    case 'seniority':
    case 'role':
    case 'remote':
    case 'yearsRequired':
    case 'degreeRequired':
    case 'visaSponsorship':
      return actual[field] === expected[field];
  }
}

/** The class a value falls in, for the confusion tables. */
function classOf(field: LabelledField, value: unknown, expectedSalary?: Salary | null): string {
  if (field === 'languages') {
    const langs = [...(value as string[])].sort();
    return langs.length ? langs.join('+') : '(none)';
  }
  if (field === 'salary') {
    if (value === null || value === undefined) return 'none';
    if (expectedSalary === undefined) return 'stated';
    return expectedSalary && sameSalary(value as Salary, expectedSalary) ? 'exact' : 'other amount';
  }
  return String(value);
}

export interface FieldAccuracy {
  field: ReportField;
  /** Labelled items for this field. */
  n: number;
  correct: number;
  accuracy: number;
}

/** expected class -> actual class -> count. */
export type Confusion = Map<string, Map<string, number>>;

export interface Miss {
  set: LabelSet;
  file: LabelFile;
  itemKey: string;
  title: string;
  field: LabelledField;
  expected: unknown;
  actual: unknown;
}

export interface AccuracyReport {
  items: number;
  /** Over all labelled items given. */
  fields: FieldAccuracy[];
  /** The same, per label set. */
  bySet: Record<LabelSet, FieldAccuracy[]>;
  /** Per field, over all labelled items given. */
  confusion: Record<LabelledField, Confusion>;
  misses: Miss[];
}

type Counts = Map<ReportField, { n: number; correct: number }>;
const newCounts = (): Counts => new Map(REPORT_FIELDS.map((f) => [f, { n: 0, correct: 0 }]));
const table = (counts: Counts): FieldAccuracy[] =>
  REPORT_FIELDS.map((field) => {
    const { n, correct } = counts.get(field)!;
    return { field, n, correct, accuracy: n ? correct / n : 1 };
  });

function count(counts: Counts[], field: ReportField, ok: boolean): void {
  for (const c of counts) {
    const row = c.get(field)!;
    row.n++;
    if (ok) row.correct++;
  }
}

/** Classify every labelled item (text read through `read`) and compare field by field. */
export function evaluateLabelledSet(read: ReadCapture, labels: LabelEntry[] = loadLabels()): AccuracyReport {
  const inputs = new Map<LabelFile, Map<string, ClassifyInput>>();
  const all = newCounts();
  const bySet: Record<LabelSet, Counts> = { dev: newCounts(), holdout: newCounts(), unseen: newCounts() };
  const confusion = Object.fromEntries(LABELLED_FIELDS.map((f) => [f, new Map()])) as Record<LabelledField, Confusion>;
  const misses: Miss[] = [];
  for (const label of labels) {
    let items = inputs.get(label.file);
    if (!items) {
      items = labelInputs(label.file, read);
      inputs.set(label.file, items);
    }
    const input = items.get(label.itemKey);
    if (!input) throw new Error(`labels: ${label.file} has no item ${label.itemKey}`);
    const actual = classify(input);
    const counts = [all, bySet[label.set]];
    for (const field of LABELLED_FIELDS) {
      if (!(field in label.expected)) continue;
      const ok = sameField(field, actual, label.expected);
      count(counts, field, ok);
      if (field === 'salary') count(counts, label.expected.salary ? 'salaryStated' : 'salaryNone', ok);
      const want = classOf(field, label.expected[field]);
      const got = classOf(field, actual[field], field === 'salary' ? (label.expected.salary ?? null) : undefined);
      const row = confusion[field].get(want) ?? new Map<string, number>();
      row.set(got, (row.get(got) ?? 0) + 1);
      confusion[field].set(want, row);
      if (!ok) misses.push({ set: label.set, file: label.file, itemKey: label.itemKey, title: input.title, field, expected: label.expected[field], actual: actual[field] });
    }
  }
  return {
    items: labels.length,
    fields: table(all),
    bySet: { dev: table(bySet.dev), holdout: table(bySet.holdout), unseen: table(bySet.unseen) },
    confusion,
    misses,
  };
}
