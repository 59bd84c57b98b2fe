import type { JobSummary } from '@/lib/search/search';
import { LANGUAGE_SLUGS, REMOTE_KINDS, SENIORITIES } from '@/lib/vocabulary';

// The floor page's 20 listings, built once when the module loads and never again: the floor
// measures rendering and serving a page of rows, not finding them.

export const FLOOR_ROW_COUNT = 20;

const loadedAt = Date.now();

export const FLOOR_ROWS: readonly JobSummary[] = Array.from({ length: FLOOR_ROW_COUNT }, (_, i) => ({
  id: i + 1,
  title: `Backend engineer ${i + 1}`,
  company: `Company ${(i % 7) + 1}`,
  url: `https://jobs.example.org/${i + 1}`,
  boards: ['remotive'],
  location: i % 3 === 0 ? 'Berlin, Germany' : null,
  remote: REMOTE_KINDS[i % REMOTE_KINDS.length]!,
  salary: i % 2 === 0 ? { min: 60_000 + i * 1_000, max: 90_000 + i * 1_000, currency: 'EUR', period: 'year' } : null,
  languages: [LANGUAGE_SLUGS[i % LANGUAGE_SLUGS.length]!, LANGUAGE_SLUGS[(i + 3) % LANGUAGE_SLUGS.length]!],
  skills: ['postgres', 'kubernetes'],
  seniority: SENIORITIES[i % SENIORITIES.length]!,
  role: 'backend',
  yearsRequired: i % 4 === 0 ? 3 : null,
  degreeRequired: i % 5 === 0 ? false : null,
  visaSponsorship: i % 6 === 0,
  postedAt: new Date(loadedAt - i * 3_600_000).toISOString(),
  isSample: false,
}));
