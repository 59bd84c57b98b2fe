import { z } from 'zod';
import { BadInputError, fieldErrors } from '@/lib/errors';
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
  });

/** A parameter the schema does not name is refused before zod reads the rest, so the error can name it. */
function parse<T extends z.ZodObject>(schema: T, params: URLSearchParams): z.output<T> {
  const input = Object.fromEntries(params);
  const unknown = Object.keys(input).find((key) => !Object.hasOwn(schema.shape, key));
  if (unknown !== undefined) throw new BadInputError(`${unknown}: unknown parameter`, { [unknown]: 'unknown parameter' });
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  const [parameter, message] = Object.entries(fields)[0]!;
  throw new BadInputError(`${parameter}: ${message}`, fields);
}

/** GET /api/time-entries?from=YYYY-MM-DD&to=YYYY-MM-DD&limit=N (local dates, both included). */
export const parseListQuery = (params: URLSearchParams) => parse(listQuery, params);

/** GET /api/dashboard?date=YYYY-MM-DD */
export const parseDateQuery = (params: URLSearchParams) => parse(z.object({ date: localDate.optional() }), params);
