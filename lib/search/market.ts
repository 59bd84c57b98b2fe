import { LANGUAGE_SLUGS } from '../vocabulary';
import { hasBit, nextBit } from './bitset';
import { tallyLanguages } from './snapshot';
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

/** Where PostgreSQL's percentile_disc picks fraction p of n sorted values. */
const percentileIndex = (n: number, p: number) => Math.max(0, Math.ceil(p * n) - 1);

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
export function countMarket({ snapshot, matches, count }: SnapshotView, top = 12): MarketView {
  if (count === 0) return { listings: 0, skills: [], languages: [], salary: null };
  const skills = new Float64Array(snapshot.skills.length);
  const languages = new Float64Array(LANGUAGE_SLUGS.length);
  let withSalary = 0;
  for (let row = nextBit(matches, 0); row >= 0; row = nextBit(matches, row + 1)) {
    for (let k = snapshot.skillStart[row]!; k < snapshot.skillStart[row + 1]!; k++) skills[snapshot.skillIds[k]!]!++;
    tallyLanguages(snapshot, row, languages);
    if (!Number.isNaN(snapshot.salaryUsd[row]!)) withSalary++;
  }
  return {
    listings: count,
    skills: ranked(snapshot.skills, skills, top, count).map(({ name, ...counts }) => ({ skill: name, ...counts })),
    languages: ranked(LANGUAGE_SLUGS, languages, top, count).map(({ name, ...counts }) => ({ language: name, ...counts })),
    salary: withSalary ? { withSalary, ...quartiles(snapshot, matches, withSalary) } : null,
  };
}

/**
 * The salary quartiles of the matches, read off the snapshot's salary order (lowest first from
 * the end of its salaried rows) rather than sorting the matches' salaries per request.
 */
function quartiles({ bySalary, salaried, salaryUsd }: SnapshotView['snapshot'], matches: SnapshotView['matches'], n: number) {
  const wanted = [percentileIndex(n, 0.25), percentileIndex(n, 0.5), percentileIndex(n, 0.75)];
  const found: number[] = [];
  let seen = 0;
  for (let at = salaried - 1; at >= 0 && found.length < wanted.length; at--) {
    const row = bySalary[at]!;
    if (!hasBit(matches, row)) continue;
    while (found.length < wanted.length && wanted[found.length] === seen) found.push(salaryUsd[row]!);
    seen++;
  }
  return { p25: found[0]!, median: found[1]!, p75: found[2]! };
}
