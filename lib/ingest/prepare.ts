import { createHash } from 'node:crypto';
import { classify } from '../classify';
import { canonicalUrl, fingerprint } from '../dedupe/keys';
import { sanitizeListingHtml } from '../sanitize';
import { htmlToText, repairMojibake } from '../text';
import { yearlyUsd, type UsdRates } from '../salary/normalize';
import type { NewListing } from '../../db/schema';
import type { DATABASE_FILLED } from './store';
import type { ValidRawListing } from './validate';

/**
 * Bump when classification or sanitizing changes: stored listings then hash differently and
 * are re-classified on their next ingestion.
 */
export const PREPARE_VERSION = 4;

/**
 * Hash of everything a board said about a posting. Computed before any classifying, so an
 * unchanged item costs one hash and no work.
 */
export function contentHash(item: ValidRawListing): string {
  const hash = createHash('sha1');
  hash.update(String(PREPARE_VERSION));
  hash.update(JSON.stringify([item.url, item.title, item.company, item.location, item.salaryText, item.tags, item.postedAt?.getTime() ?? null, item.stated ?? null]));
  hash.update(item.descriptionHtml);
  return hash.digest('base64url');
}

const roundOrNull = (value: number | null | undefined) => (value == null ? null : Math.round(value));

export type PreparedListing = Omit<NewListing, (typeof DATABASE_FILLED)[number]>;

/** Turn a validated board item into a listing row: classified, sanitized, keyed for dedupe. */
export function prepareListing(item: ValidRawListing, hash: string, options: { isSample: boolean; rates: UsdRates; now?: Date }): PreparedListing {
  // The one cleaning a description gets: mojibake repaired in what is stored and shown, then
  // sanitized, then turned into the text that classify and search read (lib/text).
  const descriptionHtml = sanitizeListingHtml(repairMojibake(item.descriptionHtml));
  const descriptionText = htmlToText(descriptionHtml);
  const c = classify({
    title: item.title,
    tags: item.tags,
    descriptionText,
    location: item.location,
    salaryText: item.salaryText,
    stated: item.stated,
  });
  return {
    boardId: item.board,
    externalId: item.externalId,
    url: item.url,
    canonicalUrl: canonicalUrl(item.url),
    fingerprint: fingerprint(item.company, item.title, item.board),
    contentHash: hash,
    title: item.title,
    company: item.company,
    location: item.location,
    remote: c.remote,
    salaryText: item.salaryText,
    salaryMin: roundOrNull(c.salary?.min),
    salaryMax: roundOrNull(c.salary?.max),
    salaryCurrency: c.salary?.currency ?? null,
    salaryPeriod: c.salary?.period ?? null,
    salaryUsdYearly: yearlyUsd(c.salary, options.rates),
    languages: c.languages,
    skills: c.skills,
    seniority: c.seniority,
    role: c.role,
    tags: item.tags,
    yearsRequired: c.yearsRequired,
    degreeRequired: c.degreeRequired,
    visaSponsorship: c.visaSponsorship,
    descriptionHtml,
    descriptionText,
    postedAt: item.postedAt ?? options.now ?? new Date(),
    isSample: options.isSample,
  };
}
