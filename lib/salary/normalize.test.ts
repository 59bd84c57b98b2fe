import { describe, expect, it } from 'vitest';
import { yearlyUsd } from './normalize';

describe('yearlyUsd', () => {
  it('converts periods and currencies to yearly USD', () => {
    expect(yearlyUsd({ min: 120_000, max: 150_000, currency: 'USD', period: 'year' })).toBe(120_000);
    expect(yearlyUsd({ min: 60, max: null, currency: 'USD', period: 'hour' })).toBe(124_800);
    expect(yearlyUsd({ min: null, max: 90_000, currency: 'USD', period: 'year' })).toBe(90_000);
    expect(yearlyUsd({ min: 60_000, max: null, currency: 'EUR', period: 'year' })).toBe(64_800);
    expect(yearlyUsd({ min: 5_000, max: null, currency: 'eur', period: 'month' })).toBe(64_800);
  });

  it('gives null for unknown currencies, missing amounts and implausible values', () => {
    expect(yearlyUsd(null)).toBeNull();
    expect(yearlyUsd({ min: 100, max: null, currency: 'XYZ', period: 'year' })).toBeNull();
    expect(yearlyUsd({ min: null, max: null, currency: 'USD', period: 'year' })).toBeNull();
    expect(yearlyUsd({ min: 120_000, max: null, currency: 'USD', period: 'hour' })).toBeNull();
  });
});
