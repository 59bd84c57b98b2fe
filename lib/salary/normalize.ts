import type { Salary, SalaryPeriod } from '../vocabulary';

// Salaries come in many currencies and periods; filters and sorting compare one number:
// the yearly amount in US dollars, converted with the stored exchange-rate table
// (exchange_rates, loaded by ./rates).

/** USD per unit of each currency (ISO 4217 code -> rate). */
export type UsdRates = Readonly<Record<string, number>>;

// Full-time working units per year.
const PER_YEAR: Record<SalaryPeriod, number> = { year: 1, month: 12, week: 52, day: 260, hour: 2080 };

/** Yearly USD amount for a salary (its minimum, else its maximum); null when the currency is unknown. */
export function yearlyUsd(salary: Salary | null, rates: UsdRates): number | null {
  if (!salary) return null;
  const amount = salary.min ?? salary.max;
  const rate = rates[salary.currency.toUpperCase()];
  if (amount == null || rate == null) return null;
  const value = Math.round(amount * PER_YEAR[salary.period] * rate);
  // Out of any plausible range: a parsing slip, not a salary.
  return value >= 1_000 && value <= 5_000_000 ? value : null;
}
