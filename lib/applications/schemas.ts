import { z } from 'zod';
import { storedDay } from '../dates/zone';
import { APPLICATION_SOURCES, APPLICATION_STATUSES, STATUS_LABEL, type ApplicationStatus } from './statuses';

// The shapes users may send, shared by the JSON API and the server actions. Blank form fields
// mean "not set"; every message names what to do.

export { APPLICATION_STATUSES, STATUS_LABEL, type ApplicationStatus };

/** Statuses that mean the employer answered (the numerator of the response rate). */
export const RESPONDED_STATUSES: readonly ApplicationStatus[] = ['screening', 'interviewing', 'offer', 'accepted'];
/** Statuses that imply the user applied: moving into one sets appliedAt when unset. */
export const APPLIED_OR_BEYOND: readonly ApplicationStatus[] = ['applied', 'screening', 'interviewing', 'offer', 'accepted'];
/** Still waiting on the employer: candidates for "ghosted". */
export const WAITING_STATUSES: readonly ApplicationStatus[] = ['applied', 'screening', 'interviewing'];
/** Finished: no follow-ups for these. */
export const CLOSED_STATUSES: readonly ApplicationStatus[] = ['accepted', 'rejected', 'withdrawn', 'ghosted'];

export const statusSchema = z.enum(APPLICATION_STATUSES, {
  error: `Pick a status: ${APPLICATION_STATUSES.join(', ')}.`,
});

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

const text = (max: number, label: string) =>
  z.string({ error: `${label} must be text.` }).trim().max(max, { error: `${label}: at most ${max} characters.` });

const requiredText = (max: number, label: string) =>
  z.preprocess(
    (v) => (v === null || v === undefined ? '' : v),
    text(max, label).min(1, { error: `Enter the ${label.toLowerCase()}.` }),
  );

const optionalText = (max: number, label: string) => z.preprocess(blank, text(max, label).nullable().optional());

export const urlSchema = z.preprocess(
  blank,
  z
    .string({ error: 'Enter a link starting with https://' })
    .trim()
    .max(2000, { error: 'That link is too long.' })
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return url.protocol === 'https:' || url.protocol === 'http:';
        } catch {
          return false;
        }
      },
      { error: 'Enter a full link starting with https://' },
    )
    .nullable()
    .optional(),
);

/** A date (YYYY-MM-DD from a date input) or a full ISO timestamp; blank clears it. */
export const dateSchema = z.preprocess(
  (value) => {
    const v = blank(value);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return storedDay(v.trim());
    if (typeof v === 'string') return new Date(v);
    return v;
  },
  z
    .date({ error: 'Enter a date such as 2026-11-25.' })
    .refine((d) => !Number.isNaN(d.getTime()), { error: 'Enter a date such as 2026-11-25.' })
    .refine((d) => d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2100, { error: 'Enter a date between 1990 and 2100.' })
    .nullable()
    .optional(),
);

export const sourceSchema = z.enum(APPLICATION_SOURCES, {
  error: `Pick where you found the job: ${APPLICATION_SOURCES.join(', ')}.`,
});

const emailSchema = z.preprocess(
  blank,
  z
    .string({ error: 'Enter an email address.' })
    .trim()
    .max(320, { error: 'That email address is too long.' })
    .pipe(z.email({ error: 'Enter an email address such as jane@example.com.' }))
    .nullable()
    .optional(),
);

const detailFields = {
  notes: z.preprocess((v) => (v === null ? '' : v), text(20_000, 'Notes').optional()),
  contact: optionalText(500, 'Contact'),
  salaryDiscussed: optionalText(200, 'Salary discussed'),
  resumeLink: optionalText(2000, 'Resume link'),
  source: z.preprocess(blank, sourceSchema.nullable().optional()),
  location: optionalText(300, 'Location'),
  contactEmail: emailSchema,
  nextFollowUpAt: dateSchema,
  appliedAt: dateSchema,
};

/** POST /api/applications and the "Add application" form: a job found anywhere. */
export const manualApplicationSchema = z.object({
  company: requiredText(300, 'Company'),
  title: requiredText(300, 'Title'),
  url: urlSchema,
  status: z.preprocess(blank, statusSchema.nullable().optional()),
  ...detailFields,
});
export type ManualApplicationInput = z.infer<typeof manualApplicationSchema>;

export const listingIdSchema = z.coerce
  .number({ error: 'listingId must be a listing id.' })
  .int({ error: 'listingId must be a listing id.' })
  .positive({ error: 'listingId must be a listing id.' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'listingId must be a listing id.' });

export const fromListingSchema = z.object({
  listingId: listingIdSchema,
  status: z.enum(['saved', 'applied'], { error: 'A new application from a listing is saved or applied.' }).optional(),
  notes: detailFields.notes,
});

/** PATCH /api/applications/[id] and the details form: any subset; status with an optional note. */
export const applicationPatchSchema = z
  .object({
    company: requiredText(300, 'Company').optional(),
    title: requiredText(300, 'Title').optional(),
    url: urlSchema,
    status: statusSchema.optional(),
    statusNote: optionalText(2000, 'Note'),
    statusAt: dateSchema,
    ...detailFields,
  });
export type ApplicationPatch = z.infer<typeof applicationPatchSchema>;

export const statusChangeSchema = z.object({
  status: statusSchema,
  note: optionalText(2000, 'Note'),
  at: dateSchema,
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const LIST_SORTS = ['updated', 'applied', 'company', 'status'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const listQuerySchema = z.object({
  status: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? (v as unknown[]) : typeof v === 'string' ? v.split(',') : v),
    z.array(statusSchema).max(APPLICATION_STATUSES.length),
  ),
  q: z.preprocess(blank, z.string().trim().max(200, { error: 'Search at most 200 characters.' }).nullable().optional()),
  sort: z.preprocess(blank, z.enum(LIST_SORTS, { error: `Sort by ${LIST_SORTS.join(', ')}.` }).nullable().optional()),
});
export type ListQuery = z.input<typeof listQuerySchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Application ids are uuids; anything else can only be "not found" (never a database error). */
export const isApplicationId = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);
