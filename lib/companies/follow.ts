import 'server-only';
import { and, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { boards, companyFollows, type IngestRun } from '../../db/schema';
import { queryRows, type Db } from '../../db/types';
import {
  atsApiUrl,
  atsBoardId,
  createAtsBoard,
  findHiringBoardInHtml,
  hiringBoardFromUrl,
  parseAtsResponse,
  type HiringBoardRef,
  type HiringSystem,
} from '../../scrapers/ats';
import { FetchError } from '../../scrapers/errors';
import type { FetchedBody, FetchText } from '../../scrapers/types';
import { boardStatus, type BoardStatus } from '../boards/health';
import { BadInputError, fieldErrors, NotFoundError } from '../errors';
import { preparePool } from '../ingest/prepare-pool';
import { ingestBoard, type BoardIngestResult } from '../ingest/run-board';
import { validateRawListing } from '../ingest/validate';
import { contentHash } from '../ingest/prepare';
import { loadUsdRates } from '../salary/rates';
import { SYSTEM_LABELS } from './labels';

// A followed company is one row in `boards` (id atsBoardId(ref), ats_system + ats_token set), so
// the schedule, health, backoff, lease and "never emptied by an outage" of boards are its own.
// Follows are rows of company_follows. The API hosts are fixed by us (scrapers/ats), so their
// responses are read with the plain fetcher; the careers page a person pastes only through the
// guarded one.

/** Companies one user may follow at once. */
export const MAX_FOLLOWS_PER_USER = 200;


const KNOWN_HOSTS =
  'boards.greenhouse.io, job-boards.greenhouse.io, jobs.lever.co, jobs.eu.lever.co, jobs.ashbyhq.com or apply.workable.com';

/** A careers URL as pasted; "jobs.lever.co/acme" without a scheme means https. */
export const companyUrlSchema = z
  .string({ error: 'Paste the careers page URL.' })
  .trim()
  .min(1, 'Paste the careers page URL.')
  .max(2000, 'That URL is too long.')
  .transform((value) => (/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value.replace(/^\/+/, '')}`))
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'Enter the careers page URL, such as https://jobs.lever.co/acme');

export const followInputSchema = z.object({ url: companyUrlSchema });

export interface CompanyDeps {
  /** For the hiring systems' APIs (hosts fixed by us or the operator's TRACKEND_ATS_*_URL). */
  fetchText: FetchText;
  /** For the careers page a person pasted: private, loopback and link-local addresses refused. */
  guardedFetchText: FetchText;
  now?: () => Date;
}

export interface CompanyPreview {
  id: string;
  system: HiringSystem;
  board: string;
  name: string;
  openJobs: number;
  backendJobs: number;
}

const badUrl = (message: string) => new BadInputError(message, { url: message });

function parseUrl(input: unknown): string {
  const parsed = companyUrlSchema.safeParse(input);
  if (!parsed.success) throw badUrl(fieldErrors(parsed.error, 'url').url!);
  return parsed.data;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The hiring board a URL names, or the one its page embeds (the page read through the guarded fetcher). */
export async function detectHiringBoard(url: string, deps: Pick<CompanyDeps, 'guardedFetchText'>): Promise<HiringBoardRef> {
  const direct = hiringBoardFromUrl(url);
  if (direct) return direct;
  let page: FetchedBody;
  try {
    const res = await deps.guardedFetchText(url, { accept: 'text/html,application/xhtml+xml' });
    if (res.status === 304) throw new Error('the page answered 304 Not Modified');
    page = res;
  } catch (error) {
    throw badUrl(`No hiring system found for ${url}: it is not on ${KNOWN_HOSTS}, and the page could not be read (${reason(error)}).`);
  }
  const embedded = findHiringBoardInHtml(page.body, page.url);
  if (embedded) return embedded;
  throw badUrl(
    `No hiring system found for ${url}: it is not on ${KNOWN_HOSTS}, and the page embeds no Greenhouse, Lever, Ashby or Workable job board.`,
  );
}

/** One read of the board's public API, parsed. A board the system does not know is the user's bad input. */
async function readBoard(ref: HiringBoardRef, fetchText: FetchText, url: string): Promise<{ response: FetchedBody; parsed: ReturnType<typeof parseAtsResponse> }> {
  const apiUrl = atsApiUrl(ref);
  let response: FetchedBody;
  try {
    const res = await fetchText(apiUrl, { accept: 'application/json' });
    if (res.status === 304) throw new Error('unexpected 304');
    response = res;
  } catch (error) {
    if (error instanceof FetchError && error.status === 404) {
      throw badUrl(`${SYSTEM_LABELS[ref.system]} has no job board "${ref.token}" (found in ${url}).`);
    }
    throw badUrl(`${SYSTEM_LABELS[ref.system]} job board "${ref.token}" could not be read right now (${reason(error)}); try again shortly.`);
  }
  try {
    return { response, parsed: parseAtsResponse(ref.system, response.body, response.url) };
  } catch (error) {
    throw badUrl(`${SYSTEM_LABELS[ref.system]} job board "${ref.token}" answered something that is not its job list (${reason(error)}).`);
  }
}

const displayName = (ref: HiringBoardRef, companyName: string | null | undefined) => (companyName?.trim() || ref.token).slice(0, 120);

/**
 * How many of the items lib/classify calls backend: the ingest path's own preparation (validate,
 * sanitize, classify), in its worker pool, off the serving event loop.
 */
async function countBackend(db: Db, boardId: string, items: ReturnType<typeof parseAtsResponse>['items'], now: Date): Promise<number> {
  const valid = items.flatMap((raw) => {
    const checked = validateRawListing({ ...raw, board: boardId });
    return checked.ok ? [{ item: checked.item, hash: contentHash(checked.item) }] : [];
  });
  const outcomes = await preparePool().prepare(valid, { isSample: false, rates: await loadUsdRates(db), now });
  return outcomes.filter((outcome) => outcome.ok && (JSON.parse(outcome.json) as { role: string }).role === 'backend').length;
}

/**
 * What following a careers URL would give: the hiring system, the board, the company's name and
 * how many open and backend jobs it lists now. BadInputError naming `url` when nothing is found.
 */
export async function previewCompany(db: Db, input: unknown, deps: CompanyDeps): Promise<CompanyPreview> {
  const url = parseUrl(input);
  const ref = await detectHiringBoard(url, deps);
  const id = atsBoardId(ref);
  const { parsed } = await readBoard(ref, deps.fetchText, url);
  return {
    id,
    system: ref.system,
    board: ref.token,
    name: displayName(ref, parsed.companyName),
    openJobs: parsed.items.length,
    backendJobs: await countBackend(db, id, parsed.items, (deps.now ?? (() => new Date()))()),
  };
}

/** Make sure the company has its board row (shared by every follower). */
async function ensureCompanyRow(db: Db, ref: HiringBoardRef, name: string): Promise<void> {
  const board = createAtsBoard({ system: ref.system, token: ref.token, name });
  await db
    .insert(boards)
    .values({ id: board.id, name: board.name, kind: 'json', url: board.url, homepage: board.homepage, custom: false, atsSystem: ref.system, atsToken: ref.token })
    .onConflictDoNothing();
}

/** A fetchText that answers the board's API URL once with the response already read, then goes to the network. */
function replaying(first: FetchedBody, apiUrl: string, fetchText: FetchText): FetchText {
  let used = false;
  return async (url, options) => {
    if (!used && url === apiUrl) {
      used = true;
      return first;
    }
    return fetchText(url, options);
  };
}

/** Store the listings of a company's response (read once already) through the boards' own ingestion. */
async function ingestCompany(db: Db, ref: HiringBoardRef, name: string, response: FetchedBody, deps: CompanyDeps): Promise<BoardIngestResult> {
  const board = createAtsBoard({ system: ref.system, token: ref.token, name });
  const apiUrl = atsApiUrl(ref);
  return ingestBoard(db, board, { url: apiUrl, fetchText: replaying(response, apiUrl, deps.fetchText), force: true, now: deps.now });
}

async function liveCounts(db: Db, boardId: string): Promise<{ openJobs: number; backendJobs: number }> {
  const [row] = await queryRows<{ open: number | string; backend: number | string }>(
    db,
    sql`select count(*) as open, count(*) filter (where role = 'backend') as backend
        from listings where board_id = ${boardId} and removed_at is null`,
  );
  return { openJobs: Number(row?.open ?? 0), backendJobs: Number(row?.backend ?? 0) };
}

export interface FollowResult extends CompanyPreview {
  /** False when the user already followed it. */
  created: boolean;
}

/**
 * Follow the company behind a careers URL: its board row (shared), its first listings, and the
 * follow. Following one already followed changes nothing (created: false). At most
 * MAX_FOLLOWS_PER_USER per user (BadInputError beyond).
 */
export async function followCompany(db: Db, userId: string, input: unknown, deps: CompanyDeps): Promise<FollowResult> {
  const url = parseUrl(input);
  const ref = await detectHiringBoard(url, deps);
  const id = atsBoardId(ref);
  const [already] = await db
    .select({ boardId: companyFollows.boardId })
    .from(companyFollows)
    .where(and(eq(companyFollows.userId, userId), eq(companyFollows.boardId, id)));
  if (!already) await assertUnderLimit(db, userId);

  const [existing] = await db.select({ name: boards.name, lastSuccessAt: boards.lastSuccessAt }).from(boards).where(eq(boards.id, id));
  let name = existing?.name ?? ref.token;
  if (!existing || (!existing.lastSuccessAt && !already)) {
    // Never read yet: read it now, so the follower sees its jobs at once.
    const { response, parsed } = await readBoard(ref, deps.fetchText, url);
    name = displayName(ref, parsed.companyName);
    await ensureCompanyRow(db, ref, name);
    await ingestCompany(db, ref, name, response, deps);
  }

  const created = await db.transaction(async (tx) => {
    // The user's row locked, then counted again: two follows at once cannot both pass the limit.
    await tx.execute(sql`select id from users where id = ${userId} for update`);
    if (!already) await assertUnderLimit(tx, userId);
    const inserted = await tx.insert(companyFollows).values({ userId, boardId: id }).onConflictDoNothing().returning({ boardId: companyFollows.boardId });
    return inserted.length > 0;
  });
  return { id, system: ref.system, board: ref.token, name, ...(await liveCounts(db, id)), created };
}

async function assertUnderLimit(db: Db, userId: string): Promise<void> {
  const [row] = await db.select({ n: count() }).from(companyFollows).where(eq(companyFollows.userId, userId));
  if ((row?.n ?? 0) >= MAX_FOLLOWS_PER_USER) {
    const message = `You follow ${MAX_FOLLOWS_PER_USER} companies, the most one account may; unfollow one first.`;
    throw new BadInputError(message, { url: message });
  }
}

/**
 * Add a company with no follower (the operator's own, `npm run ingest -- --company`) and read it
 * once. The operator's URL is read with the plain fetcher.
 */
export async function addCompanySource(db: Db, input: unknown, deps: Pick<CompanyDeps, 'fetchText' | 'guardedFetchText' | 'now'>): Promise<{ company: CompanyPreview; result: BoardIngestResult }> {
  const url = parseUrl(input);
  // The careers page is a URL a person typed, guarded as on /companies (TRACKEND_FETCH_ALLOW_PRIVATE opens it).
  const ref = await detectHiringBoard(url, deps);
  const { response, parsed } = await readBoard(ref, deps.fetchText, url);
  const name = displayName(ref, parsed.companyName);
  await ensureCompanyRow(db, ref, name);
  const result = await ingestCompany(db, ref, name, response, deps);
  const id = atsBoardId(ref);
  return { company: { id, system: ref.system, board: ref.token, name, ...(await liveCounts(db, id)) }, result };
}

/** Stop following. NotFoundError when the user does not follow it (someone else's follow included). */
export async function unfollowCompany(db: Db, userId: string, boardId: string): Promise<void> {
  const deleted = await db
    .delete(companyFollows)
    .where(and(eq(companyFollows.userId, userId), eq(companyFollows.boardId, boardId)))
    .returning({ boardId: companyFollows.boardId });
  if (deleted.length === 0) throw new NotFoundError('You do not follow that company.');
}

/** The board ids of the companies this user follows (for the `followed` filter). */
export async function followedBoardIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ boardId: companyFollows.boardId }).from(companyFollows).where(eq(companyFollows.userId, userId));
  return rows.map((row) => row.boardId);
}

export interface FollowedCompany {
  id: string;
  name: string;
  system: HiringSystem;
  board: string;
  url: string;
  openJobs: number;
  backendJobs: number;
  health: BoardStatus;
  /** The last run that added, changed or removed a listing. */
  lastChange: Date | null;
  lastSuccessAt: Date | null;
  followedAt: Date;
}

const toDate = (value: unknown) => (value == null ? null : new Date(value as string));

/** The companies this user follows, with health and counts: one query, scoped by the user in SQL. */
export async function listFollowedCompanies(db: Db, userId: string, now = new Date()): Promise<FollowedCompany[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select b.id, b.name, b.url, b.ats_system, b.ats_token, b.pending, b.backoff_until, b.last_success_at, b.last_error_at,
          f.created_at as followed_at,
          (select ir.status from ingest_runs ir where ir.board_id = b.id order by ir.started_at desc, ir.id desc limit 1) as last_status,
          (select max(ir.finished_at) from ingest_runs ir where ir.board_id = b.id and ir.status = 'succeeded' and (ir.new + ir.updated + ir.removed) > 0) as last_change,
          (select count(*) from listings l where l.board_id = b.id and l.removed_at is null) as open_jobs,
          (select count(*) from listings l where l.board_id = b.id and l.removed_at is null and l.role = 'backend') as backend_jobs
        from company_follows f join boards b on b.id = f.board_id
        where f.user_id = ${userId} and b.ats_system is not null
        order by lower(b.name), b.id`,
  );
  return rows.map((row) => {
    const lastSuccessAt = toDate(row.last_success_at);
    const health = boardStatus(
      {
        pending: Boolean(row.pending),
        backoffUntil: toDate(row.backoff_until),
        lastErrorAt: toDate(row.last_error_at),
        lastSuccessAt,
        lastRun: row.last_status ? { status: row.last_status as IngestRun['status'] } : null,
      },
      now,
    );
    return {
      id: String(row.id),
      name: String(row.name),
      system: row.ats_system as HiringSystem,
      board: String(row.ats_token),
      url: String(row.url),
      openJobs: Number(row.open_jobs),
      backendJobs: Number(row.backend_jobs),
      health,
      lastChange: toDate(row.last_change),
      lastSuccessAt,
      followedAt: new Date(row.followed_at as string),
    };
  });
}

/** The JSON shape of one company in GET /api/companies. */
export function companyJson(company: FollowedCompany) {
  return {
    id: company.id,
    name: company.name,
    system: company.system,
    board: company.board,
    openJobs: company.openJobs,
    backendJobs: company.backendJobs,
    health: company.health,
    lastChange: company.lastChange?.toISOString() ?? null,
    followedAt: company.followedAt.toISOString(),
  };
}
