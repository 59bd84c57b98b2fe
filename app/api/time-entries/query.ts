import { z } from 'zod';
import { BadInputError } from '@/lib/errors';
import { isLocalDate, isSupportedDate, MAX_DATE, MIN_DATE } from '@/lib/dates/zone';

// Query parameters of the JSON API's time routes. Each error names its parameter.

const localDate = z
  .string()
  .refine(isLocalDate, { error: 'must be a date written YYYY-MM-DD' })
  .refine(isSupportedDate, { error: `must be between ${MIN_DATE} and ${MAX_DATE}` });

const listQuery = z
  .object({
    from: localDate.optional(),
    to: localDate.optional(),
    limit: z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(1).max(500).optional(),
  })
  .strict();

function parse<T>(schema: z.ZodType<T>, params: URLSearchParams): T {
  const input = Object.fromEntries(params);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const parameter = issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? 'query');
  const message = issue.code === 'unrecognized_keys' ? 'unknown parameter' : issue.message;
  throw new BadInputError(`${parameter}: ${message}`, { [parameter]: message });
}

/** GET /api/time-entries?from=YYYY-MM-DD&to=YYYY-MM-DD&limit=N (local dates, both included). */
export const parseListQuery = (params: URLSearchParams) => parse(listQuery, params);

/** GET /api/dashboard?date=YYYY-MM-DD */
export const parseDateQuery = (params: URLSearchParams) => parse(z.object({ date: localDate.optional() }).strict(), params);
