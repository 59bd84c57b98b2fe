import { describe, expect, it } from 'vitest';
import { isConnectionError, retryWhileUnreachable } from './reconnect';

const coded = (code: string) => Object.assign(new Error(code), { code });

describe('isConnectionError', () => {
  it.each([
    [coded('57P01'), true], // admin_shutdown: the server is restarting
    [coded('55000'), true], // database not accepting connections
    [coded('ECONNREFUSED'), true],
    [new Error('Failed query', { cause: coded('CONNECTION_CLOSED') }), true], // drizzle wraps the driver's error
    [coded('23505'), false], // unique violation: a real error, never retried
    [new Error('plain'), false],
    [null, false],
  ])('%s -> %s', (error, expected) => {
    expect(isConnectionError(error)).toBe(expected);
  });
});

describe('retryWhileUnreachable', () => {
  it('retries through a short outage and returns the result', async () => {
    let calls = 0;
    const value = await retryWhileUnreachable(async () => {
      if (++calls < 3) throw coded('57P03');
      return 'back';
    }, 5_000);
    expect({ value, calls }).toEqual({ value: 'back', calls: 3 });
  });

  it('does not retry other errors, and gives up after the window', async () => {
    let calls = 0;
    await expect(retryWhileUnreachable(async () => (calls++, Promise.reject(coded('23505'))))).rejects.toMatchObject({ code: '23505' });
    expect(calls).toBe(1);
    await expect(retryWhileUnreachable(async () => Promise.reject(coded('ECONNREFUSED')), 300)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
