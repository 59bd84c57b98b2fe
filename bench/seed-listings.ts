import { createHash } from 'node:crypto';
import type postgres from 'postgres';
import type { Db } from '../db/types';
import { ensureBoardRow } from '../lib/ingest/board-state';
import { contentHash, prepareListing, type PreparedListing } from '../lib/ingest/prepare';
import { validateRawListing } from '../lib/ingest/validate';
import { loadUsdRates } from '../lib/salary/rates';
import { BOARDS } from '../scrapers/registry';
import { seeded, syntheticListings, templates } from './feeds';

// Bulk-loads a realistic listings table for the search benchmark. A pool of listings varied
// from the captured ones goes through the real ingestion preparation (validate, sanitize,
// classify, yearly-USD salary), so every classification column is filled the way ingestion
// fills it; the rows are then copies of the pool with their own board, ids, company, dates and
// a jittered salary, inserted in multi-row batches with the table's indexes dropped and rebuilt.

/** Boards weighted roughly as a Go/Python learner's feed would be (niche boards smaller). */
const BOARD_WEIGHTS: Record<string, number> = {
  remotive: 18,
  remoteok: 18,
  himalayas: 16,
  arbeitnow: 14,
  'hn-whoishiring': 12,
  weworkremotely: 10,
  'golang-cafe': 6,
  'python-org': 4,
  'remote-python': 2,
};

// Where the job is: drives the remote classification (remote / hybrid / onsite / unknown).
const LOCATIONS = [
  'Worldwide', 'Remote', 'Remote (US only)', 'Remote - Europe', 'USA', 'Berlin, Germany', 'Berlin, Germany (Hybrid)',
  'London, UK (on-site)', 'Amsterdam, Netherlands · Hybrid', 'New York, NY', 'San Francisco, CA (Onsite)', 'Toronto, Canada',
  'Remote (EMEA)', 'Bangalore, India', 'Warsaw, Poland (hybrid)', 'Zurich, Switzerland', 'Sydney, Australia', null,
];
// Pay as boards write it: several currencies and periods; many postings name none.
const SALARIES = [
  null, null, null, null, null, null, null, null, '$120k - $150k', '$90,000 - $110,000', '$150k-$190k', 'up to $140k', '$60/hr', '€60k - €75k', '€4,500/month',
  '£55,000', '£450/day', 'CAD 110,000 - 130,000', 'CHF 120,000 - 140,000', 'AUD 140k-160k', 'PLN 20,000 - 28,000 per month',
  '₹25,00,000 - ₹35,00,000', '$75k - $95k', null, '€90k-€110k',
];
// Who may apply: years, degree, visa sentences as postings phrase them (or nothing).
const ELIGIBILITY = [
  '', '', '', '<p>3+ years of professional experience building backend services.</p>',
  '<p>5+ years of experience with distributed systems. BS in Computer Science required.</p>',
  '<p>1+ years of experience; no degree required, a portfolio of shipped projects is what counts.</p>',
  "<p>Bachelor's degree in Computer Science or equivalent practical experience. 2+ years experience.</p>",
  '<p>Visa sponsorship is available for the right candidate.</p>', '<p>We are unable to sponsor visas.</p>',
  '<p>Junior friendly: self-taught developers welcome.</p>', '<p>7+ years of experience, including 2 years leading a team.</p>',
];

export interface SeedOptions {
  count: number;
  /** Listings classified for real; the rows are varied copies of them. */
  pool?: number;
  days?: number;
  batch?: number;
  seed?: number;
  /** Boards left empty (the load bench ingests one of them while it measures). */
  excludeBoards?: string[];
}

export interface SeedSummary {
  rows: number;
  poolSize: number;
  source: string;
  prepareMs: number;
  insertMs: number;
  indexMs: number;
  analyzeMs: number;
  tableMb: number;
  distribution: Record<string, Record<string, number>>;
}

function weightedBoards(exclude: string[] = []): string[] {
  const known = new Set(BOARDS.map((board) => board.id).filter((id) => !exclude.includes(id)));
  return Object.entries(BOARD_WEIGHTS).flatMap(([id, weight]) => (known.has(id) ? Array<string>(weight).fill(id) : []));
}

