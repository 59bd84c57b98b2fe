import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { hiddenCompanies, listings } from '../../db/schema';
import type { Db } from '../../db/types';
import { normaliseCompany } from '../dedupe/keys';
import { BadInputError, fieldErrors, NotFoundError } from '../errors';

// Hiding a company drops its listings from one user's /jobs, /api/jobs and everything else built
// on lib/search with withHiddenCompanies (digests). The key is lib/dedupe's normaliseCompany,
// the same one every listing's fingerprint starts with, so "Acme Inc." and "ACME GmbH" are one.

/** Hidden names one user may keep (the filter carries them all on every search). */
export const MAX_HIDDEN_COMPANIES = 500;

export const hideCompanySchema = z.object({
  company: z.string({ error: 'Name the company.' }).trim().min(1, 'Name the company.').max(200, 'That name is too long.'),
});

/** Hide a company name from this user's results. Idempotent. Returns its key. */
export async function hideCompany(db: Db, userId: string, input: unknown): Promise<string> {
  const parsed = hideCompanySchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error, 'company');
    throw new BadInputError(fields.company!, fields);
  }
  const key = normaliseCompany(parsed.data.company);
  if (!key) throw new BadInputError('That name has nothing to hide by (only punctuation or a legal suffix).', { company: 'not a company name' });
  const count = await db.$count(hiddenCompanies, eq(hiddenCompanies.userId, userId));
  if (count >= MAX_HIDDEN_COMPANIES) {
    throw new BadInputError(`You hide ${MAX_HIDDEN_COMPANIES} companies already; show one again first.`, { company: 'too many hidden' });
  }
  await db.insert(hiddenCompanies).values({ userId, companyKey: key, name: parsed.data.company }).onConflictDoNothing();
  return key;
}

/** Show a hidden company again. NotFoundError when this user does not hide it. */
export async function showCompany(db: Db, userId: string, companyKey: string): Promise<void> {
  const deleted = await db
    .delete(hiddenCompanies)
    .where(and(eq(hiddenCompanies.userId, userId), eq(hiddenCompanies.companyKey, companyKey)))
    .returning({ key: hiddenCompanies.companyKey });
  if (deleted.length === 0) throw new NotFoundError('That company is not hidden.');
}

/** The keys for withHiddenCompanies (lib/search/filters.ts). */
export async function hiddenCompanyKeys(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ key: hiddenCompanies.companyKey }).from(hiddenCompanies).where(eq(hiddenCompanies.userId, userId));
  return rows.map((row) => row.key);
}

/** For /settings: what the user hid, oldest first. */
export async function listHiddenCompanies(db: Db, userId: string): Promise<{ key: string; name: string; hiddenAt: Date }[]> {
  const rows = await db
    .select({ key: hiddenCompanies.companyKey, name: hiddenCompanies.name, hiddenAt: hiddenCompanies.createdAt })
    .from(hiddenCompanies)
    .where(eq(hiddenCompanies.userId, userId))
    .orderBy(asc(hiddenCompanies.createdAt), asc(hiddenCompanies.companyKey));
  return rows;
}

/** Hide the company of a listing (the button on /jobs/[id]). NotFoundError without a listing or a company name. */
export async function hideCompanyOfListing(db: Db, userId: string, listingId: number): Promise<{ key: string; name: string }> {
  const [row] = await db.select({ company: listings.company }).from(listings).where(eq(listings.id, listingId));
  if (!row) throw new NotFoundError('Listing not found');
  if (!row.company?.trim()) throw new BadInputError('This listing names no company to hide.', { company: 'not stated' });
  return { key: await hideCompany(db, userId, { company: row.company }), name: row.company.trim() };
}
