import { singleFetchBoard } from '../single-fetch';
import { BOARD_ID, parseRemoteOk } from './parse';

export { parseRemoteOk } from './parse';

/** Remote OK: one request returns every live posting. */
export const board = singleFetchBoard({
  id: BOARD_ID,
  name: 'Remote OK',
  kind: 'json',
  url: 'https://remoteok.com/api',
  homepage: 'https://remoteok.com',
  complete: true,
  accept: 'application/json',
  parse: (body) => parseRemoteOk(body),
});
