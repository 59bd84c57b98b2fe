import { BadInputError } from '../errors';
import type { FetchGuardOptions } from '../../scrapers/fetch/guard';
import { checkSuppliedUrl } from '../ingest/feed-url';

/**
 * The one check a feed URL a person supplies (the /boards form, POST /api/boards) passes
 * before it is stored: the fetch guard's own policy, name resolved (every fetch checks again).
 * Throws BadInputError naming `url`, with the guard's reason.
 */
export async function assertSuppliedFeedUrl(url: string, guard?: FetchGuardOptions): Promise<void> {
  const verdict = await checkSuppliedUrl(url, guard);
  if (!verdict.ok) {
    throw new BadInputError(`That feed URL cannot be used: it ${verdict.reason.replace(/^must/, 'must')}.`, {
      url: `Use a public http(s) feed URL: this one ${verdict.reason}.`,
    });
  }
}
