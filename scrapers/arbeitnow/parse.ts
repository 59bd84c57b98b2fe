import { z } from 'zod';
import {
  cleanHtml,
  cleanText,
  elementRef,
  FIELD_LIMITS,
  httpUrl,
  isRecord,
  normalizeTags,
  numberish,
  parseDate,
  parseElements,
  parseJsonBody,
  wrongShape,
  type MapOutcome,
} from '../formats';
import type { ParseResult } from '../types';

// Arbeitnow's API (https://www.arbeitnow.com/api/job-board-api) answers
// {data: [...], links, meta}, 100 jobs a page, newest first. We read page 1 only.

export const BOARD_ID = 'arbeitnow';
const NAME = 'Arbeitnow';

const jobSchema = z.object({
  slug: z.string().nullish(),
  company_name: z.string().nullish(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  remote: z.boolean().nullish(),
  url: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  job_types: z.array(z.string()).nullish(),
  location: z.string().nullish(),
  created_at: z.union([numberish, z.string()]).nullish(),
});
type Job = z.output<typeof jobSchema>;

function toListing(job: Job): MapOutcome {
  const title = cleanText(job.title, FIELD_LIMITS.title);
  if (!title) return { skip: 'title: missing or empty' };
  const url = httpUrl(job.url);
  if (!url) return { skip: `url: not an absolute http(s) URL (${JSON.stringify(job.url ?? null)})` };
  return {
    listing: {
      board: BOARD_ID,
      externalId: job.slug?.trim() || url,
      url,
      title,
      company: cleanText(job.company_name, FIELD_LIMITS.company),
      location: cleanText(job.location, FIELD_LIMITS.location),
      salaryText: null,
      tags: normalizeTags([...(job.job_types ?? []), ...(job.tags ?? [])]),
      descriptionHtml: cleanHtml(job.description),
      postedAt: parseDate(job.created_at),
      // remote: true is a statement; remote: false only means "not remote", which may still
      // be hybrid (titles say so), so it is left for classification to read.
      ...(job.remote === true ? { stated: { remote: 'remote' as const } } : {}),
    },
  };
}

/** Parse one page of Arbeitnow's API. Throws ParseError when the body is not its JSON object with a data array. */
export function parseArbeitnow(body: string): ParseResult {
  const data = parseJsonBody(body, NAME);
  if (!isRecord(data) || !Array.isArray(data.data)) wrongShape(NAME, 'an object with a "data" array', data);
  return parseElements({
    elements: data.data,
    schema: jobSchema,
    map: (job) => toListing(job),
    ref: (element, index) => elementRef(element, index, ['slug', 'url']),
  });
}
