import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../lib/errors';
import { ATS_API_ENV, atsApiUrl, atsBoardId, hiringBoardPageUrl, HIRING_SYSTEM_NAMES, HIRING_SYSTEMS, isValidToken, systemOfAtsBoardId, type HiringSystem } from './index';
import { tokenFromApiUrl } from './api-url';
import { BOARDS } from '../registry';

afterEach(() => vi.unstubAllEnvs());

describe('hiring systems', () => {
  it('lists the five systems with their names', () => {
    expect(HIRING_SYSTEMS).toEqual(['greenhouse', 'lever', 'lever-eu', 'ashby', 'workable']);
    expect(HIRING_SYSTEM_NAMES).toEqual({ greenhouse: 'Greenhouse', lever: 'Lever', 'lever-eu': 'Lever (EU)', ashby: 'Ashby', workable: 'Workable' });
  });

  it('isValidToken admits real board names and nothing that could leave its path segment', () => {
    for (const system of HIRING_SYSTEMS) {
      for (const good of ['acme', 'Acme', 'acme-corp', 'acme_corp', 'a', 'acme2', '9am']) expect(isValidToken(system, good), `${system} ${good}`).toBe(true);
      for (const bad of ['', '.', '..', '../x', 'a/b', 'a\\b', 'a%2fb', '%2e%2e', 'a?b', 'a#b', 'a b', ' acme', 'acme ', '-acme', '_acme', 'ac\nme', 'açme', 'a'.repeat(101), 'a..b', 'acme.']) {
        expect(isValidToken(system, bad), `${system} ${JSON.stringify(bad)}`).toBe(false);
      }
    }
    // Dots only where the system uses them (Lever sites, Ashby names), and only between characters.
    expect(isValidToken('ashby', 'acme.io')).toBe(true);
    expect(isValidToken('lever', 'acme.io')).toBe(true);
    expect(isValidToken('greenhouse', 'acme.io')).toBe(false);
    expect(isValidToken('workable', 'acme.io')).toBe(false);
    expect(isValidToken('monster' as HiringSystem, 'acme')).toBe(false);
    expect(isValidToken('lever', 42 as unknown as string)).toBe(false);
  });
});

describe('atsApiUrl', () => {
  it('builds each public job-board API URL', () => {
    expect(atsApiUrl({ system: 'greenhouse', token: 'acme' })).toBe('https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true');
    expect(atsApiUrl({ system: 'lever', token: 'acme' })).toBe('https://api.lever.co/v0/postings/acme?mode=json');
    expect(atsApiUrl({ system: 'lever-eu', token: 'acme' })).toBe('https://api.eu.lever.co/v0/postings/acme?mode=json');
    expect(atsApiUrl({ system: 'ashby', token: 'acme' })).toBe('https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true');
    expect(atsApiUrl({ system: 'workable', token: 'acme' })).toBe('https://apply.workable.com/api/v1/widget/accounts/acme?details=true');
  });

  it('honours TRACKEND_ATS_*_URL, a base replacing scheme and host (a path prefix kept, trailing slashes dropped)', () => {
    expect(ATS_API_ENV).toEqual({
      greenhouse: 'TRACKEND_ATS_GREENHOUSE_URL',
      lever: 'TRACKEND_ATS_LEVER_URL',
      'lever-eu': 'TRACKEND_ATS_LEVER_EU_URL',
      ashby: 'TRACKEND_ATS_ASHBY_URL',
      workable: 'TRACKEND_ATS_WORKABLE_URL',
    });
    vi.stubEnv('TRACKEND_ATS_GREENHOUSE_URL', 'http://127.0.0.1:8080');
    vi.stubEnv('TRACKEND_ATS_LEVER_URL', 'http://127.0.0.1:8080/lever/');
    vi.stubEnv('TRACKEND_ATS_LEVER_EU_URL', ' http://localhost:9000 ');
    vi.stubEnv('TRACKEND_ATS_ASHBY_URL', '');
    expect(atsApiUrl({ system: 'greenhouse', token: 'acme' })).toBe('http://127.0.0.1:8080/v1/boards/acme/jobs?content=true');
    expect(atsApiUrl({ system: 'lever', token: 'acme' })).toBe('http://127.0.0.1:8080/lever/v0/postings/acme?mode=json');
    expect(atsApiUrl({ system: 'lever-eu', token: 'acme' })).toBe('http://localhost:9000/v0/postings/acme?mode=json');
    expect(atsApiUrl({ system: 'ashby', token: 'acme' })).toBe('https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true');
    // The careers page is a link for people: always the real host.
    expect(hiringBoardPageUrl({ system: 'greenhouse', token: 'acme' })).toBe('https://job-boards.greenhouse.io/acme');
    expect(hiringBoardPageUrl({ system: 'lever-eu', token: 'acme' })).toBe('https://jobs.eu.lever.co/acme');
    expect(hiringBoardPageUrl({ system: 'workable', token: 'acme' })).toBe('https://apply.workable.com/acme');
  });

  it('refuses a malformed override, naming the variable', () => {
    for (const bad of ['127.0.0.1:8080', 'ftp://127.0.0.1', 'http://127.0.0.1:8080/?x=1', 'http://u:p@127.0.0.1', 'http://127.0.0.1/#x']) {
      vi.stubEnv('TRACKEND_ATS_WORKABLE_URL', bad);
      expect(() => atsApiUrl({ system: 'workable', token: 'acme' })).toThrow(ConfigError);
      expect(() => atsApiUrl({ system: 'workable', token: 'acme' })).toThrow(/TRACKEND_ATS_WORKABLE_URL/);
    }
  });

  it('throws on an invalid token rather than building a path from it', () => {
    expect(() => atsApiUrl({ system: 'lever', token: '../admin' })).toThrow(TypeError);
    expect(() => hiringBoardPageUrl({ system: 'ashby', token: 'a/b' })).toThrow(TypeError);
  });

  it('tokenFromApiUrl reads the token back from an API URL on any host', () => {
    for (const system of HIRING_SYSTEMS) expect(tokenFromApiUrl(system, atsApiUrl({ system, token: 'acme' }))).toBe('acme');
    expect(tokenFromApiUrl('greenhouse', 'http://127.0.0.1:8080/v1/boards/acme/jobs')).toBe('acme');
    expect(tokenFromApiUrl('greenhouse', 'https://example.com/other')).toBeNull();
    expect(tokenFromApiUrl('greenhouse', 'not a url')).toBeNull();
  });
});

