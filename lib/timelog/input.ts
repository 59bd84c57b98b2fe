import { z } from 'zod';
import { LEARNING_AREAS, TIME_KINDS } from '../vocabulary';
import { BadInputError, fieldErrors } from '../errors';

// What a client may send for a time entry or a timer, checked once here. The same rules
// serve the JSON API and the /log forms (which convert their local date and time first).

/** A uuid as Postgres prints it; anything else cannot name a row (and must not reach SQL). */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_RE.test(value);

/** A day holds 1440 minutes (the database checks it too). */
export const MAX_ENTRY_MINUTES = 1440;
/** Clocks drift: a start this far ahead of the server's clock is still "now". */
export const FUTURE_TOLERANCE_MS = 60_000;
/** Nobody logs job-search hours from before this. */
export const EARLIEST_START = new Date('2000-01-01T00:00:00Z');
export const MAX_NOTE_LENGTH = 2000;

const blankToNull = (value: unknown) => (value === '' ? null : value);

const id = (what: string) =>
  z.preprocess(blankToNull, z.string().regex(UUID_RE, { error: `Pick one of your ${what}.` }).nullable().optional());

export const entryFields = {
  kind: z.enum(TIME_KINDS, { error: 'Pick applying, learning or building.' }),
  area: z.preprocess(blankToNull, z.enum(LEARNING_AREAS, { error: 'Pick an area of the learning path.' }).nullable().optional()),
  projectId: id('projects'),
  applicationId: id('applications'),
  minutes: z.coerce
    .number({ error: 'Enter minutes as a number.' })
    .int({ error: 'Enter whole minutes.' })
    .min(1, { error: 'At least 1 minute.' })
    .max(MAX_ENTRY_MINUTES, { error: 'At most 1440 minutes (a whole day).' }),
  startedAt: z.coerce.date({ error: 'Give the start as a date and time, e.g. 2026-11-25T09:00:00Z.' }),
  note: z.preprocess(
    blankToNull,
    z.string().trim().max(MAX_NOTE_LENGTH, { error: `Keep the note under ${MAX_NOTE_LENGTH} characters.` }).nullable().optional(),
  ),
};

export const entryInputSchema = z.object(entryFields);
export const entryPatchSchema = z.object(entryFields).partial();
export const timerInputSchema = z.object({
  kind: entryFields.kind,
  area: entryFields.area,
  projectId: entryFields.projectId,
  applicationId: entryFields.applicationId,
  note: entryFields.note,
});

export interface EntryInput {
  kind: (typeof TIME_KINDS)[number];
  area: (typeof LEARNING_AREAS)[number] | null;
  projectId: string | null;
  applicationId: string | null;
  minutes: number;
  startedAt: Date;
  note: string | null;
}
export type TimerInput = Omit<EntryInput, 'minutes' | 'startedAt'>;

function fail(error: z.ZodError): never {
  throw new BadInputError('Check the highlighted fields.', fieldErrors(error));
}

/**
 * The rules between fields: learning carries an area and only learning does; only building
 * points to a project; only applying points to an application.
 */
export function checkKindFields(value: TimerInput): Record<string, string> {
  const fields: Record<string, string> = {};
  if (value.kind === 'learning' && !value.area) fields.area = 'Pick an area of the learning path.';
  if (value.kind !== 'learning' && value.area) fields.area = 'Only learning time has an area.';
  if (value.kind !== 'building' && value.projectId) fields.projectId = 'Only building time points to a project.';
  if (value.kind !== 'applying' && value.applicationId) fields.applicationId = 'Only applying time points to an application.';
  return fields;
}

function checkStart(startedAt: Date, now: Date, fields: Record<string, string>) {
  if (Number.isNaN(startedAt.getTime())) fields.startedAt = 'Give the start as a date and time.';
  else if (startedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) fields.startedAt = 'The start cannot be in the future.';
  else if (startedAt < EARLIEST_START) fields.startedAt = 'The start is too long ago.';
}

function normalise<T extends Partial<EntryInput>>(value: T): T {
  return { ...value, area: value.area ?? null, projectId: value.projectId ?? null, applicationId: value.applicationId ?? null, note: value.note ?? null };
}

/** A full entry from untrusted input, or BadInputError naming each bad field. */
export function parseEntryInput(input: unknown, now = new Date()): EntryInput {
  const parsed = entryInputSchema.safeParse(input);
  if (!parsed.success) fail(parsed.error);
  const value = normalise(parsed.data) as EntryInput;
  const fields = checkKindFields(value);
  checkStart(value.startedAt, now, fields);
  if (Object.keys(fields).length) throw new BadInputError('Check the highlighted fields.', fields);
  return value;
}

/**
 * An entry after applying a partial change to `current`. Changing the kind drops the fields
 * the new kind cannot carry (unless the change sets them), so {kind: 'building'} on a
 * learning entry just works.
 */
export function applyEntryPatch(current: EntryInput, patch: unknown, now = new Date()): EntryInput {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new BadInputError('The body must be a JSON object.', { body: 'must be a JSON object' });
  }
  const parsed = entryPatchSchema.strict().safeParse(patch);
  if (!parsed.success) fail(parsed.error);
  const change = parsed.data;
  const next = { ...current };
  if (change.kind && change.kind !== current.kind) {
    if (!('area' in change)) next.area = null;
    if (!('projectId' in change)) next.projectId = null;
    if (!('applicationId' in change)) next.applicationId = null;
  }
  for (const [key, value] of Object.entries(change)) (next as Record<string, unknown>)[key] = value ?? null;
  // Only a start the patch moves must not be in the future (the entry's own start is fine).
  return parseEntryInput(next, 'startedAt' in change ? now : new Date(Math.max(now.getTime(), current.startedAt.getTime())));
}

/** A timer's fields from untrusted input, or BadInputError naming each bad field. */
export function parseTimerInput(input: unknown): TimerInput {
  const parsed = timerInputSchema.safeParse(input ?? {});
  if (!parsed.success) fail(parsed.error);
  const value = normalise(parsed.data) as TimerInput;
  const fields = checkKindFields(value);
  if (Object.keys(fields).length) throw new BadInputError('Check the highlighted fields.', fields);
  return value;
}
