import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { DELETE_CONFIRMATION } from '@/lib/account/data';
import { accountHasPassword } from '@/lib/auth/accounts';
import { requirePageUser } from '@/lib/auth/session';
import { listHiddenCompanies } from '@/lib/companies/hide';
import { calendarTokenCreatedAt } from '@/lib/calendar/token';
import { getProfile } from '@/lib/profile/profile';
import { loadUsdRates } from '@/lib/salary/rates';
import { Card } from '../components/ui';
import { ChangePasswordForm, DeleteAccountForm } from './account-forms';
import { showCompanyAgainAction, signOutEverywhereAction } from './actions';
import { BrowserZoneOffer } from './browser-zone-offer';
import { CalendarLink } from './calendar-link';
import { DigestsSection } from './digests-section';
import { SettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Settings' };
export const dynamic = 'force-dynamic';

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ welcome?: string; password?: string }> }) {
  const user = await requirePageUser('/settings');
  const db = await getDb();
  const [profile, rates, { welcome, password }, hasPassword, hidden, calendarSince] = await Promise.all([
    getProfile(db, user.id),
    loadUsdRates(db),
    searchParams,
    accountHasPassword(db, user.id),
    listHiddenCompanies(db, user.id),
    calendarTokenCreatedAt(db, user.id),
  ]);
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
      {password === 'changed' ? (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-800">
          Password changed. Every other browser signed in to this account has been signed out.
        </p>
      ) : null}
      <BrowserZoneOffer savedZone={profile.timeZone} />
      <Card>
        {/* Keyed by the zone: taking the browser's zone above shows it in the form at once. */}
        <SettingsForm key={profile.timeZone} profile={profile} currencies={Object.keys(rates).sort()} />
      </Card>
      <Card>
        <CalendarLink createdAt={calendarSince?.toISOString() ?? null} />
      </Card>
      <Card>
        <DigestsSection db={db} userId={user.id} timeZone={profile.timeZone} />
      </Card>
      {hasPassword ? (
        <Card>
          <ChangePasswordForm />
        </Card>
      ) : null}
      <Card>
        <section aria-labelledby="hidden-companies-heading" className="grid gap-3">
          <h2 id="hidden-companies-heading" className="text-lg font-semibold">
            Hidden companies
          </h2>
          {hidden.length ? (
            <>
              <p className="text-sm text-slate-600">Their listings are left out of your job results, the API and your digests.</p>
              <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Hidden companies">
                {hidden.map((company) => (
                  <li key={company.key} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                    <span className="min-w-0 break-words">{company.name}</span>
                    <form action={showCompanyAgainAction}>
                      <input type="hidden" name="companyKey" value={company.key} />
                      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-50">
                        Show again<span className="sr-only"> {company.name}</span>
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="text-sm text-slate-600">
              None. A recruitment agency flooding your results? Open one of its listings and choose &ldquo;Hide every … job&rdquo;.
            </p>
          )}
        </section>
      </Card>
      <Card>
        <section aria-labelledby="sessions-heading" className="grid gap-3">
          <h2 id="sessions-heading" className="text-lg font-semibold">
            Sessions
          </h2>
          <p className="text-sm text-slate-600">Signed in on a shared or lost device? End every session of this account, this one included.</p>
          <form action={signOutEverywhereAction}>
            <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50">
              Sign out everywhere
            </button>
          </form>
        </section>
      </Card>
      <Card>
        <section aria-labelledby="data-heading" className="grid gap-3">
          <h2 id="data-heading" className="text-lg font-semibold">
            Your data
          </h2>
          <p className="text-sm text-slate-600">
            One JSON file of everything private in your account: profile, applications with their timelines, interviews, time log, projects, timer and
            hidden listings.
          </p>
          <p>
            <a href="/api/account/export" download className="inline-block rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50">
              Download my data
            </a>
          </p>
        </section>
      </Card>
      <Card>
        <DeleteAccountForm hasPassword={hasPassword} confirmation={DELETE_CONFIRMATION} />
      </Card>
    </div>
  );
}
