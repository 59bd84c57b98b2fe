// The hiring systems trackend follows companies on, and what a company's board is called there.
// No Node-only imports here: pages may show the names.

export type HiringSystem = 'greenhouse' | 'lever' | 'lever-eu' | 'ashby' | 'workable';

export const HIRING_SYSTEMS: readonly HiringSystem[] = Object.freeze(['greenhouse', 'lever', 'lever-eu', 'ashby', 'workable']);

export const HIRING_SYSTEM_NAMES: Record<HiringSystem, string> = Object.freeze({
  greenhouse: 'Greenhouse',
  lever: 'Lever',
  'lever-eu': 'Lever (EU)',
  ashby: 'Ashby',
  workable: 'Workable',
});

/** A company's board on one hiring system. token: the board's name there (`acme` in jobs.lever.co/acme). */
export interface HiringBoardRef {
  system: HiringSystem;
  token: string;
}

export function isHiringSystem(value: unknown): value is HiringSystem {
  return typeof value === 'string' && (HIRING_SYSTEMS as readonly string[]).includes(value);
}

// Tokens go into API paths, so each pattern admits only path-segment-safe characters: never
// '/', '%', '?', '#', and a dot only between other characters (so never '.' or '..').
// Greenhouse board tokens and Workable account names are letters, digits, '-' and '_';
// Lever sites and Ashby job-board names also take dots ("acme.io").
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const DOTTED = /^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?=[A-Za-z0-9_-])){0,99}$/;

const TOKEN_PATTERNS: Record<HiringSystem, RegExp> = {
  greenhouse: PLAIN,
  lever: DOTTED,
  'lever-eu': DOTTED,
  ashby: DOTTED,
  workable: PLAIN,
};

/** True when `token` can be a board name on `system` (a strict, path-segment-safe pattern). */
export function isValidToken(system: HiringSystem, token: string): boolean {
  return isHiringSystem(system) && typeof token === 'string' && TOKEN_PATTERNS[system].test(token);
}
