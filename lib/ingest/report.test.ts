import { describe, expect, it } from 'vitest';
import type { BoardIngestResult } from './run-board';
import { progressLine, summaryTable } from './report';

const result = (overrides: Partial<BoardIngestResult>): BoardIngestResult => ({
  boardId: 'golang-cafe',
  boardName: 'Golang Cafe',
  status: 'succeeded',
  counts: { fetched: 20, new: 3, updated: 1, unchanged: 16, removed: 0, skipped: 0, failed: 0 },
  httpStatus: 200,
  error: null,
  problems: [],
  durationMs: 1234,
  retryAt: null,
  ...overrides,
});

describe('ingest report', () => {
  it('prints one progress line per outcome', () => {
    expect(progressLine(result({}))).toBe('✓ golang-cafe: 20 fetched, 3 new, 1 updated, 16 unchanged, 0 removed (1.2s)');
    expect(progressLine(result({ status: 'not_modified' }))).toBe('= golang-cafe: not modified since the last run (HTTP 304)');
    expect(progressLine(result({ status: 'failed', error: 'timed out after 30s', retryAt: new Date('2026-11-25T10:00:00Z') }))).toBe(
      '✗ golang-cafe: FAILED: timed out after 30s (next try after 2026-11-25T10:00:00.000Z)',
    );
  });

  it('sums the boards in a table', () => {
    const table = summaryTable([
      result({}),
      result({ boardId: 'remotive', status: 'failed', counts: { fetched: 0, new: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0, failed: 0 } }),
    ]);
    expect(table.split('\n')).toEqual([
      'board        status     new  updated  unchanged  removed  skipped  failed',
      '-----------  ---------  ---  -------  ---------  -------  -------  ------',
      'golang-cafe  succeeded    3        1         16        0        0       0',
      'remotive     failed       0        0          0        0        0       0',
      '-----------  ---------  ---  -------  ---------  -------  -------  ------',
      'total        1 failed     3        1         16        0        0       0',
    ]);
  });
});
