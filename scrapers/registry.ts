import { board as arbeitnow } from './arbeitnow';
import { board as golangCafe } from './golang-cafe';
import { board as pythonOrg } from './python-org';
import { board as remotePython } from './remote-python';
import { board as weWorkRemotely } from './weworkremotely';
import { board as himalayas } from './himalayas';
import { board as hnWhoIsHiring } from './hn-whoishiring';
import { board as remoteOk } from './remoteok';
import { board as remotive } from './remotive';
import type { BoardDefinition } from './types';

/**
 * Every built-in board, each with the bundled sample response (written in the board's exact
 * format) that `npm run ingest -- --sample` loads without a network. Add a board here and
 * nowhere else.
 */
export const REGISTERED: readonly { board: BoardDefinition; sample: string }[] = [
  { board: golangCafe, sample: 'scrapers/golang-cafe/fixtures/golang-cafe-rss.xml' },
  { board: weWorkRemotely, sample: 'scrapers/weworkremotely/fixtures/back-end-programming.rss' },
  { board: pythonOrg, sample: 'scrapers/python-org/fixtures/python-jobs-rss.xml' },
  { board: remotePython, sample: 'scrapers/remote-python/fixtures/jobs-list.html' },
  { board: remoteOk, sample: 'scrapers/remoteok/fixtures/remoteok-api.json' },
  { board: remotive, sample: 'scrapers/remotive/fixtures/remote-jobs.json' },
  { board: hnWhoIsHiring, sample: 'scrapers/hn-whoishiring/fixtures/algolia-items.json' },
  { board: arbeitnow, sample: 'scrapers/arbeitnow/fixtures/arbeitnow-api.json' },
  { board: himalayas, sample: 'scrapers/himalayas/fixtures/himalayas-api.json' },
];

export const BOARDS: readonly BoardDefinition[] = REGISTERED.map((entry) => entry.board);

export function findBoard(id: string): BoardDefinition | undefined {
  return BOARDS.find((board) => board.id === id);
}
