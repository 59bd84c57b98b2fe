import { LANGUAGE_SLUGS } from '../vocabulary';
import type { JobFilters } from './filters';
import { tallyLanguages } from './snapshot';
import { rowTester } from './snapshot-filter';
import type { SnapshotView } from './snapshot-store';

export interface MarketView {
  /** Matching listings the figures are over. */
  listings: number;
  /** Most asked-for technologies and skills, with their share of matching listings (0..1). */
  skills: { skill: string; listings: number; share: number }[];
  languages: { language: string; listings: number; share: number }[];
  /** Yearly USD salary spread over the matching listings that state one. */
  salary: { withSalary: number; p25: number | null; median: number | null; p75: number | null } | null;
}

/** The value at fraction p of sorted values, as PostgreSQL's percentile_disc picks it. */
const percentileDisc = (sorted: Float64Array, p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;

/** The `top` most counted names, most first, ties by name. */
function ranked(names: readonly string[], tally: Float64Array, top: number, n: number) {
  const share = (count: number) => Math.round((count / n) * 1000) / 1000;
  return names
    .map((name, index) => ({ name, count: tally[index]! }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, top)
    .map((entry) => ({ name: entry.name, listings: entry.count, share: share(entry.count) }));
}

/** What the jobs matching a filter ask for, from the snapshot: tells a learner what to build next. */
export function countMarket({ snapshot, inputs }: SnapshotView, filters: JobFilters, top = 12): MarketView {
  const test = rowTester(snapshot, filters, inputs);
  const skills = new Float64Array(snapshot.skills.length);
  const languages = new Float64Array(LANGUAGE_SLUGS.length);
  const salaries: number[] = [];
  let n = 0;
  for (let row = 0; row < snapshot.size; row++) {
    if (test(row) !== 0) continue;
    n++;
    for (let k = snapshot.skillStart[row]!; k < snapshot.skillStart[row + 1]!; k++) skills[snapshot.skillIds[k]!]!++;
    tallyLanguages(snapshot, row, languages);
    const salary = snapshot.salaryUsd[row]!;
    if (!Number.isNaN(salary)) salaries.push(salary);
  }
  if (n === 0) return { listings: 0, skills: [], languages: [], salary: null };
  const sorted = Float64Array.from(salaries).sort();
  return {
    listings: n,
    skills: ranked(snapshot.skills, skills, top, n).map(({ name, ...counts }) => ({ skill: name, ...counts })),
    languages: ranked(LANGUAGE_SLUGS, languages, top, n).map(({ name, ...counts }) => ({ language: name, ...counts })),
    salary: sorted.length
      ? { withSalary: sorted.length, p25: percentileDisc(sorted, 0.25), median: percentileDisc(sorted, 0.5), p75: percentileDisc(sorted, 0.75) }
      : null,
  };
}
