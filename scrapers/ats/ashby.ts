import { z } from 'zod';
import { cleanHtml, cleanText, FIELD_LIMITS, httpUrl, isRecord, normalizeTags, numberish, parseDate, parseJsonBody, wrongShape, type MapOutcome } from '../formats';
import type { SalaryPeriod, StatedSalary } from '../types';
import { joinLocations, listingBoard, missing, parseJobs, stated, statedSalary, workplace, type AtsParseResult } from './common';

// Ashby posting API: GET /posting-api/job-board/{name}?includeCompensation=true answers
// {"apiVersion": "1", "jobs": [...]}. With includeCompensation each job has `compensation`,
// whose Salary component (summaryComponents, else the first tier's components) is the stated
// salary. Ashby states no company name.

const NAME = 'Ashby';

const component = z.object({
  compensationType: z.string().nullish(),
  interval: z.string().nullish(),
  currencyCode: z.string().nullish(),
  minValue: numberish.nullish().catch(null),
  maxValue: numberish.nullish().catch(null),
});
type Component = z.output<typeof component>;

const jobSchema = z.object({
  id: z.string().nullish(),
  title: z.string().nullish(),
  jobUrl: z.string().nullish(),
  department: z.string().nullish(),
  team: z.string().nullish(),
  employmentType: z.string().nullish(),
  location: z.string().nullish(),
  secondaryLocations: z.array(z.object({ location: z.string().nullish() })).nullish().catch(null),
  publishedAt: z.string().nullish(),
  isListed: z.boolean().nullish(),
  isRemote: z.boolean().nullish(),
  workplaceType: z.string().nullish(),
  descriptionHtml: z.string().nullish(),
  compensation: z
    .object({
      scrapeableCompensationSalarySummary: z.string().nullish(),
      compensationTierSummary: z.string().nullish(),
      summaryComponents: z.array(component).nullish().catch(null),
      compensationTiers: z.array(z.object({ components: z.array(component).nullish().catch(null) })).nullish().catch(null),
    })
    .nullish()
    .catch(null),
});
type Job = z.output<typeof jobSchema>;

/** Ashby intervals ("1 YEAR", "1 MONTH", "1 HOUR", …); any other count or unit has no period of ours. */
function period(interval: string | null | undefined): SalaryPeriod | null {
  const match = /^\s*1\s+(YEAR|MONTH|WEEK|DAY|HOUR)\s*$/i.exec(interval ?? '');
  return match ? (match[1]!.toLowerCase() as SalaryPeriod) : null;
}

function salary(job: Job): StatedSalary | undefined {
  const compensation = job.compensation;
  if (!compensation) return undefined;
  const candidates: Component[] = [...(compensation.summaryComponents ?? []), ...(compensation.compensationTiers?.[0]?.components ?? [])];
  for (const part of candidates) {
    if (part.compensationType?.toLowerCase() !== 'salary') continue;
    const found = statedSalary(part.minValue, part.maxValue, part.currencyCode, period(part.interval));
    if (found) return found;
  }
  return undefined;
}

/** "FullTime" -> "full-time", "PartTime" -> "part-time", "Intern" -> "intern". */
function employment(value: string | null | undefined): string | null {
  return value ? value.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase() : null;
}

/**
 * workplaceType is the arrangement the company chose for the posting (Remote, Hybrid, OnSite).
 * isRemote is also true when only some locations are remote: Ramp's jobs are "Hybrid" at the New
 * York HQ with isRemote true and "Remote (US)" among the secondary locations. So workplaceType
 * wins (hybrid, the narrower claim; the remote locations stay visible in `location`), and isRemote
 * counts only when workplaceType is missing.
 */
function remote(job: Job): 'remote' | 'hybrid' | 'onsite' | undefined {
  return workplace(job.workplaceType) ?? (job.isRemote === true ? 'remote' : undefined);
}

function toListing(job: Job, board: string): MapOutcome {
  const id = job.id?.trim();
  if (!id) return missing('id', job.id);
  if (job.isListed === false) return { skip: 'isListed: false (an unlisted posting)' };
  const title = cleanText(job.title, FIELD_LIMITS.title);
  if (!title) return missing('title', job.title);
  const url = httpUrl(job.jobUrl);
  if (!url) return { skip: `jobUrl: not an absolute http(s) URL (${JSON.stringify(job.jobUrl ?? null)})` };
  const facts = stated(remote(job), salary(job));
  return {
    listing: {
      board,
      externalId: id,
      url,
      title,
      company: null,
      location: joinLocations([job.location, ...(job.secondaryLocations ?? []).map((entry) => entry.location)]),
      salaryText: cleanText(job.compensation?.scrapeableCompensationSalarySummary ?? job.compensation?.compensationTierSummary, FIELD_LIMITS.salaryText),
      tags: normalizeTags([job.department, job.team, employment(job.employmentType)]),
      descriptionHtml: cleanHtml(job.descriptionHtml),
      postedAt: parseDate(job.publishedAt),
      ...(facts ? { stated: facts } : {}),
    },
  };
}

/** Parse an Ashby job board response. Throws ParseError when it is not that JSON object. */
export function parseAshby(body: string, sourceUrl: string): AtsParseResult {
  const data = parseJsonBody(body, NAME);
  if (!isRecord(data) || !Array.isArray(data.jobs)) wrongShape(NAME, 'an object with a "jobs" array', data);
  const board = listingBoard('ashby', sourceUrl);
  return { ...parseJobs(data.jobs, jobSchema, (job) => toListing(job, board), ['id', 'jobUrl']), companyName: null };
}