describe('atsBoardId and systemOfAtsBoardId', () => {
  const ID = /^[a-z0-9-]{1,60}$/;

  it('is `${system}-${token}` for a lower-case token', () => {
    expect(atsBoardId({ system: 'greenhouse', token: 'acme' })).toBe('greenhouse-acme');
    expect(atsBoardId({ system: 'lever', token: 'acme-corp' })).toBe('lever-acme-corp');
    expect(atsBoardId({ system: 'lever-eu', token: 'acme' })).toBe('lever-eu-acme');
    expect(atsBoardId({ system: 'ashby', token: 'acme2' })).toBe('ashby-acme2');
    expect(atsBoardId({ system: 'workable', token: 'acme' })).toBe('workable-acme');
  });

  it('adds a short hash when slugging loses something, so every (system, token) has its own id', () => {
    const refs = [
      { system: 'greenhouse', token: 'acme' },
      { system: 'greenhouse', token: 'Acme' },
      { system: 'greenhouse', token: 'ACME' },
      { system: 'greenhouse', token: 'acme_' },
      { system: 'greenhouse', token: 'ac_me' },
      { system: 'greenhouse', token: 'ac-me' },
      { system: 'greenhouse', token: 'ac--me' },
      { system: 'ashby', token: 'acme.io' },
      { system: 'ashby', token: 'acme-io' },
      { system: 'ashby', token: 'acme_io' },
      { system: 'lever', token: 'acme' },
      { system: 'lever-eu', token: 'acme' },
      { system: 'lever', token: 'eu-acme' },
      { system: 'lever', token: 'eu' },
      { system: 'lever-eu', token: 'eu' },
      { system: 'workable', token: 'a'.repeat(100) },
      { system: 'workable', token: `${'a'.repeat(99)}b` },
      { system: 'workable', token: 'a'.repeat(51) },
    ] as const;
    const ids = refs.map((ref) => atsBoardId(ref));
    expect(new Set(ids).size).toBe(refs.length);
    refs.forEach((ref, index) => {
      expect(ids[index]).toMatch(ID);
      expect(systemOfAtsBoardId(ids[index]!), ids[index]).toBe(ref.system);
    });
    expect(ids[1]).toMatch(/^greenhouse-acme--[0-9a-f]{10}$/);
    expect(ids[7]).toMatch(/^ashby-acme-io--[0-9a-f]{10}$/);
    expect(atsBoardId({ system: 'workable', token: 'a'.repeat(100) })).toHaveLength(60);
    // Stable: the same board always gets the same id.
    expect(atsBoardId({ system: 'greenhouse', token: 'Acme' })).toBe(ids[1]);
  });

  it('never lets a Lever site named "eu-…" pass for a Lever (EU) board', () => {
    expect(atsBoardId({ system: 'lever-eu', token: 'acme' })).toBe('lever-eu-acme');
    const site = atsBoardId({ system: 'lever', token: 'eu-acme' });
    expect(site).not.toMatch(/^lever-eu-/);
    expect(systemOfAtsBoardId(site)).toBe('lever');
    expect(systemOfAtsBoardId('lever-eu')).toBe('lever');
  });

  it('systemOfAtsBoardId is null for built-in boards and anything atsBoardId does not make', () => {
    for (const board of BOARDS) expect(systemOfAtsBoardId(board.id), board.id).toBeNull();
    for (const other of ['', 'greenhouse', 'greenhouse-', 'greenhouse--', 'greenhouse-acme-', 'greenhouse--abc', 'greenhouse-Acme', 'lever-eu-', 'ashby-a_b', 'workable-acme--xyz', 'monster-acme', `greenhouse-${'a'.repeat(50)}`, 'custom-feed-1']) {
      expect(systemOfAtsBoardId(other), other).toBeNull();
    }
    expect(systemOfAtsBoardId(42 as unknown as string)).toBeNull();
  });

  it('throws on an invalid token', () => {
    expect(() => atsBoardId({ system: 'greenhouse', token: '../x' })).toThrow(TypeError);
  });
});
