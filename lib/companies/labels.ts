import type { HiringSystem } from '../../scrapers/ats';

// Safe for the browser: names only, no database.
export const SYSTEM_LABELS: Record<HiringSystem, string> = {
  greenhouse: 'Greenhouse',
  lever: 'Lever',
  'lever-eu': 'Lever (EU)',
  ashby: 'Ashby',
  workable: 'Workable',
};
