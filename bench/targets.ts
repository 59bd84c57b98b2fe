// The targets the issues set for the benchmarks, in one place: each benchmark reports against
// them and the summary (bench/reports/README.md) lists them as met or missed.
export const TARGETS = {
  /**
   * ingest: PostgreSQL items/s end to end over the floor's, the same prepared rows written by one
   * bare INSERT into the same table (issue 15; it retired the absolute 5,000 items/s).
   */
  ingestToFloor: 0.75,
  /** ingest: the unchanged run's time over the first run's. */
  unchangedRatio: 0.1,
  /** search: API p95 per call. */
  searchP95Ms: 50,
  /** search: API p95 over its bare SQL's p95. */
  searchRatio: 3,
  /** load: page p95 under 50 connections. */
  loadPageP95Ms: 200,
  /** load: the /jobs page one request at a time, warm (median of 30), at most. */
  warmPageMs: 15,
  /** load: /api/jobs one request at a time, warm (median of 30), at most. */
  warmApiMs: 6,
  /** load: /jobs req/s over the floor page's, each alone under the same 50 connections. */
  pageToFloor: 0.5,
  /** hostile: /api/jobs p99 while hostile descriptions are ingested, over its idle p99. */
  hostileP99Ratio: 2,
} as const;
