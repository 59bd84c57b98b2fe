import { describe, expect, it } from 'vitest';
import { filtersToParams, parseJobFilters, urlFilters } from './filters';

const parse = (query: string) => parseJobFilters(new URLSearchParams(query));

describe('parseJobFilters', () => {
  it('applies no filter the request does not name', () => {
    expect(parse('')).toEqual({
      ok: true,
      filters: { language: [], seniority: [], role: [], remote: [], board: [], company: [], currency: 'USD', limit: 20 },
    });
  });

  it('reads every parameter', () => {
    const result = parse(
      'language=go&language=rust&seniority=junior,mid&role=backend&remote=remote&salaryMin=60000&currency=eur&board=golang-cafe&postedWithin=7d&q=postgres%20-php&selfTaught=true&visa=1&sort=salary&limit=50',
    );
    expect(result).toEqual({
      ok: true,
      filters: {
        language: ['go', 'rust'],
        seniority: ['junior', 'mid'],
        role: ['backend'],
        remote: ['remote'],
        salaryMin: 60000,
        currency: 'EUR',
        board: ['golang-cafe'],
        company: [],
        postedWithin: '7d',
        q: 'postgres -php',
        selfTaught: true,
        visa: true,
        sort: 'salary',
        limit: 50,
      },
    });
  });

  it('treats blank form fields as not set', () => {
    expect(parse('q=&salaryMin=&postedWithin=&sort=&language=')).toMatchObject({ ok: true, filters: { language: [], limit: 20 } });
  });

  it.each([
    ['language=cobol', 'language', /^language \("cobol"\): Invalid option/],
    ['seniority=wizard', 'seniority', /^seniority/],
    ['role=ceo', 'role', /^role/],
    ['remote=moon', 'remote', /^remote/],
    ['salaryMin=lots', 'salaryMin', /^salaryMin/],
    ['salaryMin=-5', 'salaryMin', /^salaryMin/],
    ['salaryMin=1.5', 'salaryMin', /must be a whole number/],
    ['currency=dollars', 'currency', /must be a 3-letter currency code/],
    ['board=Not%20A%20Board', 'board', /must be a board id/],
    ['postedWithin=1y', 'postedWithin', /^postedWithin/],
    ['q=' + 'x'.repeat(201), 'q', /at most 200 characters/],
    ['selfTaught=maybe', 'selfTaught', /^selfTaught/],
    ['visa=yes', 'visa', /^visa/],
    ['sort=random', 'sort', /^sort/],
    ['limit=0', 'limit', /^limit/],
    ['limit=101', 'limit', /^limit/],
    ['limit=ten', 'limit', /^limit/],
    ['limit=10&limit=20', 'limit', /limit may be given once/],
    ['langauge=go', 'langauge', /unknown parameter "langauge"/],
  ])('%s is a bad parameter named %s', (query, parameter, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.parameter).toBe(parameter);
      expect(result.error).toMatch(message);
    }
  });

  it('writes filters back to a query string that parses to the same filters', () => {
    const first = parse('language=go&seniority=junior&salaryMin=50000&currency=GBP&q=api&selfTaught=true&sort=newest');
    if (!first.ok) throw new Error(first.error);
    const again = parseJobFilters(filtersToParams(first.filters));
    expect(again).toEqual(first);
  });

  it('reads followed and company, round trips them, and never puts the user\'s own lists in a URL', () => {
    const result = parse('followed=1&company=greenhouse-acme,lever-globex&company=ashby-initech');
    expect(result).toMatchObject({ ok: true, filters: { followed: true, company: ['greenhouse-acme', 'lever-globex', 'ashby-initech'] } });
    if (!result.ok) return;
    const withLists = { ...result.filters, followedBoards: ['greenhouse-acme'], hiddenCompanies: ['acme'], hiddenBoards: ['remotive'] };
    const params = filtersToParams(withLists);
    expect(params.toString()).toBe('followed=true&company=greenhouse-acme&company=lever-globex&company=ashby-initech');
    expect(parseJobFilters(params)).toEqual(result);
    expect(parse('company=Not_An_Id')).toMatchObject({ ok: false, parameter: 'company' });
    expect(parse('followed=maybe')).toMatchObject({ ok: false, parameter: 'followed' });
    for (const own of ['followedBoards', 'hiddenCompanies']) expect(parse(`${own}=x`)).toMatchObject({ ok: false, parameter: own });
    // What a page hands to the browser (the filter form) is what a URL carries, without the lists.
    const handed = urlFilters({ ...withLists, firstSeenAfter: new Date() });
    expect(handed).toEqual(result.filters);
  });
});
