import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { markdownTable, writeReport } from './support';
import { TARGETS } from './targets';

// After `npm run bench` (every benchmark), one page that links each benchmark's own report and
// lists the headline figures it printed as its last JSON line. README.md links this page.

const TITLES: Record<string, string> = {
  ingest: 'Ingestion: 10,000-item feed, end to end',
  search: 'Search: /api/jobs over 200,000 listings against bare SQL',
  load: 'Load: /jobs and /api/jobs under 50 connections during an ingestion',
  hostile: 'Hostile descriptions: /api/jobs while they are ingested',
};

/** Each target checked against the figure it names in its benchmark's JSON line. */
const CHECKS: { bench: string; what: string; met: (r: Record<string, unknown>) => boolean; figure: (r: Record<string, unknown>) => string }[] = [
  { bench: 'ingest', what: `at least ${TARGETS.ingestItemsPerS.toLocaleString('en')} items/s on PostgreSQL`, met: (r) => Number(r.pg_items_per_s) >= TARGETS.ingestItemsPerS, figure: (r) => `${String(r.pg_items_per_s)} items/s` },
  { bench: 'ingest', what: `unchanged run under ${TARGETS.unchangedRatio} of the first`, met: (r) => Number(r.unchanged_ratio) < TARGETS.unchangedRatio, figure: (r) => `ratio ${String(r.unchanged_ratio)}` },
  { bench: 'search', what: `API p95 under ${TARGETS.searchP95Ms} ms`, met: (r) => Number(r.api_p95_ms) < TARGETS.searchP95Ms, figure: (r) => `${String(r.api_p95_ms)} ms` },
  { bench: 'search', what: `API within ${TARGETS.searchRatio}× its bare SQL`, met: (r) => Number(r.ratio) < TARGETS.searchRatio, figure: (r) => `${String(r.ratio)}×` },
  { bench: 'load', what: 'zero errors', met: (r) => Number(r.errors) === 0, figure: (r) => `${String(r.errors)} errors` },
  { bench: 'load', what: `page p95 under ${TARGETS.loadPageP95Ms} ms`, met: (r) => Number(r.page_p95_ms) < TARGETS.loadPageP95Ms, figure: (r) => `${String(r.page_p95_ms)} ms` },
  { bench: 'hostile', what: `API p99 during ingestion at most ${TARGETS.hostileP99Ratio}× idle`, met: (r) => Number(r.ratio) <= TARGETS.hostileP99Ratio, figure: (r) => `${String(r.ratio)}×` },
];

function targetsTable(results: Record<string, unknown>[]): string {
  const rows = CHECKS.flatMap((target) => {
    const result = results.find((r) => r.bench === target.bench);
    return result ? [[target.bench, target.what, target.figure(result), target.met(result) ? 'met' : '**missed**']] : [];
  });
  return markdownTable(['benchmark', 'target', 'measured', ''], rows);
}

export function writeSummary(results: Record<string, unknown>[]): string {
  const sections = results.flatMap((result) => {
    const name = String(result.bench);
    const detail = existsSync(join(process.cwd(), 'bench', 'reports', `${name}.md`)) ? ` ([full report](${name}.md))` : '';
    return [`## ${TITLES[name] ?? name}${detail}`, '', '```json', JSON.stringify(result, null, 2), '```', ''];
  });
  return writeReport('README', 'Benchmark figures (latest `npm run bench`)', [
    'Each benchmark prints its figures and ends with one JSON line; these are those lines from the latest full run.',
    '',
    '## Targets',
    '',
    targetsTable(results),
    '',
    'Why the missed ones are missed, with the measurements behind it: [ingest-notes.md](ingest-notes.md), the "What costs the time" section of [search.md](search.md), the floor measured in [load.md](load.md), and [hostile-notes.md](hostile-notes.md).',
    '',
    ...sections,
  ]);
}
