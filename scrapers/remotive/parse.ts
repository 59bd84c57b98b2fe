import { z } from 'zod';
import {
  cleanHtml,
  cleanText,
  elementRef,
  FIELD_LIMITS,
  httpUrl,
  idish,
  isRecord,
  normalizeTags,
  parseDate,
  parseElements,
  parseJsonBody,
  wrongShape,
  type MapOutcome,
} from '../formats';
import type { ParseResult } from '../types';

// Remotive's API (https://remotive.com/api/remote-jobs) answers
// {"00-warning", "0-legal-notice", "job-count", "jobs": [...]}. Salary is free text
// ("$18 - $22/hr", "OTE $25k - $35k"): it goes to salaryText for classification to read.

export const BOARD_ID = 'remotive';
const NAME = 'Remotive';

const jobSchema = z.object({
  id: idish.nullish(),
  url: z.string().nullish(),
  title: z.string().nullish(),
  company_name: z.string().nullish(),
  category: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  job_type: z.string().nullish(),
  publication_date: z.string().nullish(),
  candidate_required_location: z.string().nullish(),
  salary: z.string().nullish(),
  description: z.string().nullish(),
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
      externalId: job.id?.trim() || url,
      url,
      title,
      company: cleanText(job.company_name, FIELD_LIMITS.company),
      location: cleanText(job.candidate_required_location, FIELD_LIMITS.location),
      salaryText: cleanText(job.salary, FIELD_LIMITS.salaryText),
      // job_type ("full_time", "contract") is a tag like the board's own skill tags.
      tags: normalizeTags([...(job.tags ?? []), job.job_type?.replace(/_/g, '-')]),
      descriptionHtml: cleanHtml(job.description),
      // "2026-07-26T20:49:11" has no zone; Remotive's times are UTC.
      postedAt: parseDate(job.publication_date),
      stated: { remote: 'remote' },
    },
  };
}

/** Parse Remotive's API response. Throws ParseError when the body is not its JSON object with a jobs array. */
export function parseRemotive(body: string): ParseResult {
  const data = parseJsonBody(body, NAME);
  if (!isRecord(data) || !Array.isArray(data.jobs)) wrongShape(NAME, 'an object with a "jobs" array', data);
  return parseElements({
    elements: data.jobs,
    schema: jobSchema,
    map: (job) => toListing(job),
    ref: (element, index) => elementRef(element, index, ['id', 'url']),
  });
}
