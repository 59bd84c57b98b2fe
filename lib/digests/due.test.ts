import { describe, expect, it } from 'vitest';
import { digestDueAt, dueDigestDate, knownZone, nextDigestAt } from './due';

const at = (iso: string) => new Date(iso);

describe('digest due time', () => {
  it('is the hour in the user zone: 07:00 Berlin is 06:00 UTC in winter, 05:00 in summer', () => {
    expect(digestDueAt('2026-01-15', 7, 'Europe/Berlin').toISOString()).toBe('2026-01-15T06:00:00.000Z');
    expect(digestDueAt('2026-07-15', 7, 'Europe/Berlin').toISOString()).toBe('2026-07-15T05:00:00.000Z');
    expect(digestDueAt('2026-07-15', 7, 'America/New_York').toISOString()).toBe('2026-07-15T11:00:00.000Z');
    expect(digestDueAt('2026-07-15', 7, 'Asia/Kolkata').toISOString()).toBe('2026-07-15T01:30:00.000Z');
    expect(digestDueAt('2026-07-15', 0, 'UTC').toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });

  it('follows Berlin across its change days (29 March and 25 October 2026)', () => {
    // Spring forward: 02:00 does not exist that day; the digest goes at 03:00 CEST (01:00 UTC).
    expect(digestDueAt('2026-03-29', 2, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(digestDueAt('2026-03-29', 7, 'Europe/Berlin').toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(digestDueAt('2026-03-28', 7, 'Europe/Berlin').toISOString()).toBe('2026-03-28T06:00:00.000Z');
    // Fall back: 02:00 happens twice; the first (CEST, 00:00 UTC) counts, and only once.
    expect(digestDueAt('2026-10-25', 2, 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(digestDueAt('2026-10-25', 7, 'Europe/Berlin').toISOString()).toBe('2026-10-25T06:00:00.000Z');
    expect(dueDigestDate(at('2026-10-25T01:30:00Z'), 2, 'Europe/Berlin')).toBe('2026-10-25'); // the second 02:30: same day, same key
  });

  it('follows New York across its change days (8 March and 1 November 2026)', () => {
    expect(digestDueAt('2026-03-07', 7, 'America/New_York').toISOString()).toBe('2026-03-07T12:00:00.000Z');
    expect(digestDueAt('2026-03-08', 7, 'America/New_York').toISOString()).toBe('2026-03-08T11:00:00.000Z');
    expect(digestDueAt('2026-03-08', 2, 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(digestDueAt('2026-11-01', 1, 'America/New_York').toISOString()).toBe('2026-11-01T05:00:00.000Z'); // first 01:00 (EDT)
    expect(digestDueAt('2026-11-01', 7, 'America/New_York').toISOString()).toBe('2026-11-01T12:00:00.000Z');
  });

  it('is due from the hour until the local day ends, keyed by the local date', () => {
    expect(dueDigestDate(at('2026-07-15T04:59:59Z'), 7, 'Europe/Berlin')).toBeNull();
    expect(dueDigestDate(at('2026-07-15T05:00:00Z'), 7, 'Europe/Berlin')).toBe('2026-07-15');
    expect(dueDigestDate(at('2026-07-15T21:59:00Z'), 7, 'Europe/Berlin')).toBe('2026-07-15');
    // 22:30 UTC is already the 16th in Berlin, before its 07:00.
    expect(dueDigestDate(at('2026-07-15T22:30:00Z'), 7, 'Europe/Berlin')).toBeNull();
    // 03:00 UTC on the 16th is still the 15th in New York, after its 07:00.
    expect(dueDigestDate(at('2026-07-16T03:00:00Z'), 7, 'America/New_York')).toBe('2026-07-15');
    expect(dueDigestDate(at('2026-07-15T23:30:00Z'), 5, 'Pacific/Kiritimati')).toBe('2026-07-16');
  });

  it('owes no digest for a day whose hour passed before the search existed', () => {
    const created = at('2026-07-15T13:00:00Z');
    expect(dueDigestDate(at('2026-07-15T13:05:00Z'), 7, 'Europe/Berlin', created)).toBeNull();
    expect(dueDigestDate(at('2026-07-16T05:00:00Z'), 7, 'Europe/Berlin', created)).toBe('2026-07-16');
  });

  it('says when the next one is due, and treats an unknown zone as UTC', () => {
    expect(nextDigestAt(at('2026-03-28T12:00:00Z'), 7, 'Europe/Berlin').toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(nextDigestAt(at('2026-03-29T04:00:00Z'), 7, 'Europe/Berlin').toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(knownZone('Mars/Olympus')).toBe('UTC');
    expect(knownZone(null)).toBe('UTC');
    expect(knownZone('Europe/Berlin')).toBe('Europe/Berlin');
  });
});
