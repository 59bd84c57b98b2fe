import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/profile/profile';
import { loadUsdRates } from '@/lib/salary/rates';
import { Card } from '../components/ui';
import { SettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Settings' };
export const dynamic = 'force-dynamic';

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const user = await requirePageUser('/settings');
  const db = await getDb();
  const [profile, rates, { welcome }] = await Promise.all([getProfile(db, user.id), loadUsdRates(db), searchParams]);
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-slate-600">Your specialization and your time budget drive the job filters and the dashboard.</p>
      </div>
      {welcome ? (
        <p className="rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm text-brand-700">
          Welcome! Start by picking the one to three languages you specialise in: &ldquo;backend Go developer&rdquo; beats
          &ldquo;developer&rdquo;.
        </p>
      ) : null}
      <Card>
        <SettingsForm profile={profile} currencies={Object.keys(rates).sort()} />
      </Card>
    </div>
  );
}
