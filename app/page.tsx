import { getDb } from '@/db/client';
import { currentUser } from '@/lib/auth/session';
import { getDashboard } from '@/lib/dashboard/dashboard';
import { getOverview } from '@/lib/overview/overview';
import { getProfile } from '@/lib/profile/profile';
import { getTimer, timerJson } from '@/lib/timelog/timer';
import { isSupportedDate, today as todayIn } from '@/lib/timelog/zone';
import { DashboardView } from './(dashboard)/components/dashboard-view';
import { JobsOverview } from './(dashboard)/components/jobs-overview';
import { Landing } from './(dashboard)/components/landing';

export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/** Signed in: the balance dashboard (for ?date=YYYY-MM-DD, else today), then the jobs overview. Signed out: the landing. */
export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await getDb();
  const [user, overview] = await Promise.all([currentUser(), getOverview(db)]);
  if (!user) {
    return (
      <div className="space-y-8">
        <Landing />
        <JobsOverview overview={overview} />
      </div>
    );
  }
  const { date: asked } = await searchParams;
  const { timeZone } = await getProfile(db, user.id);
  const today = todayIn(timeZone);
  // A bad ?date never breaks the page: it shows today.
  const date = typeof asked === 'string' && isSupportedDate(asked) ? asked : today;
  const [dashboard, timer] = await Promise.all([getDashboard(db, user.id, { date }), getTimer(db, user.id)]);
  const running = timer ? { kind: timer.kind, elapsedMinutes: timerJson(timer).elapsedMinutes } : null;
  return (
    <div className="space-y-10">
      <DashboardView dashboard={dashboard} isToday={date === today} timer={running} />
      <JobsOverview overview={overview} />
    </div>
  );
}
