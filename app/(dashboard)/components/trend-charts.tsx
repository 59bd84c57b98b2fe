'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FunnelStage, WeekTrend } from '@/lib/dashboard/dashboard';

// The 8-week trends as charts; each chart has the same figures as a table in a <details>
// below it, for screen readers and for anyone who prefers numbers.

const weekLabel = (weekStart: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${weekStart}T12:00:00Z`));
const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-xs font-medium text-slate-600">Show as a table</summary>
      <table className="mt-2 w-full text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-xs text-slate-500">
            {head.map((h) => (
              <th key={h} scope="col" className="py-1 pr-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {rows.map((row) => (
            <tr key={String(row[0])} className="border-t border-slate-100">
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="py-1 pr-2 font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="py-1 pr-2">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function ChartFigure({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <figcaption className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">{title}</figcaption>
      {children}
    </figure>
  );
}

export function HoursTrend({ weeks }: { weeks: WeekTrend[] }) {
  const data = weeks.map((w) => ({
    week: weekLabel(w.weekStart),
    Applying: hours(w.applyingMinutes),
    Learning: hours(w.learningMinutes),
    Building: hours(w.buildingMinutes),
  }));
  return (
    <ChartFigure title="Hours per week: applying vs building">
      <div className="h-60" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} allowDecimals={false} />
            <Tooltip formatter={(value) => `${String(value)} h`} />
            <Legend />
            <Bar dataKey="Applying" fill="#0284c7" />
            <Bar dataKey="Learning" fill="#d97706" />
            <Bar dataKey="Building" fill="#059669" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        caption="Hours per week: applying, learning and building"
        head={['Week of', 'Applying (h)', 'Learning (h)', 'Building (h)']}
        rows={data.map((d) => [d.week, d.Applying, d.Learning, d.Building])}
      />
    </ChartFigure>
  );
}

export function ApplicationsTrend({ weeks }: { weeks: WeekTrend[] }) {
  const data = weeks.map((w) => ({ week: weekLabel(w.weekStart), Applications: w.applications }));
  return (
    <ChartFigure title="Applications sent per week">
      <div className="h-60" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="Applications" fill="#4f46e5" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable caption="Applications sent per week" head={['Week of', 'Applications']} rows={data.map((d) => [d.week, d.Applications])} />
    </ChartFigure>
  );
}

export function FunnelChart({ funnel }: { funnel: FunnelStage[] }) {
  const data = funnel.map((s) => ({ stage: s.label, Applications: s.applications }));
  const applied = funnel[0]?.applications ?? 0;
  const share = (n: number) => (applied ? `${Math.round((n / applied) * 100)}%` : '–');
  return (
    <ChartFigure title="Response funnel, last 8 weeks">
      <div className="h-60" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 24 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tick={{ fontSize: 12 }} allowDecimals={false} />
            <YAxis type="category" dataKey="stage" tick={{ fontSize: 12 }} width={90} />
            <Tooltip />
            <Bar dataKey="Applications" fill="#7c3aed" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        caption="Applications sent in the last 8 weeks, by the furthest stage reached"
        head={['Stage', 'Applications', 'Share of applied']}
        rows={funnel.map((s) => [s.label, s.applications, share(s.applications)])}
      />
    </ChartFigure>
  );
}
