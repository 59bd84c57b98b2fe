import { singleFetchBoard } from '../single-fetch';
import { BOARD_ID, parseHimalayas } from './parse';

export { mapSeniority, parseHimalayas } from './parse';

/** Himalayas: the newest 20 jobs of a paged API, so absent postings prove nothing (complete: false). */
export const board = singleFetchBoard({
  id: BOARD_ID,
  name: 'Himalayas',
  kind: 'json',
  url: 'https://himalayas.app/jobs/api?limit=20',
  homepage: 'https://himalayas.app',
  complete: false,
  accept: 'application/json',
  parse: (body) => parseHimalayas(body),
});
