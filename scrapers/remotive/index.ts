import { singleFetchBoard } from '../single-fetch';
import { BOARD_ID, parseRemotive } from './parse';

export { parseRemotive } from './parse';

/** Remotive, software-dev category: one request returns every live posting in it. */
export const board = singleFetchBoard({
  id: BOARD_ID,
  name: 'Remotive',
  kind: 'json',
  url: 'https://remotive.com/api/remote-jobs?category=software-dev',
  homepage: 'https://remotive.com',
  complete: true,
  accept: 'application/json',
  parse: (body) => parseRemotive(body),
});
