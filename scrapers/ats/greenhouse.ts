import { z } from 'zod';
import { decodeEntities } from '../../lib/text';
import { cleanHtml, cleanText, FIELD_LIMITS, httpUrl, idish, isRecord, normalizeTags, parseDate, parseJsonBody, wrongShape, type MapOutcome } from '../formats';
import { joinLocations, listingBoard, missing, parseJobs, stated, workplace, type AtsParseResult } from './common';

// Greenhouse job board API: GET /v1/boards/{token}/jobs?content=true answers
// {"jobs": [...], "meta": {"total": n}}. `content` is the description as entity-encoded HTML
// ("&lt;p&gt;"), decoded once here with lib/text's decodeEntities (the full HTML5 table: the
// HTML inside may use any named reference); without ?content=true (the list shape) it is absent.
// `absolute_url` may point at the company's own site (stripe.com/jobs/search?gh_jid=…).

const NAME = 'Greenhouse';

const named = z.object({ name: z.string().nullish() });
const jobSchema = z.object({
  id: idish.nullish(),
  title: z.string().nullish(),
  absolute_url: z.string().nullish(),
  company_name: z.string().nullish(),
  location: named.nullish(),
  offices: z.array(named).nullish().catch(null),
  departments: z.array(named).nullish().catch(null),
  // Custom fields; some boards keep a "Workplace Type" among them.
  metadata: z.array(z.object({ name: z.string().nullish(), value: z.unknown() })).nullish().catch(null),
  content: z.string().nullish(),
  first_published: z.string().nullish(),
  updated_at: z.string().nullish(),
});
type Job = z.output<typeof jobSchema>;

function workplaceFromMetadata(job: Job): 'remote' | 'hybrid' | 'onsite' | undefined {
  const field = job.metadata?.find((entry) => typeof entry.name === 'string' && /^\s*workplace\s*type\s*$/i.test(entry.name));
  return typeof field?.value === 'string' ? workplace(field.value) : undefined;
}

function toListing(job: Job, board: string): MapOutcome {
  const id = job.id?.trim();
  if (!id) return missing('id', job.id);
  const title = cleanText(job.title, FIELD_LIMITS.title);
  if (!title) return missing('title', job.title);
  const url = httpUrl(job.absolute_url);
  if (!url) return { skip: `absolute_url: not an absolute http(s) URL (${JSON.stringify(job.absolute_url ?? null)})` };
  const facts = stated(workplaceFromMetadata(job), undefined);
  return {
    listing: {
      board,
      externalId: id,
      url,
      title,
      company: cleanText(job.company_name, FIELD_LIMITS.company),
      // location.name is what the board shows; offices only when it is missing.
      location: cleanText(job.location?.name, FIELD_LIMITS.location) ?? joinLocations((job.offices ?? []).map((office) => office.name)),
      salaryText: null,
      tags: normalizeTags((job.departments ?? []).map((department) => department.name)),
      descriptionHtml: cleanHtml(job.content == null ? null : decodeEntities(job.content)),
      postedAt: parseDate(job.first_published) ?? parseDate(job.updated_at),
      ...(facts ? { stated: facts } : {}),
    },
  };
}

/** Parse a Greenhouse board's jobs response. Throws ParseError when it is not that JSON object. */
export function parseGreenhouse(body: string, sourceUrl: string): AtsParseResult {
  const data = parseJsonBody(body, NAME);
  if (!isRecord(data) || !Array.isArray(data.jobs)) wrongShape(NAME, 'an object with a "jobs" array', data);
  const board = listingBoard('greenhouse', sourceUrl);
  const result = parseJobs(data.jobs, jobSchema, (job) => toListing(job, board), ['id', 'absolute_url']);
  // Every job names the company the same way; the first that says it is enough.
  const companyName = result.items.find((item) => item.company)?.company ?? null;
  return { ...result, companyName };
}
