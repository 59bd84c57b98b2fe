// Prints classify() accuracy over the labelled real captures:
//   npx tsx lib/classify/accuracy-report.ts            table + every misclassified example
//   npx tsx lib/classify/accuracy-report.ts --summary  table only

import { HAS_SHARED_CAPTURES, SHARED_SKIP_REASON, readSharedCapture } from '../../test/support/shared-captures';
import { evaluateLabelledSet, type FieldAccuracy } from './accuracy';

const show = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

function printTable(heading: string, fields: FieldAccuracy[]): void {
  console.log(`\n${heading}\nfield               n  correct  accuracy`);
  for (const f of fields) {
    const pct = f.n ? `${(f.accuracy * 100).toFixed(1)}%` : '-';
    console.log(`${f.field.padEnd(16)} ${String(f.n).padStart(4)} ${String(f.correct).padStart(8)}  ${pct.padStart(8)}`);
  }
}

function main(): void {
  if (!HAS_SHARED_CAPTURES) {
    console.error(SHARED_SKIP_REASON);
    process.exitCode = 1;
    return;
  }
  const report = evaluateLabelledSet(readSharedCapture);
  console.log(`classify() over ${report.items} labelled items from ../shared/fixtures/boards`);
  printTable('all labelled items', report.fields);
  printTable('dev set (labelled first, used while building the classifier: optimistic)', report.bySet.dev);
  printTable('holdout set (labelled blind, scored once frozen; its misses since fixed: see labels.json "sets")', report.bySet.holdout);
  if (process.argv.includes('--summary')) return;
  console.log(`\nmisclassified (${report.misses.length}):`);
  for (const m of report.misses) {
    console.log(`- ${m.field} | ${m.set} | ${m.file} ${m.itemKey} | ${m.title.slice(0, 70)}\n    expected ${show(m.expected)}\n    actual   ${show(m.actual)}`);
  }
}

main();
