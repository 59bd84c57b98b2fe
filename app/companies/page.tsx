import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/session';
import { listFollowedCompanies, MAX_FOLLOWS_PER_USER } from '@/lib/companies/follow';
import { SYSTEM_LABELS } from '@/lib/companies/labels';
import { env } from '@/lib/env';
import { Badge, Card, relativeTime } from '../components/ui';
import { FollowForm } from './follow-form';
import { UnfollowButton } from './unfollow-button';

export const metadata: Metadata = { title: 'Companies' };
export const dynamic = 'force-dynamic';

const HEALTH = {
  ok: { label: 'OK', tone: 'green' },
  failing: { label: 'Failing', tone: 'red' },
  'backing-off': { label: 'Backing off', tone: 'amber' },
  pending: { label: 'Pending', tone: 'slate' },
} as const;

export default async function CompaniesPage() {
  const user = await requirePageUser('/companies');
  const db = await getDb();
  const companies = await listFollowedCompanies(db, user.id);
  const now = new Date();
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Companies</h1>
        <p className="mt-1 text-slate-600">
          Most backend jobs are on companies&rsquo; own hiring systems. Follow the companies of your niche: trackend reads their Greenhouse, Lever,
          Ashby or Workable board every {env().INGEST_INTERVAL_MINUTES} minutes, and their jobs join <Link className="text-brand-700 underline" href="/jobs?f=1&followed=1&role=backend">your job results</Link>.
        </p>
      </div>

      <Card title="Follow a company">
        <FollowForm />
        <p className="mt-3 text-xs text-slate-500">
          Paste a board URL (boards.greenhouse.io/acme, jobs.lever.co/acme, jobs.ashbyhq.com/acme, apply.workable.com/acme) or the company&rsquo;s careers
          page if it embeds one of them. Up to {MAX_FOLLOWS_PER_USER} companies.
        </p>
      </Card>

      <Card title={`Following (${companies.length})`}>
        {companies.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs tracking-wide text-slate-500 uppercase">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-semibold">Company</th>
                  <th scope="col" className="py-2 pr-3 font-semibold">System</th>
                  <th scope="col" className="py-2 pr-3 font-semibold">Health</th>
                  <th scope="col" className="py-2 pr-3 text-right font-semibold">Open jobs</th>
                  <th scope="col" className="py-2 pr-3 text-right font-semibold">Backend</th>
                  <th scope="col" className="py-2 pr-3 font-semibold">Last change</th>
                  <th scope="col" className="py-2 font-semibold"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {companies.map((company) => (
                  <tr key={company.id}>
                    <td className="py-2 pr-3">
                      <Link href={`/jobs?f=1&company=${encodeURIComponent(company.id)}`} className="font-medium text-brand-700 hover:underline">
                        {company.name}
                      </Link>
                    </td>
                    <td className="py-2 pr-3 text-slate-600">{SYSTEM_LABELS[company.system]}</td>
                    <td className="py-2 pr-3">
                      <Badge tone={HEALTH[company.health].tone}>{HEALTH[company.health].label}</Badge>
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{company.openJobs}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{company.backendJobs}</td>
                    <td className="py-2 pr-3 text-slate-600">{relativeTime(company.lastChange, now)}</td>
                    <td className="py-2 text-right">
                      <UnfollowButton id={company.id} name={company.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm text-slate-600">You follow no companies yet. Paste a careers page above to start.</p>
        )}
      </Card>
    </div>
  );
}
