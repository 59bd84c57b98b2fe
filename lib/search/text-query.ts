import { and, not, or, type Bitset } from './bitset';

/**
 * A tsquery as PostgreSQL prints it (`'platform' & !'redi' | 'distribut' <-> 'system'`), as a
 * tree of and/or/not over leaves. A leaf is a lexeme or a whole phrase: phrases need word
 * positions, which only PostgreSQL has, so a phrase is matched there as one piece.
 *
 * Why: the rows a text search matches are fetched from PostgreSQL one leaf at a time and
 * cached until listings change (lib/search/snapshot-store.ts). Searches share words far more than
 * whole queries ("python -django", "python or go"), so after a few searches the facets of a
 * new one are counted from cached leaves, where fetching its matches took 100-200 ms.
 */
export type TextQuery =
  | { kind: 'leaf'; text: string }
  | { kind: 'not'; child: TextQuery }
  | { kind: 'and' | 'or'; left: TextQuery; right: TextQuery };

interface Token {
  kind: 'lexeme' | '(' | ')' | '!' | '&' | '|' | 'phrase';
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const start = i;
    if (char === ' ') {
      i++;
    } else if (char === "'") {
      // 'lexeme' with '' for a quote and \ escaping the next character, then :* or weights.
      i++;
      while (i < text.length) {
        if (text[i] === '\\') i += 2;
        else if (text[i] === "'" && text[i + 1] === "'") i += 2;
        else if (text[i] === "'") break;
        else i++;
      }
      if (i >= text.length) throw new Error(`tsquery: unterminated lexeme in ${text}`);
      i++;
      if (text[i] === ':') while (/[:*A-Da-d]/.test(text[i] ?? '')) i++;
      tokens.push({ kind: 'lexeme', start, end: i });
    } else if (char === '<') {
      const close = text.indexOf('>', i);
      if (close < 0 || !/^<(-|\d+)>$/.test(text.slice(i, close + 1))) throw new Error(`tsquery: bad phrase operator in ${text}`);
      i = close + 1;
      tokens.push({ kind: 'phrase', start, end: i });
    } else if ('()!&|'.includes(char)) {
      i++;
      tokens.push({ kind: char as Token['kind'], start, end: i });
    } else {
      throw new Error(`tsquery: unexpected ${JSON.stringify(char)} in ${text}`);
    }
  }
  return tokens;
}

/**
 * Parse PostgreSQL's text form of a tsquery; null for the empty query (which matches nothing).
 * Precedence, loosest first: | then & then <-> then !.
 */
export function parseTsquery(text: string): TextQuery | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  let at = 0;
  const peek = () => tokens[at];
  const expect = (kind: Token['kind']) => {
    const token = tokens[at++];
    if (token?.kind !== kind) throw new Error(`tsquery: expected ${kind} in ${text}`);
    return token;
  };

  // Each parser returns its node and where its text starts and ends (a phrase leaf is its text).
  type Parsed = { node: TextQuery; start: number; end: number };
  const binary = (kind: 'and' | 'or', token: '&' | '|', operand: () => Parsed) => (): Parsed => {
    let left = operand();
    while (peek()?.kind === token) {
      at++;
      const right = operand();
      left = { node: { kind, left: left.node, right: right.node }, start: left.start, end: right.end };
    }
    return left;
  };
  const unary = (): Parsed => {
    const token = peek();
    if (token?.kind === '!') {
      at++;
      const child = unary();
      return { node: { kind: 'not', child: child.node }, start: token.start, end: child.end };
    }
    if (token?.kind === '(') {
      at++;
      const inner = parseOr();
      const close = expect(')');
      return { node: inner.node, start: token.start, end: close.end };
    }
    const lexeme = expect('lexeme');
    return { node: { kind: 'leaf', text: text.slice(lexeme.start, lexeme.end) }, start: lexeme.start, end: lexeme.end };
  };
  const phrase = (): Parsed => {
    const first = unary();
    let end = first.end;
    while (peek()?.kind === 'phrase') {
      at++;
      end = unary().end;
    }
    return end === first.end ? first : { node: { kind: 'leaf', text: text.slice(first.start, end) }, start: first.start, end };
  };
  const parseAnd = binary('and', '&', phrase);
  const parseOr: () => Parsed = binary('or', '|', parseAnd);

  const parsed = parseOr();
  if (at !== tokens.length) throw new Error(`tsquery: unexpected text after position ${tokens[at]!.start} in ${text}`);
  return parsed.node;
}

/** Every leaf of a query, each once. */
export function leavesOf(query: TextQuery): string[] {
  const leaves = new Set<string>();
  const walk = (node: TextQuery) => {
    if (node.kind === 'leaf') leaves.add(node.text);
    else if (node.kind === 'not') walk(node.child);
    else {
      walk(node.left);
      walk(node.right);
    }
  };
  walk(query);
  return [...leaves];
}

/** The rows matching a query, from the rows matching each leaf; `size` rows in all (for not). */
export function evaluate(query: TextQuery, leafRows: (leaf: string) => Bitset, size: number): Bitset {
  switch (query.kind) {
    case 'leaf':
      return leafRows(query.text);
    case 'not':
      return not(evaluate(query.child, leafRows, size), size);
    case 'and':
      return and(evaluate(query.left, leafRows, size), evaluate(query.right, leafRows, size));
    case 'or':
      return or(evaluate(query.left, leafRows, size), evaluate(query.right, leafRows, size));
  }
}
