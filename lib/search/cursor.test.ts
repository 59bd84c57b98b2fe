import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

const secret = 'test-secret-123456';

describe('keyset cursors', () => {
  it('round-trip a position', () => {
    const cursor = encodeCursor({ sort: 'salary', key: 120000, id: 42 }, secret);
    expect(decodeCursor(cursor, 'salary', secret)).toEqual({ sort: 'salary', key: 120000, key2: null, id: 42 });
    const nullKey = encodeCursor({ sort: 'salary', key: null, id: 7 }, secret);
    expect(decodeCursor(nullKey, 'salary', secret)).toEqual({ sort: 'salary', key: null, key2: null, id: 7 });
  });

  it('refuse cursors the API did not issue', () => {
    const cursor = encodeCursor({ sort: 'newest', key: 1_700_000_000_000, id: 42 }, secret);
    const [payload, signature] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify(['newest', 1_700_000_000_000, null, 1])).toString('base64url');
    expect(decodeCursor(`${forged}.${signature}`, 'newest', secret)).toBeNull();
    expect(decodeCursor(`${payload}.${signature!.slice(1)}`, 'newest', secret)).toBeNull();
    expect(decodeCursor(cursor, 'salary', secret)).toBeNull();
    expect(decodeCursor(cursor, 'newest', 'another-secret-0000')).toBeNull();
    expect(decodeCursor('garbage', 'newest', secret)).toBeNull();
    expect(decodeCursor(`${cursor}.x`, 'newest', secret)).toBeNull();
    expect(decodeCursor('', 'newest', secret)).toBeNull();
  });
});
