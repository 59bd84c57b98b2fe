// Prints classify() accuracy over the labelled real captures, each label set on its own:
//   npx tsx lib/classify/accuracy-report.ts            tables, confusion tables, every miss
//   npx tsx lib/classify/accuracy-report.ts --summary  per-field tables only
// labels.json is the set the classifier was written against; labels-unseen.json was labelled
// from the text before any rule was changed for it.

import { HAS_SHARED_CAPTURES, SHARED_SKIP_REASON, readSharedCapture } from '../../test/support/shared-captures';
import { evaluateLabelledSet, LABELLED_FIELDS, loadLabels, loadUnseenLabels, type AccuracyReport, type Confusion, type FieldAccuracy } from './accuracy';

const show = (v: unknown): string => JSON.stringify(v) ?? 'undefined';
const LABELS: Record<string, string> = { salaryStated: 'salary (stated)', salaryNone: 'salary (none)' };

function printTable(heading: string, fields: FieldAccuracy[]): void {
  console.log(`\n${heading}\nfield                n  correct  accuracy`);
  for (const f of fields) {
    const pct = f.n ? `${(f.accuracy * 100).toFixed(1)}%` : '-';
    console.log(`${(LABELS[f.field] ?? f.field).padEnd(17)} ${String(f.n).padStart(4)} ${String(f.correct).padStart(8)}  ${pct.padStart(8)}`);
  }
}

/** Rows: the label's class; columns: what classify() said. Languages list only the misses' rows. */
function printConfusion(field: string, confusion: Confusion): void {
  const columns = [...new Set([...confusion.values()].flatMap((row) => [...row.keys()]))].sort();
  const rows = [...confusion.keys()].sort();
  if (field === 'languages') {
    const wrong = rows.flatMap((want) => [...confusion.get(want)!].filter(([got]) => got !== want).map(([got, n]) => `  ${want} -> ${got}: ${n}`));
    const right = rows.reduce((sum, want) => sum + (confusion.get(want)!.get(want) ?? 0), 0);
    console.log(`\n${field}: ${right} exact; expected -> actual for the rest:\n${wrong.join('\n') || '  (none)'}`);
    return;
  }
  const width = Math.max(8, ...columns.map((c) => c.length + 1));
  const first = Math.max(10, ...rows.map((r) => r.length + 1));
  console.log(`\n${field} (rows expected, columns actual)`);
  console.log(' '.repeat(first) + columns.map((c) => c.padStart(width)).join(''));
  for (const want of rows) {
    const row = confusion.get(want)!;
    console.log(want.padEnd(first) + columns.map((c) => String(row.get(c) ?? '').padStart(width)).join(''));
  }
}

function printSet(title: string, report: AccuracyReport, summary: boolean): void {
  console.log(`\n=== ${title}: ${report.items} labelled items`);
  printTable('per field', report.fields);
  if (summary) return;
  for (const field of LABELLED_FIELDS) printConfusion(field, report.confusion[field]);
}

function main(): void {
  if (!HAS_SHARED_CAPTURES) {
    console.error(SHARED_SKIP_REASON);
    process.exitCode = 1;
    return;
  }
  const summary = process.argv.includes('--summary');
  const old = evaluateLabelledSet(readSharedCapture, loadLabels());
  const unseen = evaluateLabelledSet(readSharedCapture, loadUnseenLabels());
  printSet('labels.json (board captures the classifier was written against)', old, summary);
  printTable('labels.json dev set (labelled first, used while building the classifier: optimistic)', old.bySet.dev);
  printTable('labels.json holdout set (labelled blind, scored once frozen; its misses since fixed)', old.bySet.holdout);
  printSet('labels-unseen.json (hiring-system captures and unused board items, labelled before any rule change)', unseen, summary);
  if (summary) return;
  const misses = [...old.misses, ...unseen.misses];
  console.log(`\nmisclassified (${misses.length}):`);
  for (const m of misses) {
    console.log(`- ${m.field} | ${m.set} | ${m.file} ${m.itemKey} | ${m.title.slice(0, 70)}\n    expected ${show(m.expected)}\n    actual   ${show(m.actual)}`);
  }
}

main();
