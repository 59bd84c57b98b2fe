import { describe, expect, it } from 'vitest';
import type { Salary } from '../vocabulary';
import { currencyOfPlace, findSalary, parseSalary, statedCurrency, statesPay } from './salary';

const s = (min: number | null, max: number | null, currency: string, period: Salary['period'] = 'year'): Salary => ({ min, max, currency, period });

describe('parseSalary', () => {
  it.each<[string, Salary]>([
    ['$120k–$150k', s(120_000, 150_000, 'USD')],
    ['$120K - $150K', s(120_000, 150_000, 'USD')],
    ['120,000 - 150,000 USD/year', s(120_000, 150_000, 'USD')],
    ['€60k', s(60_000, 60_000, 'EUR')],
    ['60k EUR', s(60_000, 60_000, 'EUR')],
    ['$60/hr', s(60, 60, 'USD', 'hour')],
    ['$60 per hour', s(60, 60, 'USD', 'hour')],
    ['£50,000', s(50_000, 50_000, 'GBP')],
    ['up to €90k', s(null, 90_000, 'EUR')],
    ['from $100k', s(100_000, null, 'USD')],
    ['$18 - $22/hr', s(18, 22, 'USD', 'hour')],
    ['$31,2k- $52k', s(31_200, 52_000, 'USD')],
    ['OTE $25k - $35k', s(25_000, 35_000, 'USD')],
    ['$12K', s(12_000, 12_000, 'USD')],
    ["CHF 120'000", s(120_000, 120_000, 'CHF')],
    ['₹12,00,000 per year', s(1_200_000, 1_200_000, 'INR')],
    ['CAD 90,000 - 110,000', s(90_000, 110_000, 'CAD')],
    ['AUD 140k', s(140_000, 140_000, 'AUD')],
    ['$150,000-$180,000 + equity', s(150_000, 180_000, 'USD')],
    ['5000 EUR/month', s(5_000, 5_000, 'EUR', 'month')],
    ['$170-225K + equity', s(170_000, 225_000, 'USD')],
    ['€60-100k', s(60_000, 100_000, 'EUR')],
    ['$1800 - $2200 AUD / Monthly', s(1_800, 2_200, 'AUD', 'month')],
    ['32.000 – 48.000 € brutto/Jahr', s(32_000, 48_000, 'EUR')],
    ['$144,200$170,000 USD', s(144_200, 170_000, 'USD')],
    ['$60,675- $101, 125 annually', s(60_675, 101_125, 'USD')],
    ['$122,980.78 - $162,381.96 /year', s(122_980.78, 162_381.96, 'USD')],
    ['45–70 USD per hour', s(45, 70, 'USD', 'hour')],
    ['4 000 - 6 000 USD per month', s(4_000, 6_000, 'USD', 'month')],
    ['capped at $145,000/year', s(null, 145_000, 'USD')],
    ['$110,000+ per year', s(110_000, null, 'USD')],
    ['start at $15/hr or higher', s(15, null, 'USD', 'hour')],
    ['mindestens 90.000€', s(90_000, null, 'EUR')],
    ['20M JPY/yr', s(20_000_000, 20_000_000, 'JPY')],
  ])('%s', (text, expected) => {
    expect(parseSalary(text)).toEqual(expected);
  });

  it.each([
    ['a year', 'Founded in 2024'],
    ['401(k) and 401k', '401k match'],
    ['funding', '$50M raised in our Series B'],
    ['billions', '$200B+ company'],
    ['tiny numbers with no pay words', 'Each sale is between $250 and $2,500'],
    ['an allowance', '€2,000 budget to set up your home office'],
    ['a signing bonus', '$1,000 signing bonus'],
    ['per article', '$315 USD per post'],
    ['a percentage', '0.3-0.41% equity'],
    ['no currency', '60k'],
    ['no currency, no k', '100-120'],
  ])('not: %s', (_case, text) => {
    expect(parseSalary(text)).toBeNull();
  });

  it('plain amounts take a currency only when the caller knows it', () => {
    expect(parseSalary('100-120k', { defaultCurrency: 'USD' })).toEqual(s(100_000, 120_000, 'USD'));
    expect(parseSalary('100,000 - 120,000', { defaultCurrency: 'GBP' })).toEqual(s(100_000, 120_000, 'GBP'));
  });

  it('reads "$" as the local dollar where the caller says so, unless USD is written', () => {
    expect(parseSalary('$45 per hour', { dollarCurrency: 'CAD' })).toEqual(s(45, 45, 'CAD', 'hour'));
    expect(parseSalary('USD $80,000–$100,000', { dollarCurrency: 'MXN' })).toEqual(s(80_000, 100_000, 'USD'));
  });
});

describe('findSalary in a description', () => {
  it('prefers the amount next to pay words and skips perks and funding', () => {
    const text = [
      'We raised $31m Series A and process $1.6 trillion.',
      'Perks: $1K budget for your home office, $500 setup fee, ¥140,000 home office setup allowance.',
      'Salary Range: $130,000/year - $150,000/year + equity.',
    ].join('\n');
    expect(findSalary(text)).toEqual(s(130_000, 150_000, 'USD'));
  });

  it('reads a monthly figure from the words before it', () => {
    expect(findSalary('The monthly salary will be $2500-4000 depending on experience.')).toEqual(s(2_500, 4_000, 'USD', 'month'));
    expect(findSalary('Sueldo mensual: $50,000 brutos.', { dollarCurrency: 'MXN' })).toEqual(s(50_000, 50_000, 'MXN', 'month'));
  });

  it('takes the headline range, not the company valuation', () => {
    expect(findSalary('Neon | Founding Sr Backend Engineer | $170-225K + equity\nbuilding a $200B+ company', { dedicated: true })).toEqual(
      s(170_000, 225_000, 'USD'),
    );
  });

  it('returns null when no pay is stated', () => {
    expect(findSalary('Competitive salary and great benefits. We have 11k GitHub stars.')).toBeNull();
  });
});

describe('currencyOfPlace', () => {
  it.each([
    ['Remote (US only)', 'USD'],
    ['Toronto, Canada', 'CAD'],
    ['London, UK', 'GBP'],
    ['Berlin, Germany', 'EUR'],
    ['Zurich', 'CHF'],
    ['Mexico', 'MXN'],
    ['Anywhere in the World', null],
  ])('%s -> %s', (place, currency) => {
    expect(currencyOfPlace(place)).toBe(currency);
  });
});

describe('statedCurrency', () => {
  it("reads a structured currency: ISO codes in any case, and symbols (Golang Cafe gives \"$\"); unknown -> null", () => {
    expect(['$', '€', '£', '₹', 'zł', 'Fr', 'usd', 'CHF', 'try', 'kr', '', ' ', null].map(statedCurrency)).toEqual(['USD', 'EUR', 'GBP', 'INR', 'PLN', 'CHF', 'USD', 'CHF', 'TRY', null, null, null, null]);
  });
});

describe('statesPay', () => {
  it('says whether one header field states pay: with a currency, or as a bare yearly figure', () => {
    expect(['$150k - $190k + equity', '£70-90k', '120k - 150k', '€60/hour'].map(statesPay)).toEqual([true, true, true, true]);
    expect(['Part-time / Full-time (32-36-40h p/w)', 'Competitive salary + equity', 'Berlin', 'Series B'].map(statesPay)).toEqual([false, false, false, false]);
  });
});
