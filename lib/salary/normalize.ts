import type { Salary, SalaryPeriod } from '../vocabulary';

// Salaries come in many currencies and periods; filters and sorting compare one number:
// the yearly amount in US dollars. Rates are approximate mid-market values (USD per unit),
// enough to compare offers, not to pay anyone.
export const USD_PER_UNIT: Record<string, number> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CAD: 0.73,
  AUD: 0.66,
  NZD: 0.6,
  CHF: 1.13,
  SEK: 0.095,
  NOK: 0.093,
  DKK: 0.145,
  PLN: 0.25,
  CZK: 0.043,
  INR: 0.012,
  JPY: 0.0067,
  SGD: 0.74,
  BRL: 0.18,
  MXN: 0.055,
  ZAR: 0.055,
  ILS: 0.27,
  UAH: 0.024,
  HKD: 0.128,
  CNY: 0.138,
};

// Full-time working units per year.
const PER_YEAR: Record<SalaryPeriod, number> = { year: 1, month: 12, week: 52, day: 260, hour: 2080 };

/** Yearly USD amount for a salary (its minimum, else its maximum); null when the currency is unknown. */
export function yearlyUsd(salary: Salary | null): number | null {
  if (!salary) return null;
  const amount = salary.min ?? salary.max;
  const rate = USD_PER_UNIT[salary.currency.toUpperCase()];
  if (amount == null || rate == null) return null;
  const value = Math.round(amount * PER_YEAR[salary.period] * rate);
  // Out of any plausible range: a parsing slip, not a salary.
  return value >= 1_000 && value <= 5_000_000 ? value : null;
}
