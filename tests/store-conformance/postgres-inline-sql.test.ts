import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineSql } from '../../runtime/store/postgres/inline-sql.js';
import { TEST_DATABASE_URL } from '../support/postgres.js';

// A commit writes its parameters into the statement text (one round trip): a value
// written in must come back as itself, whatever a hostile client put into it.
describe.skipIf(TEST_DATABASE_URL === undefined)('parameters written into SQL (PostgreSQL)', () => {
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL as string, max: 1 });
  const db = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool }) });
  afterAll(async () => {
    await db.destroy();
  });

  const hostile = [
    "it's",
    "'; DROP TABLE records; --",
    "back\\slash \\' and \\\\",
    '$1 $2 $$ $tag$ dollar',
    'line\nbreak\ttab\r',
    'Привет, «кавычки» 🙂',
    '"double" quotes and `backticks`',
    '',
  ];

  it('reads back every hostile string, number and JSON value as it was given', async () => {
    for (const value of hostile) {
      const text = inlineSql(sql`SELECT ${value}::text AS v, ${42}::int AS n`.compile(db));
      const { rows } = await pool.query<{ v: string; n: number }>(text);
      expect(rows[0]).toEqual({ v: value, n: 42 });
    }
    const doc = { title: "O'Brien \\ $1", tags: ['a', "b'"], nested: { n: 1.5 } };
    const text = inlineSql(sql`SELECT ${JSON.stringify(doc)}::jsonb AS d`.compile(db));
    expect((await pool.query<{ d: unknown }>(text)).rows[0]?.d).toEqual(doc);
  });

  it('a value holding a placeholder is not substituted again', async () => {
    const text = inlineSql(sql`SELECT ${'$2'}::text AS a, ${'x'}::text AS b`.compile(db));
    expect((await pool.query(text)).rows[0]).toEqual({ a: '$2', b: 'x' });
  });
});
