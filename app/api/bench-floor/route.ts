import { env } from '@/lib/env';
import { NotFoundError } from '@/lib/errors';
import { FLOOR_ROWS } from '../../bench-floor/rows';
import { handle, json } from '../http';

// The load benchmark's API floor (bench/load.ts), beside the floor page: the cheapest answer an
// /api route of this server can give, through the same proxy, handle() and json() as /api/jobs,
// with the floor page's 20 rows from memory and no database. Not part of the API: a 404 unless
// the benchmark's server sets TRACKEND_BENCH_FLOOR=1.

export const dynamic = 'force-dynamic';

export const GET = handle(() => {
  if (env().TRACKEND_BENCH_FLOOR !== '1') throw new NotFoundError();
  return Promise.resolve(json({ items: FLOOR_ROWS, nextCursor: null, facets: {} }));
});
