import { parseAshby } from './ashby';
import type { AtsParseResult } from './common';
import { parseGreenhouse } from './greenhouse';
import { parseLever } from './lever';
import type { HiringSystem } from './systems';
import { parseWorkable } from './workable';

/**
 * Parse one job-board API response of `system`. companyName is the name the response states
 * (Greenhouse's company_name, Workable's name), else null: the caller falls back to the token.
 * Throws ParseError on a body that is not the system's shape.
 */
export function parseAtsResponse(system: HiringSystem, body: string, sourceUrl: string): AtsParseResult {
  switch (system) {
    case 'greenhouse':
      return parseGreenhouse(body, sourceUrl);
    case 'lever':
    case 'lever-eu':
      return parseLever(body, sourceUrl, system);
    case 'ashby':
      return parseAshby(body, sourceUrl);
    case 'workable':
      return parseWorkable(body, sourceUrl);
    default:
      throw new TypeError(`not a hiring system: ${JSON.stringify(system)}`);
  }
}
