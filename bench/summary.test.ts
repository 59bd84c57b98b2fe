import { describe, expect, it } from 'vitest';
import { checkTargets } from './summary';

const row = (rows: string[][], what: RegExp) => rows.find((r) => what.test(r[1]!));

describe('checkTargets', () => {
  it('holds the ingest ratio to at least 0.75 of the floor, and no longer an absolute items/s', () => {
    const met = checkTargets([{ bench: 'ingest', pg_items_per_s: 1160, floor_items_per_s: 1500, pg_to_floor: 0.77, unchanged_ratio: 0.05 }]);
    expect(row(met, /floor/)).toEqual(['ingest', "PostgreSQL end to end at least 0.75 of the floor's items/s", '0.77 of the floor', 'met']);
    expect(met.map((r) => r[1]).join(' ')).not.toMatch(/5,000/);
    expect(row(checkTargets([{ bench: 'ingest', pg_to_floor: 0.74 }]), /floor/)?.[3]).toBe('**missed**');
  });

  it('checks the load page against the floor page and the warm budgets', () => {
    const rows = checkTargets([{ bench: 'load', errors: 0, page_p95_ms: 150, warm_page_ms: 15, warm_api_ms: 6.4, floor_rps: 400, page_to_floor: 0.5 }]);
    expect(row(rows, /of the floor page/)?.slice(2)).toEqual(['0.5 of the floor', 'met']);
    expect(row(rows, /page one at a time at most 15 ms/)?.slice(2)).toEqual(['15 ms', 'met']);
    expect(row(rows, /api\/jobs one at a time at most 6 ms/)?.slice(2)).toEqual(['6.4 ms', '**missed**']);
    expect(row(checkTargets([{ bench: 'load', page_to_floor: 0.49 }]), /of the floor page/)?.[3]).toBe('**missed**');
  });

  it('says "not measured" for a figure the line lacks or left null, instead of met or missed', () => {
    const rows = checkTargets([
      { bench: 'ingest', pg_items_per_s: null, pg_to_floor: null, unchanged_ratio: 0.05 },
      { bench: 'load', errors: 0, page_p95_ms: 1244.2, warm_page_ms: 46.1, warm_api_ms: 21.8 },
    ]);
    expect(row(rows, /of the floor's items/)?.slice(2)).toEqual(['not measured', '']);
    expect(row(rows, /of the floor page/)?.slice(2)).toEqual(['not measured', '']);
    expect(row(rows, /zero errors/)?.slice(2)).toEqual(['0 errors', 'met']);
  });

  it('lists only the benchmarks that ran', () => {
    expect(checkTargets([{ bench: 'search', api_p95_ms: 27.9, ratio: 0.36 }]).map((r) => r[0])).toEqual(['search', 'search']);
  });
});
