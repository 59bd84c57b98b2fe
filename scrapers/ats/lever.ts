import { z } from 'zod';
import { cleanHtml, cleanText, FIELD_LIMITS, httpUrl, isRecord, normalizeTags, numberish, parseDate, parseJsonBody, wrongShape, type MapOutcome } from '../formats';
import type { SalaryPeriod } from '../types';
import { joinLocations, listingBoard, missing, parseJobs, stated, statedSalary, workplace, type AtsParseResult } from './common';
import type { HiringSystem } from './systems';

// Lever postings API: GET /v0/postings/{site}?mode=json answers a JSON array of postings (an
// unknown site answers {"ok": false, "error": "Document not found"}). The page a candidate sees
// is `description` (opening + body), then each of `lists` as a heading and items, then
// `additional`; the description here is put together the same way. Lever states no company name.

const NAME = 'Lever';
/** Lists per posting kept (real postings have two to five). */
const MAX_LISTS = 50;

const jobSchema = z.object({
  id: z.string().nullish(),
  text: z.string().nullish(),
  hostedUrl: z.string().nullish(),
  categories: z
    .object({
      location: z.string().nullish(),
      allLocations: z.array(z.string().nullish()).nullish().catch(null),
      team: z.string().nullish(),
      department: z.string().nullish(),
      commitment: z.string().nullish(),
    })
    .nullish()
    .catch(null),
  createdAt: numberish.nullish().catch(null),
  workplaceType: z.string().nullish(),
  salaryRange: z
    .object({ min: numberish.nullish(), max: numberish.nullish(), currency: z.string().nullish(), interval: z.string().nullish() })
    .nullish()
    .catch(null),
  description: z.string().nullish(),
  opening: z.string().nullish(),
  descriptionBody: z.string().nullish(),
  lists: z.array(z.object({ text: z.string().nullish(), content: z.string().nullish() })).nullish().catch(null),
  additional: z.string().nullish(),
  salaryDescription: z.string().nullish(),
});
type Job = z.output<typeof jobSchema>;

/** Lever's salary intervals ("per-year-salary", "per-hour-wage", …) as our periods; "one-time" has none. */
const INTERVALS: Readonly<Record<string, SalaryPeriod>> = {
  'per-year-salary': 'year',
  'per-month-salary': 'month',
  'per-week-salary': 'week',
  'per-day-wage': 'day',
  'per-day-salary': 'day',
  'per-hour-wage': 'hour',
  'per-hour-salary': 'hour',
};

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function descriptionHtml(job: Job): string {
  const parts = [job.description || [job.opening, job.descriptionBody].filter(Boolean).join('\n')];
  for (const list of (job.lists ?? []).slice(0, MAX_LISTS)) {
    const heading = cleanText(list.text);
    if (heading) parts.push(`<h3>${escapeText(heading)}</h3>`);
    if (list.content) parts.push(`<ul>${list.content}</ul>`);
  }
  parts.push(job.additional ?? '', job.salaryDescription ?? '');
  return cleanHtml(parts.filter(Boolean).join('\n'));
}

function toListing(job: Job, board: string): MapOutcome {
  const id = job.id?.trim();
  if (!id) return missing('id', job.id);
  const title = cleanText(job.text, FIELD_LIMITS.title);
  if (!title) return missing('text', job.text);
  const url = httpUrl(job.hostedUrl);
  if (!url) return { skip: `hostedUrl: not an absolute http(s) URL (${JSON.stringify(job.hostedUrl ?? null)})` };
  const categories = job.categories ?? {};
  const range = job.salaryRange;
  const salary = range ? statedSalary(range.min, range.max, range.currency, INTERVALS[range.interval?.trim().toLowerCase() ?? ''] ?? null) : undefined;
  // workplaceType is remote, hybrid, onsite or "unspecified" (then classify reads the text).
  const facts = stated(workplace(job.workplaceType), salary);
  return {
    listing: {
      board,
      externalId: id,
      url,
      title,
      company: null,
      location: joinLocations([categories.location, ...(categories.allLocations ?? [])]),
      salaryText: null,
      tags: normalizeTags([categories.department, categories.team, categories.commitment]),
      descriptionHtml: descriptionHtml(job),
      // createdAt is epoch milliseconds.
      postedAt: parseDate(job.createdAt),
      ...(facts ? { stated: facts } : {}),
    },
  };
}

/** Parse a Lever site's postings (api.lever.co or api.eu.lever.co). Throws ParseError when it is not that JSON array. */
export function parseLever(body: string, sourceUrl: string, system: Extract<HiringSystem, 'lever' | 'lever-eu'> = 'lever'): AtsParseResult {
  const data = parseJsonBody(body, NAME);
  if (!Array.isArray(data)) {
    if (isRecord(data) && typeof data.error === 'string') wrongShape(NAME, `an array of postings (Lever says: ${cleanText(data.error, 120)})`, data);
    wrongShape(NAME, 'an array of postings', data);
  }
  const board = listingBoard(system, sourceUrl);
  return { ...parseJobs(data, jobSchema, (job) => toListing(job, board), ['id', 'hostedUrl']), companyName: null };
}
