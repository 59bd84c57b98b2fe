import type { BoardIngestResult } from './run-board';

// Text shown by `npm run ingest`: one progress line per board as it finishes, then a table.

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const SYMBOL = { succeeded: '✓', not_modified: '=', failed: '✗', busy: '…', backing_off: '⏸' } as const;

export function progressLine(result: BoardIngestResult): string {
  const head = `${SYMBOL[result.status]} ${result.boardId}`;
  switch (result.status) {
    case 'succeeded': {
      const c = result.counts;
      const extra = c.skipped || c.failed ? `, ${c.skipped} skipped, ${c.failed} failed` : '';
      return `${head}: ${c.fetched} fetched, ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.removed} removed${extra} (${seconds(result.durationMs)})`;
    }
    case 'not_modified':
      return `${head}: not modified since the last run (HTTP 304)`;
    case 'failed':
      return `${head}: FAILED: ${result.error}${result.retryAt ? ` (next try after ${result.retryAt.toISOString()})` : ''}`;
    case 'busy':
      return `${head}: skipped, another process is ingesting it right now`;
    case 'backing_off':
      return `${head}: skipped, backing off after failures until ${result.retryAt?.toISOString()} (use --force to try now)`;
  }
}

export function summaryTable(results: BoardIngestResult[]): string {
  const header = ['board', 'status', 'new', 'updated', 'unchanged', 'removed', 'skipped', 'failed'];
  const rows = results.map((r) => [
    r.boardId,
    r.status,
    ...[r.counts.new, r.counts.updated, r.counts.unchanged, r.counts.removed, r.counts.skipped, r.counts.failed].map(String),
  ]);
  const sum = (key: keyof BoardIngestResult['counts']) => String(results.reduce((total, r) => total + r.counts[key], 0));
  rows.push(['total', `${results.filter((r) => r.status === 'failed').length} failed`, sum('new'), sum('updated'), sum('unchanged'), sum('removed'), sum('skipped'), sum('failed')]);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(0, -1).map(line), widths.map((w) => '-'.repeat(w)).join('  '), line(rows.at(-1)!)].join('\n');
}
