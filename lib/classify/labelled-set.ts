// Reads the real board captures (../shared/fixtures/boards, never copied into the project) and
// maps each item to a ClassifyInput, so labels.json can hold labels only. The mapping keeps to
// what each board says in text: no structured board facts (`stated`) are passed, because some of
// them (Himalayas seniority and salary) are the labels, and the point is to measure inference.

import { ATS_FILES, atsInputs, type AtsFile } from './ats-set';
import type { ClassifyInput } from './types';
import { decodeEntities, htmlToText } from '../text';

export const CAPTURE_FILES = [
  'wwr-1.rss',
  'remoteok-1.json',
  'remotive-1.json',
  'pythonorg-1.rss',
  'himalayas-1.json',
  'arbeitnow-1.json',
  'hn-1.json',
  'hn-2.json',
] as const;
export type CaptureFile = (typeof CAPTURE_FILES)[number];

/** A capture a label points at: a board capture, or a hiring-system one under "ats/". */
export type LabelFile = CaptureFile | `ats/${AtsFile}`;
export const LABEL_FILES: readonly LabelFile[] = [...CAPTURE_FILES, ...ATS_FILES.map((f) => `ats/${f}` as const)];

/**
 * Reads a capture by its path under ../shared/fixtures/boards (tests pass readSharedCapture),
 * so a hiring-system capture is read as "../ats/<file>".
 */
export type ReadCapture = (file: string) => string;

const RSS_ITEM = /<item\b[^>]*>([\s\S]*?)<\/item>/g;
const CDATA = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/;
const rssFieldPatterns = new Map<string, RegExp>();

function rssField(item: string, name: string): string | null {
  let re = rssFieldPatterns.get(name);
  if (!re) {
    re = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`);
    rssFieldPatterns.set(name, re);
  }
  const m = re.exec(item);
  if (!m) return null;
  const raw = m[1] ?? '';
  const cdata = CDATA.exec(raw);
  return cdata ? (cdata[1] ?? '') : decodeEntities(raw);
}

function rssItems(xml: string): string[] {
  return [...xml.matchAll(RSS_ITEM)].map((m) => m[1] ?? '');
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const strOrNull = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
type Json = Record<string, unknown>;

function parseJson(text: string): unknown {
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

/** Hacker News "Who is hiring" comments: the first line ("Company | Role | Place | Pay") is the title. */
export function hnCommentToInput(html: string): ClassifyInput {
  const cut = html.search(/<p>|\n/);
  const head = cut === -1 ? html : html.slice(0, cut);
  const rest = cut === -1 ? '' : html.slice(cut);
  return { title: htmlToText(head), tags: [], descriptionText: htmlToText(rest), location: null, salaryText: null };
}

function wwr(xml: string): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  rssItems(xml).forEach((item, index) => {
    // "Company: Job title"
    const title = rssField(item, 'title') ?? '';
    const colon = title.indexOf(': ');
    out.set(String(index), {
      title: colon === -1 ? title : title.slice(colon + 2),
      tags: [],
      descriptionText: htmlToText(rssField(item, 'description') ?? ''),
      location: strOrNull(rssField(item, 'region')),
      salaryText: null,
    });
  });
  return out;
}

function pythonOrg(xml: string): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  rssItems(xml).forEach((item, index) => {
    // "Job title, Company" and a description whose first line is the location.
    const title = rssField(item, 'title') ?? '';
    const comma = title.lastIndexOf(', ');
    const description = rssField(item, 'description') ?? '';
    const newline = description.indexOf('\n');
    out.set(String(index), {
      title: comma === -1 ? title : title.slice(0, comma),
      tags: [],
      descriptionText: htmlToText(newline === -1 ? description : description.slice(newline + 1)),
      location: strOrNull(newline === -1 ? '' : description.slice(0, newline).trim()),
      salaryText: null,
    });
  });
  return out;
}

function remoteOk(json: unknown): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  for (const job of (json as Json[]).slice(1)) {
    out.set(str(job.id), {
      title: str(job.position),
      tags: strings(job.tags),
      descriptionText: htmlToText(str(job.description)),
      location: strOrNull(job.location),
      salaryText: null,
    });
  }
  return out;
}

function remotive(json: unknown): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  for (const job of (json as { jobs: Json[] }).jobs) {
    out.set(String(job.id), {
      title: str(job.title),
      tags: strings(job.tags),
      descriptionText: htmlToText(str(job.description)),
      location: strOrNull(job.candidate_required_location),
      salaryText: strOrNull(job.salary),
    });
  }
  return out;
}

function himalayas(json: unknown): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  (json as { jobs: Json[] }).jobs.forEach((job, index) => {
    out.set(String(index), {
      title: str(job.title).trim(),
      tags: strings(job.categories),
      descriptionText: htmlToText(str(job.description)),
      location: strOrNull(strings(job.locationRestrictions).join(', ')),
      salaryText: null,
    });
  });
  return out;
}

function arbeitnow(json: unknown): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  for (const job of (json as { data: Json[] }).data) {
    out.set(str(job.slug), {
      title: str(job.title),
      tags: strings(job.tags),
      descriptionText: htmlToText(str(job.description)),
      location: strOrNull(job.location),
      salaryText: null,
    });
  }
  return out;
}

function hn1(json: unknown): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  for (const c of (json as { comments: Json[] }).comments) {
    const text = str(c.text);
    if (text) out.set(String(c.id), hnCommentToInput(text));
  }
  return out;
}

function hn2(json: unknown): Map<string, ClassifyInput> {
  const out = new Map<string, ClassifyInput>();
  for (const t of (json as { test_cases: { id: string; comment?: { content?: string } }[] }).test_cases) {
    out.set(t.id, hnCommentToInput(t.comment?.content ?? ''));
  }
  return out;
}

/** Every item of one capture as classify input, keyed by the item key labels.json uses. */
export function captureInputs(file: CaptureFile, read: ReadCapture): Map<string, ClassifyInput> {
  const text = read(file);
  switch (file) {
    case 'wwr-1.rss':
      return wwr(text);
    case 'pythonorg-1.rss':
      return pythonOrg(text);
    case 'remoteok-1.json':
      return remoteOk(parseJson(text));
    case 'remotive-1.json':
      return remotive(parseJson(text));
    case 'himalayas-1.json':
      return himalayas(parseJson(text));
    case 'arbeitnow-1.json':
      return arbeitnow(parseJson(text));
    case 'hn-1.json':
      return hn1(parseJson(text));
    case 'hn-2.json':
      return hn2(parseJson(text));
  }
}

/** Every item of any labelled capture (board or hiring system) as classify input. */
export function labelInputs(file: LabelFile, read: ReadCapture): Map<string, ClassifyInput> {
  if (file.startsWith('ats/')) {
    const name = file.slice('ats/'.length) as AtsFile;
    return atsInputs(name, read(`../ats/${name}`));
  }
  return captureInputs(file as CaptureFile, read);
}
