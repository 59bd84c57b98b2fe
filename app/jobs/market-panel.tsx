'use client';

import { languageLabel } from '@/lib/search/format';
import type { MarketView } from '@/lib/search/market';

// A client component only so that the page's payload carries the market figures, not the
// table's elements (as the filters form); rendered to HTML on the server all the same.

const USD = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 0 });
const usd = (value: number) => USD.format(value);

/** What the matching jobs ask for: the skills to build with next, and what they pay. */
export function MarketPanel({ market }: { market: MarketView }) {
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" open>
      <summary className="cursor-pointer text-sm font-semibold">What these {market.listings.toLocaleString('en')} jobs ask for</summary>
      <div className="mt-3 grid gap-4 md:grid-cols-[2fr_1fr]">
        <table className="w-full text-sm">
          <caption className="sr-only">Most requested technologies and skills</caption>
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th scope="col" className="font-medium">Skill</th>
              <th scope="col" className="w-1/2 font-medium">Share of listings</th>
            </tr>
          </thead>
          <tbody>
            {[...market.languages.slice(0, 3).map((l) => ({ name: languageLabel(l.language), share: l.share })), ...market.skills.map((s) => ({ name: s.skill, share: s.share }))]
              .slice(0, 10)
              .map((row) => (
                <tr key={row.name}>
                  <td className="py-0.5 pr-2">{row.name}</td>
                  <td className="py-0.5">
                    <div className="flex items-center gap-2">
                      <div className="h-2 flex-1 rounded bg-slate-100">
                        <div className="h-2 rounded bg-emerald-500" style={{ width: `${Math.round(row.share * 100)}%` }} />
                      </div>
                      <span className="w-10 text-right text-xs tabular-nums text-slate-500">{Math.round(row.share * 100)}%</span>
                    </div>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        <div className="text-sm">
          <p className="text-xs font-medium text-slate-500">Yearly salary (USD)</p>
          {market.salary ? (
            <dl className="mt-1 grid grid-cols-3 gap-2 text-center">
              <div><dt className="text-xs text-slate-500">25%</dt><dd className="font-semibold">{usd(market.salary.p25!)}</dd></div>
              <div><dt className="text-xs text-slate-500">median</dt><dd className="font-semibold">{usd(market.salary.median!)}</dd></div>
              <div><dt className="text-xs text-slate-500">75%</dt><dd className="font-semibold">{usd(market.salary.p75!)}</dd></div>
            </dl>
          ) : (
            <p className="mt-1 text-slate-500">None of these listings states a salary.</p>
          )}
          {market.salary ? (
            <p className="mt-2 text-xs text-slate-500">
              {market.salary.withSalary === 1 ? 'from the 1 listing that states one' : `from ${market.salary.withSalary.toLocaleString('en')} listings that state one`}
            </p>
          ) : null}
        </div>
      </div>
    </details>
  );
}
