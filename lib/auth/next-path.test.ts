import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it.each([
    ['/jobs?language=go', '/jobs?language=go'],
    ['/applications/abc', '/applications/abc'],
    ['https://evil.example/', '/'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/ok\nLocation: x', '/'],
    [undefined, '/'],
    [42, '/'],
  ])('%j -> %j', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it('uses the given fallback', () => {
    expect(safeNextPath('', '/settings')).toBe('/settings');
  });
});
