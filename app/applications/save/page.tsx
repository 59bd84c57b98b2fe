import type { Metadata } from 'next';
import Link from 'next/link';
import { readSharedJob, savePagePath } from '@/lib/applications/shared-link';
import { requirePageUser } from '@/lib/auth/session';
import { Card } from '../../components/ui';
import { AddApplicationForm } from '../add-form';

export const metadata: Metadata = { title: 'Save a job' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Where the bookmarklet and a phone's "Share → trackend" land: /applications/save?url=&title=&text=.
 * The page is read at once; the selected text becomes the note; one click saves.
 */
export default async function SaveJobPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  await requirePageUser(savePagePath(params));
  const shared = readSharedJob(params);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Save a job</h1>
        <p className="mt-1 text-slate-600">
          {shared.url ? 'trackend reads the page and fills in what it says. Check it, then save.' : 'No link came with this page: paste the job’s link below.'}
        </p>
      </div>
      <Card>
        <AddApplicationForm mode="save" autoRead={Boolean(shared.url)} initial={{ url: shared.url, title: shared.title, notes: shared.note }} />
      </Card>
      <p className="text-sm text-slate-600">
        <Link href="/applications" className="text-brand-700 underline">
          Back to your applications
        </Link>
      </p>
    </div>
  );
}
