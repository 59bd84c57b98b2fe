// Reads the real hiring-system captures (../shared/fixtures/ats: Greenhouse, Lever, Ashby and
// Workable API answers, and job pages with schema.org JobPosting JSON-LD) and maps each job to
// a ClassifyInput the way a hiring-system scraper does: title, location, description HTML to
// text, and the structured fields the system states (a salary range, a workplace type) passed
// as `stated`, because those beat anything read from the text.

import type { SalaryPeriod } from '../vocabulary';
import type { RawListing } from '../../scrapers/types';
import { decodeEntities, htmlToText } from '../text';
import type { ClassifyInput } from './types';

export const ATS_FILES = [
  'greenhouse-1.json',
  'greenhouse-2.json',
  'greenhouse-3.json',
  'lever-1.json',
  'lever-2.json',
  'ashby-1.json',
  'ashby-2.json',
  'workable-1.json',
  'jsonld-1.html',
  'jsonld-2.html',
  'jsonld-3.html',
  'jsonld-4.html',
] as const;
export type AtsFile = (typeof ATS_FILES)[number];

type Json = Record<string, unknown>;
type Stated = NonNullable<RawListing['stated']>;
const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const arr = (value: unknown): Json[] => (Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Json[]) : []);
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const joinPlaces = (places: string[]): string | null => {
  const unique = [...new Set(places.map((p) => p.trim()).filter(Boolean))];
  return unique.length ? unique.join(' / ') : null;
};

/** "Remote" | "Hybrid" | "OnSite" | "on-site" ... as each system spells its workplace type. */
function workplace(value: unknown): Stated['remote'] | undefined {
  const v = str(value).toLowerCase().replace(/[^a-z]/g, '');
  if (v === 'remote') return 'remote';
  if (v === 'hybrid') return 'hybrid';
  if (v === 'onsite' || v === 'inoffice' || v === 'office') return 'onsite';
  return undefined;
}

/** Lever "per-year-salary", Ashby "1 YEAR", schema.org "YEAR"/"HOUR" -> a period. */
function period(value: unknown): SalaryPeriod | null {
  const v = str(value).toLowerCase();
  if (v.includes('year') || v.includes('annual')) return 'year';
  if (v.includes('month')) return 'month';
  if (v.includes('week')) return 'week';
  if (v.includes('day')) return 'day';
  if (v.includes('hour')) return 'hour';
  return null;
}

function withStated(input: Omit<ClassifyInput, 'stated'>, stated: Stated): ClassifyInput {
  const clean = Object.fromEntries(Object.entries(stated).filter(([, v]) => v !== undefined)) as Stated;
  return Object.keys(clean).length ? { ...input, stated: clean } : input;
}

function greenhouse(json: unknown): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  for (const job of arr(obj(json).jobs)) {
    const meta = arr(job.metadata).find((m) => str(m.name).toLowerCase() === 'workplace type');
    out.set(String(job.id), withStated(
      {
        title: str(job.title),
        tags: arr(job.departments).map((d) => str(d.name)).filter(Boolean),
        // The API serves `content` entity-encoded: decode once to HTML, then to text.
        descriptionText: htmlToText(decodeEntities(str(job.content))),
        location: str(obj(job.location).name) || null,
        salaryText: null,
      },
      { remote: workplace(meta?.value) },
    ));
  }
  return out;
}

function lever(json: unknown): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  for (const job of arr(json)) {
    const categories = obj(job.categories);
    const lists = arr(job.lists).map((l) => `<h3>${str(l.text)}</h3><ul>${str(l.content)}</ul>`).join('');
    const html = [str(job.description), lists, str(job.additional), str(job.salaryDescription)].join('\n');
    const range = obj(job.salaryRange);
    const min = num(range.min);
    const max = num(range.max);
    const places = Array.isArray(categories.allLocations) ? (categories.allLocations as unknown[]).map(str) : [str(categories.location)];
    out.set(str(job.id), withStated(
      {
        title: str(job.text),
        tags: [str(categories.team), str(categories.department)].filter(Boolean),
        descriptionText: htmlToText(html),
        location: joinPlaces(places),
        salaryText: null,
      },
      {
        remote: workplace(job.workplaceType),
        salary: min !== null || max !== null ? { min, max, currency: str(range.currency) || null, period: period(range.interval) } : undefined,
      },
    ));
  }
  return out;
}

