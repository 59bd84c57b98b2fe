import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { Card } from '../../components/ui';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Import applications' };
export const dynamic = 'force-dynamic';

export default async function ImportPage() {
  await requirePageUser('/applications/import');
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <Link href="/applications" className="text-sm text-brand-700 hover:underline">
        ← All applications
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import applications from a spreadsheet</h1>
        <p className="mt-1 text-slate-600">
          Export your sheet as CSV (File → Download → CSV in Google Sheets; Save As → CSV in Excel or Numbers) and upload it here. We recognise
          columns such as Company, Position/Title/Role, Link/URL, Status, Date Applied, Notes and Follow up. Nothing is saved until you confirm,
          and importing the same file again adds no duplicates. Up to 2 MB.
        </p>
      </div>
      <Card>
        <ImportForm />
      </Card>
    </div>
  );
}
