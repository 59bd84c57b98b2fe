import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

// Shared pieces of the benchmarks: timing, memory peaks, machine description, reports.

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** Samples this process's resident memory while `work` runs; returns the peak in MiB. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakRssMb: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/**
 * A throughput over its floor's (the same work's cheapest form, measured in the same run), to
 * two decimals: 1 means no cost above the floor. Null when either was not measured or the floor
 * did no work, so a missing figure never reads as a met or missed target.
 */
export function throughputRatio(measured: number | null | undefined, floor: number | null | undefined): number | null {
  if (measured == null || floor == null || !Number.isFinite(measured) || !Number.isFinite(floor) || floor <= 0) return null;
  return round(measured / floor, 2);
}

/** Write a Markdown report under bench/reports/ and return its path. */
export function writeReport(name: string, title: string, sections: string[]): string {
  const dir = join(process.cwd(), 'bench', 'reports');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.md`);
  const body = [`# ${title}`, '', `Measured ${new Date().toISOString()} on ${machine()}.`, '', ...sections, ''].join('\n');
  writeFileSync(path, body);
  return path;
}

export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
