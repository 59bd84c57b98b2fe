import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Real board captures live in ../shared/fixtures/boards (other people's files: read in place,
 * never copied into the project). CI has them; a user's fresh clone may not, and then the
 * tests over them skip with SHARED_SKIP_REASON.
 */
export const SHARED_BOARDS_DIR = fileURLToPath(new URL('../../../shared/fixtures/boards/', import.meta.url));
export const HAS_SHARED_CAPTURES = existsSync(SHARED_BOARDS_DIR);
export const SHARED_SKIP_REASON = `shared board captures not found at ${SHARED_BOARDS_DIR} (they ship beside the repo in CI, not in a clone)`;

export function readSharedCapture(name: string): string {
  return readFileSync(SHARED_BOARDS_DIR + name, 'utf8');
}

export function readSharedCaptureBytes(name: string): Buffer {
  return readFileSync(SHARED_BOARDS_DIR + name);
}

/** Real hiring-system captures and job pages with JSON-LD (../shared/fixtures/ats, see its SOURCES.md). */
export const SHARED_ATS_DIR = fileURLToPath(new URL('../../../shared/fixtures/ats/', import.meta.url));
export const HAS_SHARED_ATS = existsSync(SHARED_ATS_DIR);
export const SHARED_ATS_SKIP_REASON = `shared hiring-system captures not found at ${SHARED_ATS_DIR} (they ship beside the repo in CI, not in a clone)`;

export function readSharedAts(name: string): string {
  return readFileSync(SHARED_ATS_DIR + name, 'utf8');
}
