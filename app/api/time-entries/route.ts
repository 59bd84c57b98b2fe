import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/profile/profile';
import { createEntry, entryJson, listEntries } from '@/lib/timelog/entries';
import { addDays, startOfDay } from '@/lib/dates/zone';
import { handle, json, readJsonBody } from '../http';
import { parseListQuery } from './query';

export const dynamic = 'force-dynamic';

/** GET /api/time-entries: the user's entries, newest first; from/to are local dates in the user's zone. */
export const GET = handle(async (request: Request) => {
  const user = await requireUser();
  const query = parseListQuery(new URL(request.url).searchParams);
  const db = await getDb();
  const { timeZone } = await getProfile(db, user.id);
  const entries = await listEntries(db, user.id, {
    from: query.from ? startOfDay(query.from, timeZone) : undefined,
    to: query.to ? startOfDay(addDays(query.to, 1), timeZone) : undefined,
    limit: query.limit,
  });
  return json({ entries: entries.map(entryJson) });
});

/** POST /api/time-entries: log a manual entry; 201 with the entry, 400 naming each bad field. */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const entry = await createEntry(await getDb(), user.id, await readJsonBody(request));
  return json(entryJson(entry), 201);
});
