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

type Result = Record<string, unknown>;

/** A figure of a JSON line as a number; null when the line does not have it (an older run, or a benchmark that could not measure it). */
const figureOf = (result: Result, field: string): number | null => {
  const value = result[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

interface Target {
  bench: string;
  what: string;
  field: string;
  met: (value: number) => boolean;
  shown: (value: number) => string;
}

/** Each target checked against the figure it names in its benchmark's JSON line. */
const TARGET_CHECKS: Target[] = [
  { bench: 'ingest', what: `PostgreSQL end to end at least ${TARGETS.ingestToFloor} of the floor's items/s`, field: 'pg_to_floor', met: (v) => v >= TARGETS.ingestToFloor, shown: (v) => `${v} of the floor` },
  { bench: 'ingest', what: `unchanged run under ${TARGETS.unchangedRatio} of the first`, field: 'unchanged_ratio', met: (v) => v < TARGETS.unchangedRatio, shown: (v) => `ratio ${v}` },
  { bench: 'search', what: `API p95 under ${TARGETS.searchP95Ms} ms`, field: 'api_p95_ms', met: (v) => v < TARGETS.searchP95Ms, shown: (v) => `${v} ms` },
  { bench: 'search', what: `API within ${TARGETS.searchRatio}× its bare SQL`, field: 'ratio', met: (v) => v < TARGETS.searchRatio, shown: (v) => `${v}×` },
  { bench: 'load', what: 'zero errors', field: 'errors', met: (v) => v === 0, shown: (v) => `${v} errors` },
  { bench: 'load', what: `page p95 under ${TARGETS.loadPageP95Ms} ms`, field: 'page_p95_ms', met: (v) => v < TARGETS.loadPageP95Ms, shown: (v) => `${v} ms` },
  { bench: 'load', what: `page one at a time at most ${TARGETS.warmPageMs} ms (median of 30)`, field: 'warm_page_ms', met: (v) => v <= TARGETS.warmPageMs, shown: (v) => `${v} ms` },
  { bench: 'load', what: `/api/jobs one at a time at most ${TARGETS.warmApiMs} ms (median of 30)`, field: 'warm_api_ms', met: (v) => v <= TARGETS.warmApiMs, shown: (v) => `${v} ms` },
  { bench: 'load', what: `page at least ${TARGETS.pageToFloor} of the floor page's req/s`, field: 'page_to_floor', met: (v) => v >= TARGETS.pageToFloor, shown: (v) => `${v} of the floor` },
  { bench: 'hostile', what: `API p99 during ingestion at most ${TARGETS.hostileP99Ratio}× idle`, field: 'ratio', met: (v) => v <= TARGETS.hostileP99Ratio, shown: (v) => `${v}×` },
];

/** One row per target whose benchmark ran: what it asks, the figure, and met, missed or not measured. */
export function checkTargets(results: Result[]): [string, string, string, string][] {
  return TARGET_CHECKS.flatMap((target): [string, string, string, string][] => {
    const result = results.find((r) => r.bench === target.bench);
    if (!result) return [];
    const value = figureOf(result, target.field);
    if (value === null) return [[target.bench, target.what, 'not measured', '']];
    return [[target.bench, target.what, target.shown(value), target.met(value) ? 'met' : '**missed**']];
  });
}

// What the figures measured against a floor mean; the rest are named in each benchmark's report.
const FIELDS = [
  '## Figures against a floor',
  '',
  'Two targets are ratios to a floor measured in the same run on the same machine: the cost above the cheapest form of the same work, which moves much less with the machine and its load than an absolute figure does.',
  '',
  `- ingest \`floor_items_per_s\`: the rows the PostgreSQL run stored, read back, the table truncated, then written by one bare INSERT (the same JSON rows, indexes and generated search column; nothing of the pipeline around it). \`pg_to_floor\`: \`pg_items_per_s\` over it; target at least ${TARGETS.ingestToFloor}. It replaces the absolute 5,000 items/s target. Both are null when PostgreSQL was not measured.`,
  `- load \`floor_rps\`: req/s of the floor page \`/bench-floor\` (20 rows from memory, /jobs's row component, the root layout, no database; a 404 unless the server runs with TRACKEND_BENCH_FLOOR=1), alone under the same 50 connections, after the mixed run. \`page_to_floor\`: the /jobs page's req/s, alone under those 50 connections just before, over \`floor_rps\`; target at least ${TARGETS.pageToFloor}.`,
  `- load \`warm_page_ms\` and \`warm_api_ms\`: /jobs and /api/jobs one request at a time with the server warm, the median of 30 after 5 unmeasured; budgets ${TARGETS.warmPageMs} ms and ${TARGETS.warmApiMs} ms. \`warm_floor_ms\` and \`warm_api_floor_ms\`: the same for the floor page and the API floor \`/api/bench-floor\` (the floor's rows as JSON through the same proxy and handler as /api/jobs, no database): what this server and machine take for any page of rows and any /api answer, beside which the budgets are read.`,
  '- load `errors` counts every run of the benchmark: the mixed run and the page and floor runs.',
  '',
];

export function writeSummary(results: Result[]): string {
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
    markdownTable(['benchmark', 'target', 'measured', ''], checkTargets(results)),
    '',
    'Why the missed ones are missed, with the measurements behind it: [ingest-notes.md](ingest-notes.md), the "What costs the time" section of [search.md](search.md), the floor measured in [load.md](load.md), and [hostile-notes.md](hostile-notes.md).',
    '',
    ...FIELDS,
    ...sections,
  ]);
}
