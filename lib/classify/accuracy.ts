// Scores classify() against the hand-written labels in labels.json over the real captures.
// Used by labelled-set.test.ts (floors) and accuracy-report.ts (the printed table).

import { readFileSync } from 'node:fs';
import type { Salary } from '../vocabulary';
import { classify } from './classify';
import { CAPTURE_FILES, captureInputs, type CaptureFile, type ReadCapture } from './labelled-set';
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

export type Expected = Partial<Pick<Classification, LabelledField>>;
/** dev: labelled first and used while building the classifier; holdout: labelled blind afterwards. */
export type LabelSet = 'dev' | 'holdout';
export interface LabelEntry {
  file: CaptureFile;
  itemKey: string;
  set: LabelSet;
  expected: Expected;
}

export function loadLabels(): LabelEntry[] {
  const doc = JSON.parse(readFileSync(new URL('./labels.json', import.meta.url), 'utf8')) as { entries: LabelEntry[] };
  for (const e of doc.entries) {
    if (!(CAPTURE_FILES as readonly string[]).includes(e.file)) throw new Error(`labels.json: unknown capture ${e.file}`);
  }
  return doc.entries;
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
    default:
      return actual[field] === expected[field];
  }
}

export interface FieldAccuracy {
  field: LabelledField;
  /** Labelled items for this field. */
  n: number;
  correct: number;
  accuracy: number;
}

export interface Miss {
  set: LabelSet;
  file: CaptureFile;
  itemKey: string;
  title: string;
  field: LabelledField;
  expected: unknown;
  actual: unknown;
}

export interface AccuracyReport {
  items: number;
  /** Over all labelled items. */
  fields: FieldAccuracy[];
  /** The same, per label set. */
  bySet: Record<LabelSet, FieldAccuracy[]>;
  misses: Miss[];
}

type Counts = Map<LabelledField, { n: number; correct: number }>;
const newCounts = (): Counts => new Map(LABELLED_FIELDS.map((f) => [f, { n: 0, correct: 0 }]));
const table = (counts: Counts): FieldAccuracy[] =>
  LABELLED_FIELDS.map((field) => {
    const { n, correct } = counts.get(field)!;
    return { field, n, correct, accuracy: n ? correct / n : 1 };
  });

/** Classify every labelled item (text read through `read`) and compare field by field. */
export function evaluateLabelledSet(read: ReadCapture, labels: LabelEntry[] = loadLabels()): AccuracyReport {
  const inputs = new Map<CaptureFile, Map<string, ClassifyInput>>();
  const all = newCounts();
  const bySet: Record<LabelSet, Counts> = { dev: newCounts(), holdout: newCounts() };
  const misses: Miss[] = [];
  for (const label of labels) {
    let items = inputs.get(label.file);
    if (!items) {
      items = captureInputs(label.file, read);
      inputs.set(label.file, items);
    }
    const input = items.get(label.itemKey);
    if (!input) throw new Error(`labels.json: ${label.file} has no item ${label.itemKey}`);
    const actual = classify(input);
    for (const field of LABELLED_FIELDS) {
      if (!(field in label.expected)) continue;
      const ok = sameField(field, actual, label.expected);
      for (const counts of [all, bySet[label.set]]) {
        const c = counts.get(field)!;
        c.n++;
        if (ok) c.correct++;
      }
      if (!ok) misses.push({ set: label.set, file: label.file, itemKey: label.itemKey, title: input.title, field, expected: label.expected[field], actual: actual[field] });
    }
  }
  return { items: labels.length, fields: table(all), bySet: { dev: table(bySet.dev), holdout: table(bySet.holdout) }, misses };
}
