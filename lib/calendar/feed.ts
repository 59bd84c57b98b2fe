import 'server-only';
import { TZDate } from '@date-fns/tz';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import ical from 'ical-generator';
import { applications, interviews } from '../../db/schema';
import type { Db } from '../../db/types';
import { getProfile } from '../profile/profile';
import { INTERVIEW_KIND_LABEL } from '../vocabulary';
import { vtimezone } from './vtimezone';

// One user's follow-ups and interviews as an iCalendar feed. UIDs come from row ids, so a
// calendar app that polls again updates its events instead of duplicating them; SEQUENCE,
// DTSTAMP and LAST-MODIFIED come from the row's updated_at, so an edit is seen as one.

/** A timed follow-up (one set through the API with a time) takes this long in the calendar. */
export const TIMED_FOLLOW_UP_MINUTES = 15;

// SEQUENCE must grow with every change: seconds since 2020 do, and fit iCalendar's integer.
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);
const sequenceOf = (updatedAt: Date) => Math.max(0, Math.floor((updatedAt.getTime() - SEQUENCE_EPOCH) / 1000));

/**
 * Follow-up dates picked in a date input are stored as midnight UTC (lib/applications/schemas
 * dateSchema); anything else was given with a time. The first are all-day, the second timed.
 */
export function isDateOnly(instant: Date): boolean {
  return instant.getTime() % 86_400_000 === 0;
}

export const applicationUrl = (origin: string, applicationId: string) => `${origin}/applications/${applicationId}`;

export interface CalendarOptions {
  /** This site's origin, for the links back to each application. */
  origin: string;
}

export async function buildCalendar(db: Db, userId: string, { origin }: CalendarOptions): Promise<string> {
  const { timeZone } = await getProfile(db, userId);
  const followUps = await db
    .select({ id: applications.id, title: applications.title, company: applications.company, at: applications.nextFollowUpAt, updatedAt: applications.updatedAt })
    .from(applications)
    .where(and(eq(applications.userId, userId), isNotNull(applications.nextFollowUpAt)))
    .orderBy(asc(applications.nextFollowUpAt), asc(applications.id));
  const slots = await db
    .select({ interview: interviews, title: applications.title, company: applications.company })
    .from(interviews)
    .innerJoin(applications, and(eq(applications.id, interviews.applicationId), eq(applications.userId, userId)))
    .where(eq(interviews.userId, userId))
    .orderBy(asc(interviews.startsAt), asc(interviews.id));

  const instants = [...followUps.map((f) => f.at!), ...slots.map((s) => s.interview.startsAt)];
  const from = new Date(Math.min(Date.now(), ...instants.map((d) => d.getTime())));
  const to = new Date(Math.max(Date.now(), ...instants.map((d) => d.getTime())));
  const calendar = ical({
    name: 'trackend: follow-ups and interviews',
    prodId: { company: 'trackend', product: 'calendar', language: 'EN' },
    // No calendar-wide zone: ical-generator would then write DTSTAMP and LAST-MODIFIED as local
    // times, and RFC 5545 wants them in UTC. Timed events name the zone themselves (TZID), and
    // the generator writes its VTIMEZONE.
    timezone: { name: null, generator: (zone) => vtimezone(zone, from, to) },
    ttl: 60 * 60,
  });
  const zoned = (instant: Date) => new TZDate(instant.getTime(), timeZone);

  for (const f of followUps) {
    const at = f.at!;
    const link = applicationUrl(origin, f.id);
    const common = {
      id: `follow-up-${f.id}@trackend`,
      summary: `Follow up: ${f.title} at ${f.company}`,
      description: `Follow up on your application for ${f.title} at ${f.company}.\n${link}`,
      url: link,
      sequence: sequenceOf(f.updatedAt),
      stamp: f.updatedAt,
      lastModified: f.updatedAt,
    };
    if (isDateOnly(at)) {
      // A date is the same date in every zone: written from the stored UTC midnight as is.
      calendar.createEvent({ ...common, allDay: true, start: at });
    } else {
      calendar.createEvent({ ...common, start: zoned(at), end: zoned(new Date(at.getTime() + TIMED_FOLLOW_UP_MINUTES * 60_000)), timezone: timeZone });
    }
  }

  for (const { interview: i, title, company } of slots) {
    const link = applicationUrl(origin, i.applicationId);
    const kind = INTERVIEW_KIND_LABEL[i.kind];
    calendar.createEvent({
      id: `interview-${i.id}@trackend`,
      summary: `${kind} interview: ${title} at ${company}`,
      description: [`${kind} interview for ${title} at ${company} (${i.minutes} minutes).`, i.notes, link].filter(Boolean).join('\n\n'),
      url: link,
      start: zoned(i.startsAt),
      end: zoned(new Date(i.startsAt.getTime() + i.minutes * 60_000)),
      timezone: timeZone,
      sequence: sequenceOf(i.updatedAt),
      stamp: i.updatedAt,
      lastModified: i.updatedAt,
    });
  }
  return calendar.toString();
}
