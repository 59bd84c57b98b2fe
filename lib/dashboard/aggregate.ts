import type { LEARNING_AREAS, TIME_KINDS } from '../vocabulary';
import { addDays, daysBetween, startOfDay } from '../dates/zone';

// Pure aggregation of time entries into local days, in the user's time zone.
//
// Rules (tested in aggregate.test.ts):
// - An entry covers [startedAt, startedAt + minutes). Its minutes land on the local day they
//   were spent: a 22:00-02:00 session gives 120 minutes to each day.
// - Days are local days of the user's zone: 23 hours on the spring DST day, 25 in the autumn.
// - Overlapping entries of the SAME kind count once: the wall-clock time is what was spent
//   (a timer and a manual entry for one session must not double the day). Entries of
//   different kinds that overlap each count, since the user said they did both.
//   Areas follow the same rule per area, so two overlapping learning entries in different
//   areas can sum to more than the learning total.

export type TimeKind = (typeof TIME_KINDS)[number];
export type LearningArea = (typeof LEARNING_AREAS)[number];

export interface EntrySpan {
  kind: TimeKind;
  area: LearningArea | null;
  startedAt: Date;
  minutes: number;
}

export interface DayTotals {
  applyingMinutes: number;
  learningMinutes: number;
  buildingMinutes: number;
  byArea: Partial<Record<LearningArea, number>>;
}

const MINUTE = 60_000;

export function emptyDay(): DayTotals {
  return { applyingMinutes: 0, learningMinutes: 0, buildingMinutes: 0, byArea: {} };
}

/** Every local date from `from` to `to`, both included. */
export function dateRange(from: string, to: string): string[] {
  const days: string[] = [];
  for (let i = 0, n = daysBetween(from, to); i <= n; i++) days.push(addDays(from, i));
  return days;
}

/**
 * Minutes per kind and area for each local day from `from` to `to` (inclusive), in `timeZone`.
 * Time outside the range is ignored; days with nothing logged are present with zeros.
 */
export function dailyTotals(entries: readonly EntrySpan[], timeZone: string, from: string, to: string): Map<string, DayTotals> {
  const days = dateRange(from, to);
  const bounds = [...days, addDays(to, 1)].map((day) => startOfDay(day, timeZone).getTime());
  const rangeStart = bounds[0]!;
  const rangeEnd = bounds[bounds.length - 1]!;

  // Sweep line over entry edges and day boundaries; labels are kinds and "area:<area>".
  type Edge = { at: number; labels: string[]; delta: 1 | -1 };
  const edges: Edge[] = [];
  for (const entry of entries) {
    const start = Math.max(entry.startedAt.getTime(), rangeStart);
    const end = Math.min(entry.startedAt.getTime() + entry.minutes * MINUTE, rangeEnd);
    if (end <= start) continue;
    const labels: string[] = [entry.kind];
    if (entry.kind === 'learning' && entry.area) labels.push(`area:${entry.area}`);
    edges.push({ at: start, labels, delta: 1 }, { at: end, labels, delta: -1 });
  }
  edges.sort((a, b) => a.at - b.at);

  const ms = days.map(() => new Map<string, number>());
  const active = new Map<string, number>();
  let dayIndex = 0;
  let cursor = rangeStart;
  const advance = (to: number) => {
    // Credit [cursor, to) to the active labels, cutting at day boundaries.
    while (cursor < to) {
      while (dayIndex < days.length - 1 && cursor >= bounds[dayIndex + 1]!) dayIndex++;
      const stop = Math.min(to, bounds[dayIndex + 1]!);
      for (const [label, count] of active) {
        if (count > 0) ms[dayIndex]!.set(label, (ms[dayIndex]!.get(label) ?? 0) + (stop - cursor));
      }
      cursor = stop;
    }
  };
  for (const edge of edges) {
    advance(edge.at);
    for (const label of edge.labels) active.set(label, (active.get(label) ?? 0) + edge.delta);
  }

  const result = new Map<string, DayTotals>();
  days.forEach((day, i) => {
    const totals = emptyDay();
    for (const [label, value] of ms[i]!) {
      const minutes = Math.round(value / MINUTE);
      if (minutes === 0) continue;
      if (label.startsWith('area:')) totals.byArea[label.slice(5) as LearningArea] = minutes;
      else totals[`${label as TimeKind}Minutes`] = minutes;
    }
    result.set(day, totals);
  });
  return result;
}

/** The sum of several days' totals. */
export function sumDays(days: Iterable<DayTotals>): DayTotals {
  const total = emptyDay();
  for (const day of days) {
    total.applyingMinutes += day.applyingMinutes;
    total.learningMinutes += day.learningMinutes;
    total.buildingMinutes += day.buildingMinutes;
    for (const [area, minutes] of Object.entries(day.byArea) as [LearningArea, number][]) {
      total.byArea[area] = (total.byArea[area] ?? 0) + minutes;
    }
  }
  return total;
}

/**
 * Consecutive days with building ending at `date`. Today not built on yet does not break the
 * streak (the day is not over): it then counts up to yesterday.
 */
export function buildingStreak(totals: Map<string, DayTotals>, date: string): number {
  let day = (totals.get(date)?.buildingMinutes ?? 0) > 0 ? date : addDays(date, -1);
  let streak = 0;
  while ((totals.get(day)?.buildingMinutes ?? 0) > 0) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}

/**
 * Whole days since the last day with building, as of `date` (0 when built on `date`, 1 when
 * last built yesterday), or null when no building is in `totals` at all.
 */
export function daysWithoutBuilding(totals: Map<string, DayTotals>, date: string): number | null {
  let last: string | null = null;
  for (const [day, t] of totals) {
    if (day <= date && t.buildingMinutes > 0 && (last === null || day > last)) last = day;
  }
  return last === null ? null : daysBetween(last, date);
}