function buildPool(size: number, days: number, seed: number, rates: Record<string, number>, exclude: string[]): PreparedListing[] {
  const random = seeded(seed);
  const boards = weightedBoards(exclude);
  const pool: PreparedListing[] = [];
  for (const [i, listing] of syntheticListings(size, { days, descriptionChars: 4000, seed }).entries()) {
    const board = boards[Math.floor(random() * boards.length)]!;
    const salary = random() < 0.3 ? listing.salary : SALARIES[Math.floor(random() * SALARIES.length)]!;
    const checked = validateRawListing({
      board,
      externalId: `pool-${i}`,
      url: `https://${board}.example/jobs/pool-${i}`,
      title: listing.title,
      company: listing.company,
      location: random() < 0.6 ? LOCATIONS[Math.floor(random() * LOCATIONS.length)]! : listing.location,
      salaryText: salary,
      tags: listing.tags,
      descriptionHtml: listing.description + ELIGIBILITY[Math.floor(random() * ELIGIBILITY.length)]!,
      postedAt: listing.postedAt,
    });
    if (!checked.ok) continue;
    pool.push(prepareListing(checked.item, contentHash(checked.item), { isSample: false, rates }));
  }
  if (pool.length === 0) throw new Error('seed: no pool listings passed validation');
  return pool;
}

const COLUMNS = [
  'board_id', 'external_id', 'url', 'canonical_url', 'fingerprint', 'content_hash', 'title', 'company', 'location', 'remote',
  'salary_text', 'salary_min', 'salary_max', 'salary_currency', 'salary_period', 'salary_usd_yearly', 'languages', 'skills',
  'seniority', 'role', 'tags', 'years_required', 'degree_required', 'visa_sponsorship', 'description_html', 'description_text',
  'posted_at', 'first_seen_at', 'last_seen_at', 'removed_at', 'is_sample',
] as const;
type Column = (typeof COLUMNS)[number];

const jitter = (value: number | null | undefined, factor: number) => (value == null ? null : Math.round(value * factor));

/**
 * Seed `count` listings into a migrated, empty database. `client` is a postgres.js client on
 * it (the bulk load), `db` the drizzle handle on the same database (boards, rates).
 */
