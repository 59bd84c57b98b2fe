import 'server-only';
import { z } from 'zod';
import { applications, projects, type TimeEntry } from '../../db/schema';
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { BadInputError, fieldErrors } from '../errors';
import { entryInputSchema } from './input';
import { isLocalTime, isSupportedDate, localDate, localTime, zonedInstant } from '../dates/zone';

// The /log forms speak the user's wall clock: a local date, a start time and minutes. This
// turns them into the API's fields (startedAt as an instant) in the user's time zone; the
// entry rules themselves stay in input.ts.

const formSchema = z.object({
  date: z.string({ error: 'Pick the day.' }).refine(isSupportedDate, { error: 'Pick the day.' }),
  time: z.string({ error: 'Give the start time.' }).refine(isLocalTime, { error: 'Give the start time as HH:MM.' }),
});

/** Entry fields from a submitted form: date + time become startedAt in `timeZone`. */
export function entryFromForm(form: Record<string, unknown>, timeZone: string): Record<string, unknown> {
  const fields = {
    kind: form.kind,
    area: form.area ?? null,
    projectId: form.projectId ?? null,
    applicationId: form.applicationId ?? null,
    minutes: form.minutes,
    note: form.note ?? null,
  };
  const when = formSchema.safeParse({ date: form.date, time: form.time });
  if (!when.success) {
    // Name every bad field at once, not the date first and the minutes on the next submit.
    const rest = entryInputSchema.omit({ startedAt: true }).safeParse(fields);
    throw new BadInputError('Check the highlighted fields.', { ...(rest.success ? {} : fieldErrors(rest.error)), ...fieldErrors(when.error) });
  }
  return { ...fields, startedAt: zonedInstant(when.data.date, when.data.time, timeZone) };
}

export interface EntryDay {
  date: string;
  totalMinutes: number;
  entries: (TimeEntry & { localTime: string })[];
}

/** Entries grouped by the local day they started on, newest day first (entries keep their order). */
export function groupByDay(entries: readonly TimeEntry[], timeZone: string): EntryDay[] {
  const days = new Map<string, EntryDay>();
  for (const entry of entries) {
    const date = localDate(entry.startedAt, timeZone);
    let day = days.get(date);
    if (!day) days.set(date, (day = { date, totalMinutes: 0, entries: [] }));
    day.entries.push({ ...entry, localTime: localTime(entry.startedAt, timeZone) });
    day.totalMinutes += entry.minutes;
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export interface Choice {
  id: string;
  label: string;
}

/** The user's projects and most recently touched applications, for the selectors on /log. */
export async function logChoices(db: Db, userId: string): Promise<{ projects: Choice[]; applications: Choice[] }> {
  const [projectRows, applicationRows] = await Promise.all([
    db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(eq(projects.userId, userId))
      .orderBy(asc(projects.name)),
    db
      .select({ id: applications.id, title: applications.title, company: applications.company })
      .from(applications)
      .where(eq(applications.userId, userId))
      .orderBy(desc(applications.updatedAt))
      .limit(200),
  ]);
  return {
    projects: projectRows.map((p) => ({ id: p.id, label: p.name })),
    applications: applicationRows.map((a) => ({ id: a.id, label: `${a.title} · ${a.company}` })),
  };
}
