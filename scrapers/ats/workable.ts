import { z } from 'zod';
import { cleanHtml, cleanText, FIELD_LIMITS, httpUrl, idish, isRecord, normalizeTags, parseDate, parseJsonBody, wrongShape, type MapOutcome } from '../formats';
import { joinLocations, listingBoard, missing, parseJobs, stated, type AtsParseResult } from './common';

// Workable widget API: GET /api/v1/widget/accounts/{account}?details=true answers
// {"name": "CrewAI", "description": "<p>…</p>", "jobs": [...]}; `name` is the company.
// A job's `url` is its shortlink (apply.workable.com/j/{shortcode}), which names no account.

const NAME = 'Workable';

const jobSchema = z.object({
  shortcode: idish.nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  shortlink: z.string().nullish(),
  employment_type: z.string().nullish(),
  telecommuting: z.boolean().nullish().catch(null),
  department: z.string().nullish(),
  published_on: z.string().nullish(),
  created_at: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  country: z.string().nullish(),
  locations: z
    .array(z.object({ city: z.string().nullish(), region: z.string().nullish(), country: z.string().nullish(), hidden: z.boolean().nullish() }))
    .nullish()
    .catch(null),
  description: z.string().nullish(),
});
type Job = z.output<typeof jobSchema>;

function place(city: string | null | undefined, region: string | null | undefined, country: string | null | undefined): string | null {
  const parts = [city, region, country].map((part) => cleanText(part)).filter((part): part is string => part !== null);
  return parts.length ? parts.join(', ') : null;
}

function location(job: Job): string | null {
  const listed = (job.locations ?? []).filter((entry) => entry.hidden !== true).map((entry) => place(entry.city, entry.region, entry.country));
  return joinLocations(listed) ?? joinLocations([place(job.city, job.state, job.country)]);
}

function toListing(job: Job, board: string, company: string | null): MapOutcome {
  const id = job.shortcode?.trim();
  if (!id) return missing('shortcode', job.shortcode);
  const title = cleanText(job.title, FIELD_LIMITS.title);
  if (!title) return missing('title', job.title);
  const url = httpUrl(job.url) ?? httpUrl(job.shortlink);
  if (!url) return { skip: `url: not an absolute http(s) URL (${JSON.stringify(job.url ?? job.shortlink ?? null)})` };
  // telecommuting true is a remote job. False says only "not fully remote" (on-site or hybrid),
  // so it states nothing and classify reads the text.
  const facts = stated(job.telecommuting === true ? 'remote' : undefined, undefined);
  return {
    listing: {
      board,
      externalId: id,
      url,
      title,
      company,
      location: location(job),
      salaryText: null,
      tags: normalizeTags([job.department, job.employment_type]),
      descriptionHtml: cleanHtml(job.description),
      postedAt: parseDate(job.published_on) ?? parseDate(job.created_at),
      ...(facts ? { stated: facts } : {}),
    },
  };
}

/** Parse a Workable account's widget response. Throws ParseError when it is not that JSON object. */
export function parseWorkable(body: string, sourceUrl: string): AtsParseResult {
  const data = parseJsonBody(body, NAME);
  if (!isRecord(data) || !Array.isArray(data.jobs)) wrongShape(NAME, 'an object with a "jobs" array', data);
  const companyName = typeof data.name === 'string' ? cleanText(data.name, FIELD_LIMITS.company) : null;
  const board = listingBoard('workable', sourceUrl);
  return { ...parseJobs(data.jobs, jobSchema, (job) => toListing(job, board, companyName), ['shortcode', 'url']), companyName };
}
