import { HTML_ACCEPT } from '../fetch/board-requests';
import { singleFetchBoard } from '../single-fetch';
import type { BoardDefinition } from '../types';
import { BOARD_ID, LIST_URL, NAME, parseRemotePython } from './parse';

export { jobIdFromUrl, parseDjangoDate, parseRemotePython } from './parse';

/**
 * Remote Python has no feed: one conditional GET of the job list page, parsed with cheerio.
 * Not complete: the list is paginated and only its first page is read.
 */
export const board: BoardDefinition = singleFetchBoard({
  id: BOARD_ID,
  name: NAME,
  kind: 'html',
  url: LIST_URL,
  homepage: 'https://www.remotepython.com',
  accept: HTML_ACCEPT,
  complete: false,
  parse: parseRemotePython,
});
