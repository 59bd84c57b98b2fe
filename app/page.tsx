import { getDb } from '@/db/client';
import { currentUser } from '@/lib/auth/session';
import { SOURCE_WEEKS, sourceStats, sourceWeeksOrDefault, type SourceWeeks } from '@/lib/applications/sources';
import { getDashboard } from '@/lib/dashboard/dashboard';
import { describeUpcoming, nextInterview } from '@/lib/interviews/interviews';
import { getOverview } from '@/lib/overview/overview';
import { getProfile } from '@/lib/profile/profile';
import { savedSearchesWithCounts } from '@/lib/saved-searches/saved-searches';
import { getTimer, timerJson } from '@/lib/timelog/timer';
import { isSupportedDate, today as todayIn } from '@/lib/dates/zone';
import { DashboardView } from './(dashboard)/components/dashboard-view';
import { JobsOverview } from './(dashboard)/components/jobs-overview';
import { Landing } from './(dashboard)/components/landing';
import { SavedSearchesCard } from './(dashboard)/components/saved-searches-card';
import { SourcesPanel } from './components/sources-panel';

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
  const { date: asked, sources: sourcesAsked } = await searchParams;
  const { timeZone } = await getProfile(db, user.id);
  const today = todayIn(timeZone);
  // A bad ?date never breaks the page: it shows today.
  const date = typeof asked === 'string' && isSupportedDate(asked) ? asked : today;
  const sourceWeeks = sourceWeeksOrDefault(sourcesAsked);
  const [dashboard, timer, sources, upcoming, savedSearches] = await Promise.all([
    getDashboard(db, user.id, { date }),
    getTimer(db, user.id),
    sourceStats(db, user.id, { weeks: sourceWeeks }),
    nextInterview(db, user.id),
    savedSearchesWithCounts(db, user.id),
  ]);
  const sourcesHref = Object.fromEntries(
    SOURCE_WEEKS.map((w) => [w, `/?${new URLSearchParams({ ...(date === today ? {} : { date }), sources: String(w) }).toString()}#sources-heading`]),
  ) as Record<SourceWeeks, string>;
  const running = timer ? { kind: timer.kind, elapsedMinutes: timerJson(timer).elapsedMinutes } : null;
  return (
    <div className="space-y-10">
      <DashboardView
        dashboard={dashboard}
        isToday={date === today}
        timer={running}
        nextInterview={upcoming ? { text: describeUpcoming(upcoming, timeZone), href: `/applications/${upcoming.interview.applicationId}` } : null}
      />
      <SavedSearchesCard items={savedSearches} />
      <SourcesPanel rows={sources} weeks={sourceWeeks} hrefFor={sourcesHref} />
      <JobsOverview overview={overview} />
    </div>
  );
}
