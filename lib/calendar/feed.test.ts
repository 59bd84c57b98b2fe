import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, profiles } from '../../db/schema';
import { createInterview, updateInterview } from '../interviews/interviews';
import { insertApplication, insertUser } from '../../test/support/factories';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { buildCalendar } from './feed';

// The feed is read back with ical.js, an independent parser, the way a calendar app reads it.

const ORIGIN = 'https://trackend.example';
const NOTES = 'Ask about on-call, pay; bring laptop\nRoom 4, floor 2 \\ back door';

/** The feed with folded lines joined again (RFC 5545 folds at 75 octets). */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((c) => ({ component: c, event: new ICAL.Event(c) }));
  return { calendar, events, byUid: new Map(events.map((e) => [e.event.uid, e])) };
}

let t: TestDatabase;

describe(`calendar feed (${TEST_DRIVER})`, () => {
  let berlin: string;
  let appA: string;
  let appB: string;
  let technical: string;
  let onsite: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    berlin = (await insertUser(t.db)).id;
    await t.db.insert(profiles).values({ userId: berlin, timeZone: 'Europe/Berlin' });
    // Follow-up picked as a date (stored as midnight UTC), and one set with a time through the API.
    appA = (await insertApplication(t.db, berlin, { company: 'Acme, Inc.', title: 'Go Developer', nextFollowUpAt: new Date('2026-03-30T00:00:00Z') })).id;
    appB = (await insertApplication(t.db, berlin, { company: 'Gophers', title: 'Backend Engineer', nextFollowUpAt: new Date('2026-03-27T08:30:00Z') })).id;
    await insertApplication(t.db, berlin, { company: 'Quiet', title: 'No dates' });
    // 14:00 in Berlin on both sides of the change to summer time (29 March 2026).
    technical = (await createInterview(t.db, berlin, appA, { startsAt: '2026-03-27T14:00:00+01:00', minutes: 45, kind: 'technical', notes: NOTES })).id;
    onsite = (await createInterview(t.db, berlin, appA, { startsAt: '2026-03-31T14:00:00+02:00', minutes: 240, kind: 'onsite' })).id;
    const other = (await insertUser(t.db)).id;
    const theirs = await insertApplication(t.db, other, { company: 'Elsewhere', nextFollowUpAt: new Date('2026-03-28T00:00:00Z') });
    await createInterview(t.db, other, theirs.id, { startsAt: '2026-03-28T10:00:00Z', minutes: 30, notes: 'not yours' });
  });
  afterAll(async () => t?.close());

  it('has every follow-up and interview of the user, and nothing of anyone else', async () => {
    const { events } = parseFeed(await buildCalendar(t.db, berlin, { origin: ORIGIN }));
    expect(events.map((e) => e.event.summary).sort()).toEqual([
      'Follow up: Backend Engineer at Gophers',
      'Follow up: Go Developer at Acme, Inc.',
      'Onsite interview: Go Developer at Acme, Inc.',
      'Technical interview: Go Developer at Acme, Inc.',
    ]);
  });

  it('writes interview times in the user zone with a VTIMEZONE, right across the DST change', async () => {
    const text = unfold(await buildCalendar(t.db, berlin, { origin: ORIGIN }));
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    expect(text).toMatch(/LAST-MODIFIED:\d{8}T\d{6}Z/);
    expect(text).toContain('TZID:Europe/Berlin');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260327T140000');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260331T140000');
    const { byUid } = parseFeed(text);
    const before = byUid.get(`interview-${technical}@trackend`)!.event;
    const after = byUid.get(`interview-${onsite}@trackend`)!.event;
    expect(before.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect(before.startDate.hour).toBe(14);
    expect(after.startDate.hour).toBe(14);
    // The same 14:00 wall clock is 13:00 UTC in winter time and 12:00 UTC in summer time.
    expect(before.startDate.toJSDate().toISOString()).toBe('2026-03-27T13:00:00.000Z');
    expect(after.startDate.toJSDate().toISOString()).toBe('2026-03-31T12:00:00.000Z');
    expect(before.duration.toSeconds()).toBe(45 * 60);
    expect(after.duration.toSeconds()).toBe(240 * 60);
    expect(after.endDate.toJSDate().toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });

  it('links back to the application (URL and description) and escapes user text', async () => {
    const text = unfold(await buildCalendar(t.db, berlin, { origin: ORIGIN }));
    const { byUid } = parseFeed(text);
    const { component, event } = byUid.get(`interview-${technical}@trackend`)!;
    expect(component.getFirstPropertyValue('url')).toBe(`${ORIGIN}/applications/${appA}`);
    expect(event.description).toContain(`${ORIGIN}/applications/${appA}`);
    // Commas, semicolons, backslashes and newlines come back exactly as typed.
    expect(event.description).toContain(NOTES);
    expect(event.description).toContain('Acme, Inc.');
    expect(text).toContain('pay\\; bring laptop\\nRoom 4\\, floor 2 \\\\ back door');
    // Nothing a user typed can start a property of its own.
    expect(text).not.toMatch(/\r\nRoom 4/);
  });

  it('makes a date-only follow-up all-day and a timed one timed', async () => {
    const text = await buildCalendar(t.db, berlin, { origin: ORIGIN });
    const { byUid } = parseFeed(text);
    const allDay = byUid.get(`follow-up-${appA}@trackend`)!;
    expect(text).toContain('DTSTART;VALUE=DATE:20260330');
    expect(allDay.event.startDate.isDate).toBe(true);
    expect(allDay.event.startDate.toString()).toBe('2026-03-30');
    expect(allDay.component.getFirstPropertyValue('url')).toBe(`${ORIGIN}/applications/${appA}`);
    const timed = byUid.get(`follow-up-${appB}@trackend`)!.event;
    expect(timed.startDate.isDate).toBe(false);
    expect(timed.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect(timed.startDate.toJSDate().toISOString()).toBe('2026-03-27T08:30:00.000Z');
    expect(timed.description).toContain(`${ORIGIN}/applications/${appB}`);
  });

  it('keeps an all-day follow-up on its date west of UTC too', async () => {
    const ny = (await insertUser(t.db)).id;
    await t.db.insert(profiles).values({ userId: ny, timeZone: 'America/New_York' });
    const app = await insertApplication(t.db, ny, { nextFollowUpAt: new Date('2026-11-02T00:00:00Z') });
    const { byUid } = parseFeed(await buildCalendar(t.db, ny, { origin: ORIGIN }));
    expect(byUid.get(`follow-up-${app.id}@trackend`)!.event.startDate.toString()).toBe('2026-11-02');
  });

  it('keeps UIDs across fetches and raises SEQUENCE / LAST-MODIFIED when a row changes', async () => {
    const first = parseFeed(await buildCalendar(t.db, berlin, { origin: ORIGIN }));
    const second = parseFeed(await buildCalendar(t.db, berlin, { origin: ORIGIN }));
    expect([...second.byUid.keys()].sort()).toEqual([...first.byUid.keys()].sort());
    const uid = `interview-${technical}@trackend`;
    const before = first.byUid.get(uid)!;
    await updateInterview(t.db, berlin, appA, technical, { minutes: 60 }, new Date(Date.now() + 5_000));
    const edited = parseFeed(await buildCalendar(t.db, berlin, { origin: ORIGIN })).byUid.get(uid)!;
    expect(edited.event.sequence).toBeGreaterThan(before.event.sequence);
    expect(edited.event.duration.toSeconds()).toBe(60 * 60);
    const modified = (c: ICAL.Component) => (c.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().getTime();
    expect(modified(edited.component)).toBeGreaterThan(modified(before.component));
    expect(edited.component.getFirstPropertyValue('dtstamp')).toBeTruthy();

    const followUp = `follow-up-${appB}@trackend`;
    await t.db.update(applications).set({ nextFollowUpAt: new Date('2026-03-28T00:00:00Z'), updatedAt: new Date(Date.now() + 10_000) }).where(eq(applications.id, appB));
    const moved = parseFeed(await buildCalendar(t.db, berlin, { origin: ORIGIN })).byUid.get(followUp)!.event;
    expect(moved.sequence).toBeGreaterThan(first.byUid.get(followUp)!.event.sequence);
    expect(moved.startDate.toString()).toBe('2026-03-28');
  });

  it('answers an empty but valid calendar for a user without dates, in UTC', async () => {
    const empty = (await insertUser(t.db)).id;
    const text = await buildCalendar(t.db, empty, { origin: ORIGIN });
    const { calendar, events } = parseFeed(text);
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });
});
