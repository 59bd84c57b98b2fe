// The targets the issues set for the benchmarks, in one place: each benchmark reports against
// them and the summary (bench/reports/README.md) lists them as met or missed.
export const TARGETS = {
  /** ingest: items per second on PostgreSQL, end to end. */
  ingestItemsPerS: 5000,
  /** ingest: the unchanged run's time over the first run's. */
  unchangedRatio: 0.1,
  /** search: API p95 per call. */
  searchP95Ms: 50,
  /** search: API p95 over its bare SQL's p95. */
  searchRatio: 3,
  /** load: page p95 under 50 connections. */
  loadPageP95Ms: 200,
  /** hostile: /api/jobs p99 while hostile descriptions are ingested, over its idle p99. */
  hostileP99Ratio: 2,
} as const;