function ashby(json: unknown): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  for (const job of arr(obj(json).jobs)) {
    const pay = arr(obj(job.compensation).summaryComponents).find((c) => str(c.compensationType) === 'Salary');
    const places = [str(job.location), ...arr(job.secondaryLocations).map((l) => str(l.location))];
    out.set(str(job.id), withStated(
      {
        title: str(job.title),
        tags: [str(job.department), str(job.team)].filter(Boolean),
        descriptionText: htmlToText(str(job.descriptionHtml)),
        location: joinPlaces(places),
        salaryText: null,
      },
      {
        remote: workplace(job.workplaceType),
        salary: pay ? { min: num(pay.minValue), max: num(pay.maxValue), currency: str(pay.currencyCode) || null, period: period(pay.interval) } : undefined,
      },
    ));
  }
  return out;
}

// Workable's LinkedIn-style experience levels; "Mid-Senior level" names no single level.
const WORKABLE_LEVELS: Record<string, Stated['seniority']> = {
  internship: 'intern',
  'entry level': 'junior',
  director: 'lead',
  executive: 'lead',
};

function workable(json: unknown): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  for (const job of arr(obj(json).jobs)) {
    out.set(str(job.shortcode), withStated(
      {
        title: str(job.title),
        tags: [str(job.department)].filter(Boolean),
        descriptionText: htmlToText(str(job.description)),
        location: joinPlaces([[str(job.city), str(job.state), str(job.country)].filter(Boolean).join(', ')]),
        salaryText: null,
      },
      {
        // `telecommuting: false` says only that the job is not fully remote.
        remote: job.telecommuting === true ? 'remote' : undefined,
        seniority: WORKABLE_LEVELS[str(job.experience).toLowerCase()],
      },
    ));
  }
  return out;
}

const LD_JSON = /<script[^>]*type=["']application\/ld\+json["'][^>]*>([\s\S]*?)<\/script>/gi;

function jobPostings(html: string): Json[] {
  const found: Json[] = [];
  for (const m of html.matchAll(LD_JSON)) {
    let doc: unknown;
    try {
      doc = JSON.parse(m[1]!.trim());
    } catch {
      continue;
    }
    const nodes = Array.isArray(doc) ? doc : [doc, ...arr(obj(doc)['@graph'])];
    for (const node of nodes) if (str(obj(node)['@type']) === 'JobPosting') found.push(obj(node));
  }
  return found;
}

function place(location: unknown): string {
  const address = obj(obj(location).address);
  return [str(address.addressLocality), str(address.addressRegion), str(address.addressCountry)].filter(Boolean).join(', ');
}

function jsonLd(html: string): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  jobPostings(html.replace(/^\uFEFF/, '')).forEach((job, index) => {
    const locations = Array.isArray(job.jobLocation) ? (job.jobLocation as unknown[]) : [job.jobLocation];
    const salary = obj(job.baseSalary);
    const value = obj(salary.value);
    const min = num(value.minValue) ?? num(value.value);
    const max = num(value.maxValue) ?? num(value.value);
    let description = str(job.description);
    // Some pages entity-escape the HTML inside the JSON ("&lt;strong&gt;").
    if (description.indexOf('<') === -1 && description.indexOf('&lt;') !== -1) description = decodeEntities(description);
    out.set(String(index), withStated(
      {
        title: decodeEntities(str(job.title)),
        tags: [],
        descriptionText: htmlToText(description),
        location: joinPlaces(locations.map(place)),
        salaryText: null,
      },
      {
        remote: str(job.jobLocationType).toUpperCase() === 'TELECOMMUTE' ? 'remote' : undefined,
        salary: min !== null || max !== null ? { min, max, currency: str(salary.currency) || null, period: period(value.unitText) } : undefined,
      },
    ));
  });
  return out;
}

/** Every job of one hiring-system capture as classify input, keyed by the system's job id. */
export function atsInputs(file: AtsFile, text: string): Map<string, ClassifyInput> {
  if (file.endsWith('.html')) return jsonLd(text);
  const json: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  if (file.startsWith('greenhouse')) return greenhouse(json);
  if (file.startsWith('lever')) return lever(json);
  if (file.startsWith('ashby')) return ashby(json);
  return workable(json);
}
