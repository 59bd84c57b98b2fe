import { describe, expect, it } from 'vitest';
import { readFilters } from './read-filters';

describe('/jobs readFilters', () => {
  const profile = { languages: ['go', 'rust'], currency: 'EUR' };

  it('defaults to backend roles when signed out', () => {
    expect(readFilters({})).toMatchObject({ filters: { role: ['backend'], language: [], currency: 'USD' }, showDismissed: false, usedProfileLanguages: false });
  });

  it("uses the profile's languages and currency when the URL names none", () => {
    const { filters, usedProfileLanguages } = readFilters({}, profile);
    expect(filters).toMatchObject({ language: ['go', 'rust'], role: ['backend'], currency: 'EUR' });
    expect(usedProfileLanguages).toBe(true);
  });

  it('keeps languages named in the URL, and none once the form was submitted', () => {
    expect(readFilters({ language: 'python' }, profile).filters.language).toEqual(['python']);
    expect(readFilters({ f: '1' }, profile).filters).toMatchObject({ language: [], role: [] });
    expect(readFilters({ f: '1', currency: 'GBP' }, profile).filters.currency).toBe('GBP');
  });

  it('reads the dismissed toggle without passing it to the search filters', () => {
    const read = readFilters({ dismissed: '1', language: 'go' }, profile);
    expect(read.showDismissed).toBe(true);
    expect(read.problem).toBeNull();
  });

  it('reports a bad filter and falls back to the defaults', () => {
    const read = readFilters({ seniority: 'wizard' }, profile);
    expect(read.problem).toMatch(/seniority/);
    expect(read.filters.role).toEqual(['backend']);
  });

  it('drops only the bad parameters, names them, and keeps filtering by the good ones', () => {
    const read = readFilters({ language: ['go', 'cobol'], salaryMin: 'abc', sort: 'weird', remote: 'remote', q: 'postgres' }, profile);
    expect(read.problem).toBe('Ignored language=go,cobol, salaryMin=abc, sort=weird: not a value that filter takes.');
    expect(read.filters.remote).toEqual(['remote']);
    expect(read.filters.q).toBe('postgres');
    expect(read.filters.salaryMin).toBeUndefined();
  });

  it('clips a long bad value in the message', () => {
    const read = readFilters({ sort: 'x'.repeat(500) }, null);
    expect(read.problem).toBe(`Ignored sort=${'x'.repeat(40)}…: not a value that filter takes.`);
  });
});
