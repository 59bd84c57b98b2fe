import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAS_SHARED_CAPTURES, readSharedCapture } from '../test/support/shared-captures';

// Realistic synthetic listings for benchmarks: real titles, companies, descriptions and tags from
// the shared board captures (the project's own fixtures when ../shared is absent), varied so
// that every listing is distinct and the spread of languages, seniorities, dates and salaries is
// what boards show.

export interface Template {
  title: string;
  company: string;
  description: string;
  tags: string[];
  salary: string | null;
  location: string | null;
}

const LEVELS = ['', 'Senior ', 'Junior ', 'Staff ', 'Lead ', 'Mid-level ', 'Senior ', '', 'Principal ', 'Entry Level '];
const STACKS = ['Go', 'Python', 'Golang', 'Java', 'TypeScript', 'Rust', 'Node.js', 'Ruby', 'Kotlin', 'C#', 'Elixir', 'PHP', 'Scala', 'Go'];
const ROLES = ['Backend Engineer', 'Software Engineer', 'Backend Developer', 'Platform Engineer', 'Full Stack Developer', 'API Engineer', 'Site Reliability Engineer', 'Data Engineer'];
const SALARIES = [null, '$120k - $150k', '€60k - €75k', '$90,000 - $110,000', null, '£55,000', '$60/hr', 'up to $140k', null, '$150k-$190k'];

/** A capture's field as text: its string or number, else ''. */
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

function fromShared(): Template[] {
  const templates: Template[] = [];
  const remotive = JSON.parse(readSharedCapture('remotive-1.json').replace(/^\uFEFF/, '')) as { jobs: Record<string, unknown>[] };
  for (const job of remotive.jobs) {
    templates.push({
      title: String(job.title),
      company: String(job.company_name),
      description: text(job.description),
      tags: Array.isArray(job.tags) ? job.tags.map(String) : [],
      salary: job.salary ? text(job.salary) : null,
      location: job.candidate_required_location ? text(job.candidate_required_location) : null,
    });
  }
  const remoteok = JSON.parse(readSharedCapture('remoteok-1.json')) as Record<string, unknown>[];
  for (const job of remoteok.slice(1)) {
    templates.push({
      title: text(job.position || job.title),
      company: job.company == null ? 'Company' : text(job.company),
      description: text(job.description),
      tags: Array.isArray(job.tags) ? job.tags.map(String) : [],
      salary: null,
      location: job.location ? text(job.location) : null,
    });
  }
  // A posting without a title is skipped by every board: no use as a template.
  return templates.filter((template) => template.title.trim() !== '' && template.title !== 'undefined');
}

function fromProjectFixture(): Template[] {
  const path = join(process.cwd(), 'scrapers', 'remotive', 'fixtures');
  const file = existsSync(path) ? readFileSync(join(path, 'remote-jobs.json'), 'utf8') : '{"jobs":[]}';
  const { jobs } = JSON.parse(file.replace(/^\uFEFF/, '')) as { jobs: Record<string, unknown>[] };
  return jobs
    .filter((job) => job.title && job.url)
    .map((job) => ({
      title: String(job.title),
      company: job.company_name == null ? 'Company' : text(job.company_name),
      description: text(job.description),
      tags: Array.isArray(job.tags) ? job.tags.map(String) : [],
      salary: job.salary ? text(job.salary) : null,
      location: job.candidate_required_location ? text(job.candidate_required_location) : null,
    }));
}

export function templates(): { templates: Template[]; source: string } {
  if (HAS_SHARED_CAPTURES) return { templates: fromShared(), source: 'shared captures (remotive-1.json, remoteok-1.json)' };
  return { templates: fromProjectFixture(), source: 'the project fixture scrapers/remotive/fixtures/remote-jobs.json' };
}

/** Deterministic pseudo-random numbers, so runs are comparable. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface SyntheticListing extends Template {
  id: number;
  postedAt: Date;
}

/** n distinct listings varied from the templates, posted over the last `days` days. */
export function syntheticListings(n: number, options: { days?: number; descriptionChars?: number; seed?: number } = {}): SyntheticListing[] {
  const { templates: base } = templates();
  if (base.length === 0) throw new Error('no listing templates found');
  const random = seeded(options.seed ?? 42);
  const days = options.days ?? 60;
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => {
    const template = base[i % base.length]!;
    const stack = STACKS[Math.floor(random() * STACKS.length)]!;
    const title = random() < 0.5 ? `${LEVELS[i % LEVELS.length]}${stack} ${ROLES[Math.floor(random() * ROLES.length)]}` : template.title;
    const description = `<p>We build with ${stack} and PostgreSQL.</p>${template.description}`.slice(0, options.descriptionChars ?? 3000);
    return {
      ...template,
      id: 1_000_000 + i,
      title,
      company: `${template.company} ${Math.floor(i / base.length)}`,
      description,
      tags: [...template.tags.slice(0, 5), stack.toLowerCase()],
      salary: template.salary ?? SALARIES[i % SALARIES.length]!,
      postedAt: new Date(now - Math.floor(random() * days * 86_400_000)),
    };
  });
}

/** A Remotive API response (the board's exact shape) holding the listings. */
export function remotiveFeed(listings: SyntheticListing[]): string {
  return JSON.stringify({
    '0-legal-notice': 'Synthetic benchmark feed built from real captures.',
    'job-count': listings.length,
    jobs: listings.map((l) => ({
      id: l.id,
      url: `https://remotive.com/remote-jobs/software-dev/bench-${l.id}`,
      title: l.title,
      company_name: l.company,
      company_logo: null,
      category: 'Software Development',
      tags: l.tags,
      job_type: 'full_time',
      publication_date: l.postedAt.toISOString().slice(0, 19),
      candidate_required_location: l.location ?? 'Worldwide',
      salary: l.salary ?? '',
      description: l.description,
    })),
  });
}
