import { BadInputError } from '../errors';
import { isPublicFeedUrl } from '../ingest/feed-url';

/**
 * The one check a feed URL a person supplies (the /boards form, POST /api/boards) passes
 * before it is stored. Async so the guarded, resolving check can take this one's place.
 * Throws BadInputError naming `url`.
 */
export async function assertSuppliedFeedUrl(url: string): Promise<void> {
  if (!isPublicFeedUrl(url)) {
    throw new BadInputError('Use a public http(s) feed URL (not a local or private address).', {
      url: 'Use a public http(s) feed URL (not a local or private address).',
    });
  }
}
