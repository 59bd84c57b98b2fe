import { singleFetchBoard } from '../single-fetch';
import { BOARD_ID, parseArbeitnow } from './parse';

export { parseArbeitnow } from './parse';

/** Arbeitnow: paged API; we read the newest page only, so absent postings prove nothing (complete: false). */
export const board = singleFetchBoard({
  id: BOARD_ID,
  name: 'Arbeitnow',
  kind: 'json',
  url: 'https://www.arbeitnow.com/api/job-board-api',
  homepage: 'https://www.arbeitnow.com',
  complete: false,
  accept: 'application/json',
  parse: (body) => parseArbeitnow(body),
});
