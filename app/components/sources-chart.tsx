'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// The sources as grouped bars: sent, answered, interviewed. The table beside it carries the
// same figures for screen readers (the chart is hidden from them).

export interface SourceBar {
  label: string;
  Sent: number;
  Responses: number;
  Interviews: number;
}

export function SourcesChart({ bars }: { bars: SourceBar[] }) {
  const height = Math.max(140, bars.length * 44 + 48);
  return (
    <div style={{ height }} aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }} barCategoryGap={10}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12 }} allowDecimals={false} />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 12 }} width={110} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="Sent" fill="#94a3b8" radius={[0, 3, 3, 0]} />
          <Bar dataKey="Responses" fill="#0284c7" radius={[0, 3, 3, 0]} />
          <Bar dataKey="Interviews" fill="#7c3aed" radius={[0, 3, 3, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
