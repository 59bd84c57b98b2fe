import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { boards, companyFollows } from '../../db/schema';
import { atsApiUrl, createAtsBoard, type HiringSystem } from '../../scrapers/ats';
import type { Db } from '../../db/types';
import { createCustomFeedBoard, slugifyBoardId } from '../../scrapers/custom-feed';
import { BOARDS } from '../../scrapers/registry';
import { boardUrlOverride } from '../env';
import { BadInputError } from '../errors';
import { ensureBoardRow } from './board-state';
import type { IngestTarget } from './run-all';

/**
 * The boards to ingest: the modules in scrapers/registry plus the feeds added, each with its
 * URL (a TRACKEND_BOARD_<ID>_URL override wins). Disabled boards are left out unless named
 * explicitly; feeds proposed and not yet approved are never targets, even when named.
 * Feeds people added are read through the fetch guard. Companies someone follows are targets too.
 */
export async function loadIngestTargets(db: Db, only: string[] = []): Promise<IngestTarget[]> {
  for (const board of BOARDS) await ensureBoardRow(db, board, { url: boardUrlOverride(board.id) ?? board.url });
  const all = await db.select().from(boards);
  const followed = new Set(
    (await db.selectDistinct({ boardId: companyFollows.boardId }).from(companyFollows)).map((row) => row.boardId),
  );
  const pending = all.filter((row) => row.pending).map((row) => row.id);
  const rows = all.filter((row) => !row.pending);
  const byId = new Map(rows.map((row) => [row.id, row]));

  const waiting = only.filter((id) => pending.includes(id));
  if (waiting.length) throw new BadInputError(`Board ${waiting.join(', ')} is a proposed feed waiting for an admin's approval.`);
  const unknown = only.filter((id) => !byId.has(id));
  if (unknown.length) {
    const known = rows.filter((row) => !row.atsSystem).map((row) => row.id);
    throw new BadInputError(`Unknown board ${unknown.join(', ')}. Known boards: ${known.sort().join(', ')}`);
  }

  const targets: IngestTarget[] = [
    ...BOARDS.map((board) => ({ board, url: boardUrlOverride(board.id) ?? board.url })),
    ...rows
      .filter((row) => row.custom)
      .map((row) => {
        // A person supplied the row's URL: guarded. An operator's TRACKEND_BOARD_<ID>_URL is their own.
        const override = boardUrlOverride(row.id);
        const board = createCustomFeedBoard({ id: row.id, name: row.name, url: row.url });
        return { board, url: override ?? row.url, custom: true, guarded: override === undefined };
      }),
    // Followed companies (lib/companies): their API hosts are ours (or the operator's
    // TRACKEND_ATS_*_URL), so read with the plain fetcher, whose per-host queue keeps one request
    // at a time per API host across all of them. A company nobody follows is read only when named.
    ...rows
      .filter((row) => row.atsSystem && row.atsToken && (followed.has(row.id) || only.includes(row.id)))
      .map((row) => {
        const ref = { system: row.atsSystem as HiringSystem, token: row.atsToken! };
        return { board: createAtsBoard({ ...ref, name: row.name }), url: atsApiUrl(ref) };
      }),
  ];
  return targets.filter((target) => (only.length ? only.includes(target.board.id) : byId.get(target.board.id)?.enabled !== false));
}

/**
 * Give every built-in board its row, so a fresh install lists them all. Pages and GET routes call
 * this on every view: it reads which rows exist (one indexed query) and writes only the missing
 * ones, never the nine upserts a run does (ensureBoardRow, which also takes URL overrides).
 */
export async function ensureBuiltInBoardRows(db: Db): Promise<void> {
  const ids = BOARDS.map((board) => board.id);
  const present = await db.select({ id: boards.id }).from(boards).where(inArray(boards.id, ids));
  if (present.length === ids.length) return;
  const have = new Set(present.map((row) => row.id));
  const missing = BOARDS.filter((board) => !have.has(board.id));
  await db
    .insert(boards)
    .values(missing.map((board) => ({ id: board.id, name: board.name, kind: board.kind, url: boardUrlOverride(board.id) ?? board.url, homepage: board.homepage })))
    .onConflictDoNothing();
}

const feedUrlOk = (url: string) => /^https?:\/\//i.test(url) && URL.canParse(url);

/**
 * Add any RSS/Atom feed as a board of its own. Returns its id. `proposedBy` stores it as a
 * proposal (pending) until an admin approves it.
 */
export async function addCustomFeed(db: Db, input: { url: string; name: string }, options: { proposedBy?: string } = {}): Promise<string> {
  const url = input.url.trim();
  const name = input.name.trim();
  if (!feedUrlOk(url)) throw new BadInputError('The feed URL must be an absolute http(s) URL.', { url: 'must be an absolute http(s) URL' });
  if (!name || name.length > 80) throw new BadInputError('Give the board a name of 1 to 80 characters.', { name: 'must be 1 to 80 characters' });
  const id = slugifyBoardId(name);
  if (BOARDS.some((board) => board.id === id)) throw new BadInputError(`"${name}" is the name of a built-in board; choose another.`, { name: 'taken' });
  const [existing] = await db.select({ url: boards.url }).from(boards).where(eq(boards.id, id));
  if (existing && existing.url !== url) throw new BadInputError(`A board named "${name}" already reads ${existing.url}.`, { name: 'taken' });
  const proposal = options.proposedBy ? { pending: true, proposedBy: options.proposedBy } : {};
  await db.insert(boards).values({ id, name, kind: 'rss', url, homepage: new URL(url).origin, custom: true, ...proposal }).onConflictDoNothing();
  return id;
}

export async function setBoardEnabled(db: Db, id: string, enabled: boolean): Promise<void> {
  await db.update(boards).set({ enabled }).where(eq(boards.id, id));
}
