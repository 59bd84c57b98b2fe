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
  salaryBounds,
  wrongShape,
  type MapOutcome,
} from '../formats';
import type { ParseResult, RawListing, StatedSalary } from '../types';

// Himalayas' API (https://himalayas.app/jobs/api?limit=20) answers
// {updatedAt, offset, limit, totalCount, jobs: [...]}, newest first. Every job is remote;
// locationRestrictions lists the countries it is open to. Structured seniority and salary
// are stated facts.

export const BOARD_ID = 'himalayas';
const NAME = 'Himalayas';

const stringList = z.array(z.string());

const jobSchema = z.object({
  guid: z.string().nullish(),
  applicationLink: z.string().nullish(),
  title: z.string().nullish(),
  companyName: z.string().nullish(),
  employmentType: z.string().nullish(),
  minSalary: numberish.nullish(),
  maxSalary: numberish.nullish(),
  currency: z.string().nullish(),
  seniority: stringList.nullish(),
  locationRestrictions: stringList.nullish(),
  categories: stringList.nullish(),
  skills: stringList.nullish(),
  description: z.string().nullish(),
  excerpt: z.string().nullish(),
  pubDate: z.union([numberish, z.string()]).nullish(),
});
type Job = z.output<typeof jobSchema>;

type Seniority = NonNullable<NonNullable<RawListing['stated']>['seniority']>;
const SENIORITY_RANK: readonly Seniority[] = ['intern', 'junior', 'mid', 'senior', 'lead'];

/** Himalayas' seniority labels ("Entry-level", "Mid-level", "Senior", "Manager", "Executive") on our scale. */
export function mapSeniority(label: string): Seniority | null {
  const value = label.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  if (/\bintern(ship)?\b/.test(value)) return 'intern';
  if (/\b(entry|junior|graduate|trainee)\b/.test(value)) return 'junior';
  if (/\b(mid|intermediate)\b/.test(value)) return 'mid';
  if (/\b(senior|staff|principal|expert)\b/.test(value)) return 'senior';
  if (/\b(lead|manager|director|head|executive|vp|vice|chief)\b/.test(value)) return 'lead';
  return null;
}

/**
 * A job open to several levels (["Entry-level", "Mid-level"]) is stated at the lowest one:
 * that is the least experience the employer will consider.
 */
function statedSeniority(labels: readonly string[]): Seniority | undefined {
  const ranks = labels.map(mapSeniority).filter((level): level is Seniority => level !== null).map((level) => SENIORITY_RANK.indexOf(level));
  return ranks.length ? SENIORITY_RANK[Math.min(...ranks)] : undefined;
}

function statedSalary(job: Job): StatedSalary | undefined {
  const bounds = salaryBounds(job.minSalary, job.maxSalary);
  if (!bounds) return undefined;
  const currency = job.currency?.trim().toUpperCase();
  return { ...bounds, currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : null, period: 'year' };
}

/** Countries joined with ", "; a long list is cut to fit ingestion's limit, saying how many were left out. */
function joinLocations(values: readonly string[]): string | null {
  const names = values.map((value) => cleanText(value)).filter((name): name is string => name !== null);
  if (!names.length) return null;
  const all = names.join(', ');
  if (all.length <= FIELD_LIMITS.location) return all;
  const kept: string[] = [];
  for (const name of names) {
    const suffix = ` (+${names.length - kept.length - 1} more)`;
    if ([...kept, name].join(', ').length + suffix.length > FIELD_LIMITS.location) break;
    kept.push(name);
  }
  return `${kept.join(', ')} (+${names.length - kept.length} more)`;
}

/** Category slugs ("Full-Stack-Engineer") as tag words ("full stack engineer"). */
function slugWords(value: string): string {
  return value.replace(/-/g, ' ');
}

function toListing(job: Job): MapOutcome {
  const title = cleanText(job.title, FIELD_LIMITS.title);
  if (!title) return { skip: 'title: missing or empty' };
  const url = httpUrl(job.guid) ?? httpUrl(job.applicationLink);
  if (!url) return { skip: `guid/applicationLink: no absolute http(s) URL (${JSON.stringify(job.guid ?? job.applicationLink ?? null)})` };
  const salary = statedSalary(job);
  const seniority = statedSeniority(job.seniority ?? []);
  const employment = job.employmentType ? job.employmentType.trim().replace(/\s+/g, '-') : null;
  return {
    listing: {
      board: BOARD_ID,
      externalId: job.guid?.trim() || url,
      url,
      title,
      company: cleanText(job.companyName, FIELD_LIMITS.company),
      location: joinLocations(job.locationRestrictions ?? []),
      salaryText: null,
      tags: normalizeTags([employment, ...(job.categories ?? []).map(slugWords), ...(job.skills ?? []).map(slugWords)]),
      descriptionHtml: cleanHtml(job.description ?? job.excerpt),
      postedAt: parseDate(job.pubDate),
      stated: { remote: 'remote', ...(salary ? { salary } : {}), ...(seniority ? { seniority } : {}) },
    },
  };
}

/** Parse one page of Himalayas' API. Throws ParseError when the body is not its JSON object with a jobs array. */
export function parseHimalayas(body: string): ParseResult {
  const data = parseJsonBody(body, NAME);
  if (!isRecord(data) || !Array.isArray(data.jobs)) wrongShape(NAME, 'an object with a "jobs" array', data);
  return parseElements({
    elements: data.jobs,
    schema: jobSchema,
    map: (job) => toListing(job),
    ref: (element, index) => elementRef(element, index, ['guid', 'applicationLink']),
  });
}
