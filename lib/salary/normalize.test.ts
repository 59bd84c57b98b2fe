import { describe, expect, it } from 'vitest';
import { yearlyUsd } from './normalize';

const rates = { USD: 1, EUR: 1.08 };

describe('yearlyUsd', () => {
  it('converts periods and currencies to yearly USD', () => {
    expect(yearlyUsd({ min: 120_000, max: 150_000, currency: 'USD', period: 'year' }, rates)).toBe(120_000);
    expect(yearlyUsd({ min: 60, max: null, currency: 'USD', period: 'hour' }, rates)).toBe(124_800);
    expect(yearlyUsd({ min: null, max: 90_000, currency: 'USD', period: 'year' }, rates)).toBe(90_000);
    expect(yearlyUsd({ min: 60_000, max: null, currency: 'EUR', period: 'year' }, rates)).toBe(64_800);
    expect(yearlyUsd({ min: 5_000, max: null, currency: 'eur', period: 'month' }, rates)).toBe(64_800);
  });

  it('gives null for unknown currencies, missing amounts and implausible values', () => {
    expect(yearlyUsd(null, rates)).toBeNull();
    expect(yearlyUsd({ min: 100, max: null, currency: 'XYZ', period: 'year' }, rates)).toBeNull();
    expect(yearlyUsd({ min: null, max: null, currency: 'USD', period: 'year' }, rates)).toBeNull();
    expect(yearlyUsd({ min: 120_000, max: null, currency: 'USD', period: 'hour' }, rates)).toBeNull();
  });
});
