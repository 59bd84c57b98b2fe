import type { ApplicationStats } from '@/lib/applications/stats';
import { STATUS_LABEL } from '@/lib/applications/statuses';
import { Card, Stat } from '../components/ui';

// Pipeline figures: plain HTML bars, readable without JavaScript and by screen readers.

const weekLabel = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export function StatsPanel({ stats }: { stats: ApplicationStats }) {
  const thisWeek = stats.perWeek.at(-1)?.count ?? 0;
  const maxWeek = Math.max(1, ...stats.perWeek.map((w) => w.count));
  const maxFunnel = Math.max(1, ...stats.funnel.map((f) => f.count));
  const rate = stats.responseRate === null ? '—' : `${Math.round(stats.responseRate * 100)}%`;
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_1fr_1fr]">
      <div className="grid grid-cols-3 gap-3 lg:col-span-3">
        <Stat label="Applied this week" value={thisWeek} hint={`${stats.perDay.at(-1)?.count ?? 0} today · ${stats.applied} in total`} />
        <Stat label="Response rate" value={rate} hint={`${stats.responded} of ${stats.applied} reached screening or beyond`} />
        <Stat label="In progress" value={stats.byStatus.applied + stats.byStatus.screening + stats.byStatus.interviewing + stats.byStatus.offer} hint={`${stats.byStatus.saved} saved to apply`} />
      </div>
      <Card title="Applications per week" className="lg:col-span-2">
        <ol className="flex h-32 items-end gap-1.5" aria-label="Applications per week">
          {stats.perWeek.map((w) => (
            <li key={w.weekStart} className="flex h-full flex-1 flex-col items-center justify-end gap-1" title={`Week of ${weekLabel(w.weekStart)}: ${w.count}`}>
              <span className="text-[10px] tabular-nums text-slate-500">{w.count || ''}</span>
              <span className="w-full rounded-t bg-brand-500" style={{ height: `${(w.count / maxWeek) * 100}%`, minHeight: w.count ? 2 : 0 }} />
              <span className="sr-only">
                Week of {weekLabel(w.weekStart)}: {w.count} applications
              </span>
            </li>
          ))}
        </ol>
        <p className="mt-1 flex justify-between text-[10px] text-slate-500" aria-hidden>
          <span>{stats.perWeek[0] ? weekLabel(stats.perWeek[0].weekStart) : ''}</span>
          <span>this week</span>
        </p>
      </Card>
      <Card title="Funnel">
        <ol className="space-y-1.5 text-sm" aria-label="Funnel">
          {stats.funnel.map((f) => (
            <li key={f.stage} className="grid grid-cols-[90px_1fr_32px] items-center gap-2">
              <span className="text-slate-600">{STATUS_LABEL[f.stage]}</span>
              <span className="h-2.5 rounded bg-slate-100">
                <span className="block h-full rounded bg-brand-500" style={{ width: `${(f.count / maxFunnel) * 100}%` }} />
              </span>
              <span className="text-right tabular-nums">{f.count}</span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
