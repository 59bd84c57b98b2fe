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
        <h1 className="text-2xl font-semibold tracking-tight">Move in from your spreadsheet</h1>
        <p className="mt-1 text-slate-600">
          Upload the sheet you kept (a .csv, or an .xlsx workbook from Excel or Google Sheets) or another tracker&apos;s export. trackend matches the
          columns by their names and by what they hold, shows the status it guessed for each word of your Status column, and keeps every other
          column in the notes. Nothing is saved until you confirm, rows with problems can be skipped and downloaded, and importing the same file
          again adds no duplicates. Up to 2 MB.
        </p>
      </div>
      <Card>
        <ImportForm />
      </Card>
    </div>
  );
}
