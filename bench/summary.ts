import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeReport } from './support';

// After `npm run bench` (every benchmark), one page that links each benchmark's own report and
// lists the headline figures it printed as its last JSON line. README.md links this page.

const TITLES: Record<string, string> = {
  ingest: 'Ingestion: 10,000-item feed, end to end',
  search: 'Search: /api/jobs over 200,000 listings against bare SQL',
  load: 'Load: /jobs and /api/jobs under 50 connections during an ingestion',
};

export function writeSummary(results: Record<string, unknown>[]): string {
  const sections = results.flatMap((result) => {
    const name = String(result.bench);
    const detail = existsSync(join(process.cwd(), 'bench', 'reports', `${name}.md`)) ? ` ([full report](${name}.md))` : '';
    return [`## ${TITLES[name] ?? name}${detail}`, '', '```json', JSON.stringify(result, null, 2), '```', ''];
  });
  return writeReport('README', 'Benchmark figures (latest `npm run bench`)', [
    'Each benchmark prints its figures and ends with one JSON line; these are those lines from the latest full run.',
    '',
    ...sections,
  ]);
}
