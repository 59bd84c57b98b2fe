import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/types';
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from '../../test/support/test-db';
import { emptyBitset, hasBit, setBit } from './bitset';
import { evaluate, leavesOf, parseTsquery } from './text-query';

describe('parseTsquery', () => {
  it('reads and/or/not with their precedence, and keeps phrases whole', () => {
    expect(parseTsquery("'platform' & !'redi'")).toEqual({
      kind: 'and',
      left: { kind: 'leaf', text: "'platform'" },
      right: { kind: 'not', child: { kind: 'leaf', text: "'redi'" } },
    });
    // | binds loosest: a & b | c & d is (a & b) | (c & d).
    expect(parseTsquery("'a' & 'b' | 'c' & 'd'")).toEqual({
      kind: 'or',
      left: { kind: 'and', left: { kind: 'leaf', text: "'a'" }, right: { kind: 'leaf', text: "'b'" } },
      right: { kind: 'and', left: { kind: 'leaf', text: "'c'" }, right: { kind: 'leaf', text: "'d'" } },
    });
    expect(parseTsquery("'distribut' <-> 'system' & !( 'go' <2> 'lang' )")).toEqual({
      kind: 'and',
      left: { kind: 'leaf', text: "'distribut' <-> 'system'" },
      right: { kind: 'not', child: { kind: 'leaf', text: "'go' <2> 'lang'" } },
    });
    expect(parseTsquery("( 'a' | 'b' ) & 'c'")).toEqual({
      kind: 'and',
      left: { kind: 'or', left: { kind: 'leaf', text: "'a'" }, right: { kind: 'leaf', text: "'b'" } },
      right: { kind: 'leaf', text: "'c'" },
    });
  });

  it('reads quoted lexemes, weights and prefixes, and the empty query', () => {
    expect(parseTsquery("'o''reilli' & 'back\\\\slash':A & 'pos':*")).toEqual({
      kind: 'and',
      left: { kind: 'and', left: { kind: 'leaf', text: "'o''reilli'" }, right: { kind: 'leaf', text: "'back\\\\slash':A" } },
      right: { kind: 'leaf', text: "'pos':*" },
    });
    expect(parseTsquery('')).toBeNull();
    expect(leavesOf(parseTsquery("'a' & 'b' | !'a'")!)).toEqual(["'a'", "'b'"]);
  });

  it('refuses text that is not a tsquery', () => {
    expect(() => parseTsquery("'open")).toThrow(/unterminated/);
    expect(() => parseTsquery("'a' & ")).toThrow(/expected lexeme/);
    expect(() => parseTsquery("'a' 'b'")).toThrow(/unexpected text/);
    expect(() => parseTsquery("'a' <x> 'b'")).toThrow(/phrase operator/);
  });
});

// The leaves evaluated together must match exactly what PostgreSQL's @@ matches for the whole query.
describe(`text queries from leaves agree with PostgreSQL (${TEST_DRIVER})`, () => {
  let database: TestDatabase;
  const DOCUMENTS = [
    'Senior Go engineer building distributed systems on Kubernetes and PostgreSQL',
    'Python Django developer; REST APIs, payments, PostgreSQL',
    'Platform team: Redis, Kafka, Go microservices, observability',
    'Backend engineer (Rust or Go), systems that are distributed across regions',
    "O'Reilly Media is hiring a data engineer: Python, Airflow, SQL",
    'Frontend React developer, no backend work',
    'Site reliability: Terraform, AWS, Linux, on-call for distributed systems',
    'The the the',
  ];

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create temporary table docs (n int primary key, v tsvector)`);
    for (const [n, text] of DOCUMENTS.entries()) await database.db.execute(sql`insert into docs values (${n}, to_tsvector('english', ${text}))`);
  });
  afterAll(async () => {
    await database.close();
  });

  const matching = async (tsquery: string) =>
    (await queryRows<{ n: number }>(database.db, sql`select n from docs where v @@ ${tsquery}::tsquery order by n`)).map((row) => row.n);

  it.each([
    'go', 'go -redis', 'go or python', '"distributed systems"', '"distributed systems" -kubernetes', 'python or "react developer"',
    '-go', '-go -python', 'the', "o'reilly", 'go postgresql or django payments', '"systems that are distributed"', 'backend -"no backend"',
    'engineer -"distributed systems" or redis',
  ])('%s', async (q) => {
    const [row] = await queryRows<{ text: string }>(database.db, sql`select websearch_to_tsquery('english', ${q})::text as text`);
    const query = parseTsquery(row!.text);
    const expected = await matching(row!.text);
    if (!query) {
      expect(expected).toEqual([]);
      return;
    }
    const leaves = new Map<string, Uint32Array>();
    for (const leaf of leavesOf(query)) {
      const set = emptyBitset(DOCUMENTS.length);
      for (const n of await matching(leaf)) setBit(set, n);
      leaves.set(leaf, set);
    }
    const result = evaluate(query, (leaf) => leaves.get(leaf)!, DOCUMENTS.length);
    expect(DOCUMENTS.map((_, n) => n).filter((n) => hasBit(result, n)), row!.text).toEqual(expected);
  });
});
