import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Sort } from './filters';

// Keyset cursors: the sort key and id of the last row of a page, signed so that a cursor the
// API did not issue (hand-made, truncated, from another sort) is refused as a bad parameter.

export interface CursorPosition {
  sort: Sort;
  /** The sort key of the last row: a time (ms), a salary, a rank or a score; null sorts last. */
  key: number | null;
  /** Secondary key for sorts that tie often (match: posted time). */
  key2?: number | null;
  id: number;
}

const SIGNATURE_BYTES = 12;

function sign(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest().subarray(0, SIGNATURE_BYTES);
}

export function encodeCursor(position: CursorPosition, secret: string): string {
  const payload = Buffer.from(JSON.stringify([position.sort, position.key, position.key2 ?? null, position.id])).toString('base64url');
  return `${payload}.${sign(payload, secret).toString('base64url')}`;
}

/** The position, or null when the cursor is not one we issued for this sort. */
export function decodeCursor(cursor: string, sort: Sort, secret: string): CursorPosition | null {
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 4) return null;
    const [s, key, key2, id] = value as unknown[];
    const isKey = (k: unknown) => k === null || (typeof k === 'number' && Number.isFinite(k));
    if (s !== sort || !isKey(key) || !isKey(key2) || !Number.isSafeInteger(id)) return null;
    return { sort, key: key as number | null, key2: key2 as number | null, id: id as number };
  } catch {
    return null;
  }
}