export async function seedListings(db: Db, client: postgres.Sql, options: SeedOptions): Promise<SeedSummary> {
  const { count, pool: poolSize = 3000, days = 90, batch = 1000, seed = 20261125, excludeBoards = [] } = options;
  for (const board of BOARDS) await ensureBoardRow(db, board, { url: board.url });
  const rates = await loadUsdRates(db);

  let start = performance.now();
  const pool = buildPool(poolSize, days, seed, rates, excludeBoards);
  const prepareMs = performance.now() - start;

  // Load without the secondary indexes, then rebuild them exactly as the migrations made them.
  const indexes = await client<{ indexname: string; indexdef: string }[]>`
    select indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename = 'listings' and indexname <> 'listings_pkey'`;
  for (const index of indexes) await client.unsafe(`drop index ${index.indexname}`);

  const random = seeded(seed + 1);
  const boards = weightedBoards(excludeBoards);
  const now = Date.now();
  const rowAt = (i: number, previous: Record<Column, unknown> | null): Record<Column, unknown> => {
    // Every 20th row is the same job seen on another board: same fingerprint, linked after load.
    if (previous && i % 20 === 19) {
      const board = boards.find((b) => b !== previous.board_id && random() < 0.3) ?? boards.find((b) => b !== previous.board_id)!;
      return { ...previous, board_id: board, external_id: `copy-${i}`, url: `https://${board}.example/jobs/copy-${i}`, content_hash: `copy-${i}` };
    }
    const base = pool[Math.floor(random() * pool.length)]!;
    // More postings are recent than old: ages skew towards today over `days` days.
    const postedAt = new Date(now - Math.floor(random() ** 1.3 * days * 86_400_000));
    const firstSeen = new Date(Math.min(now, postedAt.getTime() + Math.floor(random() * 6 * 3_600_000)));
    const ageDays = (now - postedAt.getTime()) / 86_400_000;
    // Boards take postings down as they fill: about one in six older than 30 days is gone.
    const removed = ageDays > 30 && random() < 0.17 ? new Date(postedAt.getTime() + (now - postedAt.getTime()) * random()) : null;
    const factor = 0.85 + random() * 0.3;
    const board = boards[Math.floor(random() * boards.length)]!;
    const company = `${base.company ?? 'Company'} ${i % 997}`;
    const url = `https://${board}.example/jobs/${i}`;
    return {
      board_id: board,
      external_id: `bench-${i}`,
      url,
      canonical_url: url,
      fingerprint: createHash('sha1').update(`${company}|${base.title}|${i}`).digest('base64url'),
      content_hash: `bench-${i}`,
      title: base.title,
      company,
      location: base.location ?? null,
      remote: base.remote ?? 'unknown',
      salary_text: base.salaryText ?? null,
      salary_min: jitter(base.salaryMin, factor),
      salary_max: jitter(base.salaryMax, factor),
      salary_currency: base.salaryCurrency ?? null,
      salary_period: base.salaryPeriod ?? null,
      salary_usd_yearly: jitter(base.salaryUsdYearly, factor),
      languages: base.languages ?? [],
      skills: base.skills ?? [],
      seniority: base.seniority ?? 'unknown',
      role: base.role ?? 'other',
      tags: base.tags ?? [],
      years_required: base.yearsRequired ?? null,
      degree_required: base.degreeRequired ?? null,
      visa_sponsorship: base.visaSponsorship ?? null,
      description_html: base.descriptionHtml ?? '',
      description_text: base.descriptionText ?? '',
      posted_at: postedAt,
      first_seen_at: firstSeen,
      last_seen_at: removed ?? new Date(now),
      removed_at: removed,
      is_sample: false,
    };
  };

  start = performance.now();
  let previous: Record<Column, unknown> | null = null;
  // Two batches in flight: the server computes the tsvector of one while the next is built.
  const inFlight = new Set<Promise<unknown>>();
  for (let from = 0; from < count; from += batch) {
    const rows: Record<Column, unknown>[] = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      previous = rowAt(i, previous);
      rows.push(previous);
    }
    const insert: Promise<unknown> = client`insert into listings ${client(rows as never, COLUMNS as unknown as string[])}`.then(() => inFlight.delete(insert));
    inFlight.add(insert);
    if (inFlight.size >= 2) await Promise.race(inFlight);
    if ((from / batch) % 25 === 24) console.log(`search: seeded ${(from + batch).toLocaleString('en')} listings`);
  }
  await Promise.all(inFlight);
  const insertMs = performance.now() - start;

  start = performance.now();
  for (const index of indexes) await client.unsafe(index.indexdef);
  await client`update listings c set duplicate_of = p.id from listings p
    where c.external_id like 'copy-%' and p.fingerprint = c.fingerprint and p.external_id like 'bench-%'`;
  const indexMs = performance.now() - start;

  start = performance.now();
  await client`vacuum analyze listings`;
  const analyzeMs = performance.now() - start;

  const [size] = await client<{ mb: number }[]>`select (pg_total_relation_size('listings') / 1048576)::int as mb`;
  const distribution: Record<string, Record<string, number>> = {};
  const facets = {
    language: 'unnest(languages)',
    seniority: 'seniority::text',
    remote: 'remote::text',
    role: 'role::text',
    board: 'board_id',
    salary: "case when salary_usd_yearly is null then 'none' else coalesce(salary_currency, '?') end",
    selfTaught: "(degree_required is distinct from true and (years_required is null or years_required <= 2))::text",
    state: "case when removed_at is not null then 'removed' when duplicate_of is not null then 'copy' else 'open' end",
  };
  for (const [name, expression] of Object.entries(facets)) {
    const rows = await client.unsafe<{ value: string | null; n: number }[]>(
      `select ${expression} as value, count(*)::int as n from listings group by 1 order by 2 desc`,
    );
    distribution[name] = Object.fromEntries(rows.map((row) => [row.value ?? 'null', row.n]));
  }
  return { rows: count, poolSize: pool.length, source: templates().source, prepareMs, insertMs, indexMs, analyzeMs, tableMb: size!.mb, distribution };
}
