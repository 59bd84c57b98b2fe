import { describe, expect, it } from 'vitest';
import { ANY_BODY_MAX_BYTES, handle, JSON_BODY_MAX_BYTES, readBodyBytes, readJsonBody } from './http';

/** A body streamed in `chunks` pieces of `size` bytes, counting how many were pulled. */
function streamed(chunks: number, size: number) {
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= chunks) return controller.close();
      state.pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { body, state };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

const route = handle(async (request: Request) => Response.json({ got: await readJsonBody(request) }));

describe('readJsonBody', () => {
  it('parses JSON up to the cap', async () => {
    const response = await route(post(JSON.stringify({ a: 1 })));
    expect(await response.json()).toEqual({ got: { a: 1 } });
    const atCap = `"${'x'.repeat(JSON_BODY_MAX_BYTES - 2)}"`;
    expect((await route(post(atCap))).status).toBe(200);
  });

  it('answers 413 for a declared Content-Length over the cap, before reading anything', async () => {
    const { body, state } = streamed(100, 64 * 1024);
    const response = await route(new Request('http://localhost/api/x', { method: 'POST', body, headers: { 'content-length': String(200 * 1024 * 1024) }, duplex: 'half' } as RequestInit));
    expect(response.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it('counts the bytes of a body without Content-Length and stops just past the cap', async () => {
    const { body, state } = streamed(3200, 64 * 1024); // 200 MB if read to the end
    const response = await route(post(body));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/larger than 1024 kB/) });
    // The cap is 16 chunks; the stream may have queued one or two ahead.
    expect(state.pulled).toBeLessThan(20);
  });

  it('is not fooled by a Content-Length that understates the body', async () => {
    const bytes = new Uint8Array(JSON_BODY_MAX_BYTES + 10).fill(0x20);
    const request = new Request('http://localhost/api/x', { method: 'POST', body: bytes });
    // A lying header as a client could send it (fetch itself would correct it on the wire).
    Object.defineProperty(request, 'headers', { value: new Headers({ 'content-length': '2' }) });
    await expect(readBodyBytes(request, JSON_BODY_MAX_BYTES)).rejects.toMatchObject({ name: 'PayloadTooLargeError' });
  });

  it('handle() refuses a declared body larger than any route takes before the route runs', async () => {
    let ran = false;
    const bodiless = handle(async (_request: Request) => {
      ran = true;
      return new Response(null, { status: 204 });
    });
    const request = new Request('http://localhost/api/timer/stop', { method: 'POST', headers: { 'content-length': String(ANY_BODY_MAX_BYTES + 1) } });
    expect((await bodiless(request)).status).toBe(413);
    expect(ran).toBe(false);
  });

  it('answers 400 to a body that is not JSON, and reads an empty one as not JSON', async () => {
    expect((await route(post('{nope'))).status).toBe(400);
    expect((await route(new Request('http://localhost/api/x', { method: 'POST' }))).status).toBe(400);
  });
});
