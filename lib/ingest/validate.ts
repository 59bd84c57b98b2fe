import { z } from 'zod';
import type { RawListing } from '../../scrapers/types';
import { REMOTE_KINDS, SALARY_PERIODS, SENIORITIES } from '../vocabulary';

// The boundary between boards and our database: every scraped item is checked here before it
// is stored, whatever its parser promised. Fields are bounded so one absurd item cannot bloat a row.

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an absolute http(s) URL');

// NUL cannot be stored in PostgreSQL text at all (one such item would fail its whole batch, and
// so the board, on every run), and the other C0 controls only garble. Tab, newline and CR stay.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const withoutControls = (value: string) => value.replace(CONTROL_CHARACTERS, '');

/**
 * The most of a board's description HTML that is kept, in characters. Longer descriptions (a
 * hostile or broken feed) are cut here rather than losing the listing: what follows is work for
 * the sanitizer and nothing for a reader. Classification reads only the first 32 kB of the text.
 */
export const MAX_DESCRIPTION_HTML = 200_000;

function cutDescription(html: string): string {
  if (html.length <= MAX_DESCRIPTION_HTML) return html;
  // Never end on the first half of a surrogate pair.
  const end = /[\ud800-\udbff]/.test(html[MAX_DESCRIPTION_HTML - 1]!) ? MAX_DESCRIPTION_HTML - 1 : MAX_DESCRIPTION_HTML;
  return html.slice(0, end);
}

/**
 * A description as it is stored at most: without control characters, then cut. Applying it twice
 * changes nothing, so the worker pool applies it right after parsing (a 1 MB description then
 * never crosses back to the serving thread whole) and validation again here.
 */
export function boundDescription(html: string): string {
  return cutDescription(withoutControls(html));
}

const text = (max: number) => z.string().overwrite(withoutControls).trim().max(max);
const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), text(max).nullable());

export const rawListingSchema = z.object({
  board: z.string().min(1),
  externalId: text(512).min(1, 'is empty'),
  url: httpUrl,
  title: text(300).min(1, 'is empty'),
  company: optionalText(200),
  location: optionalText(300),
  salaryText: optionalText(200),
  tags: z.array(z.string().overwrite(withoutControls).trim().toLowerCase().min(1).max(60)).max(60),
  descriptionHtml: z.string().overwrite(boundDescription),
  postedAt: z.custom<Date>((value) => value instanceof Date && !Number.isNaN(value.getTime()), 'is not a valid date').nullable(),
  stated: z
    .object({
      salary: z
        .object({
          min: z.number().finite().nonnegative().nullable(),
          max: z.number().finite().nonnegative().nullable(),
          // A code or a symbol as the board wrote it; classification reads it.
          currency: z.string().trim().min(1).max(8).nullable(),
          period: z.enum(SALARY_PERIODS).nullable(),
        })
        .optional(),
      // Stated facts: "unknown" is no fact, so it is not a value here.
      remote: z.enum(REMOTE_KINDS).exclude(['unknown']).optional(),
      visaSponsorship: z.boolean().optional(),
      seniority: z.enum(SENIORITIES).exclude(['unknown']).optional(),
    })
    .optional(),
});

export type ValidRawListing = z.infer<typeof rawListingSchema>;

/** The item, cleaned, or the reason it cannot be stored (naming the field). */
export function validateRawListing(item: RawListing): { ok: true; item: ValidRawListing } | { ok: false; reason: string } {
  const result = rawListingSchema.safeParse(item);
  if (result.success) return { ok: true, item: result.data };
  const issue = result.error.issues[0]!;
  return { ok: false, reason: `${issue.path.join('.') || 'item'} ${issue.message}` };
}
