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
  numberish,
  parseDate,
  parseElements,
  parseJsonBody,
  salaryBounds,
  wrongShape,
  type MapOutcome,
} from '../formats';
import type { ParseResult, StatedSalary } from '../types';

// Remote OK's API (https://remoteok.com/api) is a JSON array: element [0] is the legal
// notice, the rest are jobs. Its terms ask us to link to the listing on remoteok.com (the
// `url` field, never `apply_url`) and to name Remote OK as the source.

export const BOARD_ID = 'remoteok';
const NAME = 'Remote OK';

const jobSchema = z.object({
  id: idish.nullish(),
  slug: z.string().nullish(),
  epoch: numberish.nullish(),
  date: z.string().nullish(),
  company: z.string().nullish(),
  position: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  description: z.string().nullish(),
  location: z.string().nullish(),
  salary_min: numberish.nullish(),
  salary_max: numberish.nullish(),
  url: z.string().nullish(),
});
type Job = z.output<typeof jobSchema>;

/** The legal notice: an element with `legal` text and no job id. */
function isLegalNotice(element: unknown): boolean {
  return isRecord(element) && 'legal' in element && element.id == null && element.position == null;
}

const REMOTEOK_HOST = /(^|\.)remoteok\.(com|io)$/i;

/** The posting's page on Remote OK: the `url` field, else one built from the slug. */
function listingUrl(job: Job): string | null {
  const given = httpUrl(job.url);
  if (given && REMOTEOK_HOST.test(new URL(given).hostname)) return given;
  const slug = job.slug?.trim();
  if (slug && /^[\w-]+$/.test(slug)) return `https://remoteok.com/remote-jobs/${slug}`;
  return null;
}

/**
 * salary_min/salary_max are yearly USD on Remote OK's form, 0 meaning "not given". Some
 * employers type an hourly rate instead (25-27, 80-140): no yearly salary is below 1,000,
 * so such figures are stated per hour rather than as an impossible annual amount.
 */
function statedSalary(job: Job): StatedSalary | undefined {
  const bounds = salaryBounds(job.salary_min, job.salary_max);
  if (!bounds) return undefined;
  const top = bounds.max ?? bounds.min ?? 0;
  return { ...bounds, currency: 'USD', period: top < 1000 ? 'hour' : 'year' };
}

function toListing(job: Job): MapOutcome {
  const title = cleanText(job.position, FIELD_LIMITS.title);
  if (!title) return { skip: 'position: missing or empty (no title)' };
  const url = listingUrl(job);
  if (!url) return { skip: `url: no usable remoteok.com listing URL (url ${JSON.stringify(job.url ?? null)}, slug ${JSON.stringify(job.slug ?? null)})` };
  const salary = statedSalary(job);
  return {
    listing: {
      board: BOARD_ID,
      externalId: job.id?.trim() || job.slug?.trim() || url,
      url,
      title,
      company: cleanText(job.company, FIELD_LIMITS.company),
      location: cleanText(job.location, FIELD_LIMITS.location),
      salaryText: null,
      tags: normalizeTags(job.tags ?? []),
      descriptionHtml: cleanHtml(job.description),
      postedAt: parseDate(job.epoch) ?? parseDate(job.date),
      stated: { remote: 'remote', ...(salary ? { salary } : {}) },
    },
  };
}

/** Parse Remote OK's API response. Throws ParseError when the body is not its JSON array. */
export function parseRemoteOk(body: string): ParseResult {
  const data = parseJsonBody(body, NAME);
  if (!Array.isArray(data)) wrongShape(NAME, 'a JSON array (legal notice, then jobs)', data);
  if (data.length === 0) wrongShape(NAME, 'a JSON array starting with the legal notice', data);
  return parseElements({
    elements: data,
    schema: jobSchema,
    map: (job) => toListing(job),
    ref: (element, index) => elementRef(element, index, ['id', 'slug']),
    ignore: (element) => isLegalNotice(element),
  });
}
