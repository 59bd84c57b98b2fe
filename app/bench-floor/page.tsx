import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { JobRow } from '../jobs/job-row';
import { FLOOR_ROWS } from './rows';

// The load benchmark's floor (bench/load.ts): the cheapest page this server can serve that is
// still a page of the site. 20 rows from memory, drawn by /jobs's own JobRow, inside the root
// layout, with no database; /jobs's throughput is reported over this one's. Not part of the
// site: a 404 unless the benchmark's server sets TRACKEND_BENCH_FLOOR=1.

export const metadata: Metadata = { title: 'Floor', robots: { index: false, follow: false } };
// Rendered per request, as /jobs is (a prerendered copy would measure a file read instead).
export const dynamic = 'force-dynamic';

export default function BenchFloorPage() {
  if (env().TRACKEND_BENCH_FLOOR !== '1') notFound();
  return (
    <section className="flex min-w-0 flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">Floor</h1>
      <ol className="space-y-3" aria-label="Listings">
        {FLOOR_ROWS.map((job) => (
          <JobRow key={job.id} job={job} backQuery="" />
        ))}
      </ol>
    </section>
  );
}
