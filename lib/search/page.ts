import { LANGUAGE_SLUGS, REMOTE_KINDS, SENIORITIES, type RemoteKind, type Seniority } from '../vocabulary';
import { hasBit, nextBit } from './bitset';
import type { CursorPosition } from './cursor';
import type { JobFilters } from './filters';
import type { SnapshotView } from './snapshot-store';

// One page of a request's matches in each sort's order, read from its snapshot view: the rows
// are kept newest first (posted_at desc, id desc) and by salary (bySalary), so a page is a walk
// from the cursor's position that stops once it has enough. Relevance is ranked in SQL, over
// the window of ids picked here (lib/search/search.ts).

/** A row of a page: its listing id and the sort keys its cursor carries. */
export interface PageRow {
  id: number;
  key: number | null;
  key2: number | null;
}

/** What "best match" scores against: the signed-in user's profile, or the request's own filters. */
export interface MatchPreferences {
  languages: string[];
  seniority: Seniority | null;
  remote: RemoteKind | null;
}

/** The preferences a match sort scores against: the given ones, or those the filters name once. */
export function preferencesFor(filters: JobFilters, preferences: MatchPreferences | undefined): MatchPreferences {
  return (
    preferences ?? {
      languages: filters.language,
      seniority: filters.seniority.length === 1 ? filters.seniority[0]! : null,
      remote: filters.remote.length === 1 ? filters.remote[0]! : null,
    }
  );
}

/** The first index in [0, n) where `after` holds (it holds from some index on), or n. */
function firstAfter(n: number, after: (index: number) => boolean): number {
  let low = 0;
  let high = n;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (after(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Newest first: posted time, then id, both descending. */
export function newestPage({ snapshot, matches }: SnapshotView, position: CursorPosition | null, take: number): PageRow[] {
  const { postedUs, ids } = snapshot;
  const start = position
    ? firstAfter(snapshot.size, (row) => {
        const key = position.key ?? 0;
        return postedUs[row]! < key || (postedUs[row] === key && ids[row]! < position.id);
      })
    : 0;
  const page: PageRow[] = [];
  for (let row = nextBit(matches, start); row >= 0 && page.length < take; row = nextBit(matches, row + 1)) {
    page.push({ id: ids[row]!, key: postedUs[row]!, key2: null });
  }
  return page;
}

/** Highest yearly USD salary first, those without one last; ties by id, descending. */
export function salaryPage({ snapshot, matches }: SnapshotView, position: CursorPosition | null, take: number): PageRow[] {
  const { bySalary, salaryUsd, ids } = snapshot;
  const after = (at: number) => {
    const row = bySalary[at]!;
    const salary = salaryUsd[row]!;
    if (position!.key === null) return Number.isNaN(salary) && ids[row]! < position!.id;
    return Number.isNaN(salary) || salary < position!.key || (salary === position!.key && ids[row]! < position!.id);
  };
  const page: PageRow[] = [];
  for (let at = position ? firstAfter(snapshot.size, after) : 0; at < snapshot.size && page.length < take; at++) {
    const row = bySalary[at]!;
    if (!hasBit(matches, row)) continue;
    const salary = salaryUsd[row]!;
    page.push({ id: ids[row]!, key: Number.isNaN(salary) ? null : salary, key2: null });
  }
  return page;
}

/**
 * Best match: 4 for a shared language, 2 for the seniority, 1 for the remote kind, then newest.
 * One walk newest first keeps the first `take` rows of each score after the cursor.
 */
export function matchPage({ snapshot, matches }: SnapshotView, preferences: MatchPreferences, position: CursorPosition | null, take: number): PageRow[] {
  const { languages, seniority, remote, postedUs, ids } = snapshot;
  const mask = preferences.languages.reduce((bits, slug) => {
    const bit = LANGUAGE_SLUGS.indexOf(slug as never);
    return bit < 0 ? bits : bits | (1 << bit);
  }, 0);
  const wantSeniority = preferences.seniority ? SENIORITIES.indexOf(preferences.seniority) : -1;
  const wantRemote = preferences.remote ? REMOTE_KINDS.indexOf(preferences.remote) : -1;
  const best = (mask ? 4 : 0) + (wantSeniority >= 0 ? 2 : 0) + (wantRemote >= 0 ? 1 : 0);
  const byScore: PageRow[][] = Array.from({ length: best + 1 }, () => []);
  for (let row = nextBit(matches, 0); row >= 0; row = nextBit(matches, row + 1)) {
    const score = (languages[row]! & mask ? 4 : 0) + (seniority[row] === wantSeniority ? 2 : 0) + (remote[row] === wantRemote ? 1 : 0);
    const posted = postedUs[row]!;
    if (position) {
      const key = position.key ?? 0;
      const key2 = position.key2 ?? 0;
      if (!(score < key || (score === key && (posted < key2 || (posted === key2 && ids[row]! < position.id))))) continue;
    }
    const bucket = byScore[score]!;
    if (bucket.length < take) bucket.push({ id: ids[row]!, key: score, key2: posted });
    // Rows come newest first: once the best score has a full page, nothing later can enter it.
    if (score === best && bucket.length === take) break;
  }
  return byScore.reverse().flat().slice(0, take);
}

/** The listings relevance ranks (see RELEVANCE_WINDOW), and the window's oldest posting time when it leaves matches out. */
export interface RelevanceWindow {
  ids: number[];
  cutoffUs: number | null;
  /** Every listing the search matches. */
  matches: number;
}

/**
 * The ids of the newest matches, newest first: those posted at or after `sinceUs`, or without
 * it the first `limit` and any posted at the same time as the last of them (so the window is the
 * same when a cursor later asks for it by time). `cutoffUs` is the window's oldest posting time
 * when the window leaves matches out (null when it holds them all).
 */
export function relevanceWindow({ snapshot, matches, count }: SnapshotView, bound: { limit: number; sinceUs: number | null }): RelevanceWindow {
  const ids: number[] = [];
  let cutoff = bound.sinceUs;
  for (let row = nextBit(matches, 0); row >= 0; row = nextBit(matches, row + 1)) {
    const posted = snapshot.postedUs[row]!;
    if (cutoff !== null && posted < cutoff) break; // newest first: the rest are older still
    ids.push(snapshot.ids[row]!);
    if (cutoff === null && ids.length === bound.limit) cutoff = posted;
  }
  return { ids, cutoffUs: ids.length < count ? cutoff : null, matches: count };
}
