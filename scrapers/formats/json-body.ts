import { ParseError } from '../errors';

// The checks every JSON board runs on the whole body before looking at items: a body that
// fails them is not the board's API response, and the run fails with a ParseError that
// says what arrived instead.

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'object' ? `an object with keys ${Object.keys(value).slice(0, 8).join(', ') || '(none)'}` : `a ${typeof value}`;
}

/** A short printable sample of the body for error messages. */
function sample(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}

/** Parse a board's JSON body (a UTF-8 BOM is allowed). Throws ParseError for empty, HTML, or invalid/truncated JSON. */
export function parseJsonBody(body: string, boardName: string): unknown {
  const text = body.replace(/^\ufeff/, '').trim();
  if (!text) throw new ParseError(`${boardName}: the response body is empty, expected JSON`);
  if (text.startsWith('<')) {
    const kind = /^<(!doctype html|html)\b/i.test(text) ? 'an HTML page' : 'markup';
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    throw new ParseError(`${boardName}: expected JSON but got ${kind}${title ? ` ("${sample(title)}")` : ''}: ${sample(text)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // V8 says "Unexpected end of JSON input", or names a position at the very end.
    const position = /at position (\d+)/.exec(detail)?.[1];
    const truncated = /end of (JSON )?input|Unterminated/i.test(detail) || (position !== undefined && Number(position) >= text.length);
    throw new ParseError(
      `${boardName}: the body is not valid JSON${truncated ? ' (it ends early: truncated response?)' : ''}: ${detail}`,
      { cause: error },
    );
  }
}

/** Throw a ParseError that names the shape that was expected and what came instead. */
export function wrongShape(boardName: string, expected: string, got: unknown): never {
  throw new ParseError(`${boardName}: expected ${expected}, got ${describe(got)}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
