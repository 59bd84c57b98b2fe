import type { LEARNING_AREAS, TIME_KINDS } from '../vocabulary';

// Words shown to users for the time log's values. Type-only imports: safe in client components.

export const KIND_LABELS: Record<(typeof TIME_KINDS)[number], string> = {
  applying: 'Applying',
  learning: 'Learning',
  building: 'Building',
};

export const AREA_LABELS: Record<(typeof LEARNING_AREAS)[number], string> = {
  fundamentals: 'Fundamentals',
  servers: 'Servers and APIs',
  dsa: 'Data structures and algorithms',
  databases: 'Databases',
  projects: 'Projects',
  deploying: 'Deploying',
};

/** 95 -> "1 h 35 min", 45 -> "45 min", 120 -> "2 h". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Seconds as a running clock: 3723 -> "1:02:03". */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
