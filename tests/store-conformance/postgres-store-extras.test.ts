import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../../runtime/domain/invalid-cursor-error.js';
import { encodeCursor } from '../../runtime/store/query/cursor.js';
import { InvalidSchemaNameError } from '../../runtime/store/postgres/open-database.js';
import { PostgresStore } from '../../runtime/store/postgres/postgres-store.js';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../support/postgres.js';
import { putRecord, record } from './fixtures.js';

// What the PostgreSQL store adds to the shared suite: its own inputs and indexes.
describe.skipIf(TEST_DATABASE_URL === undefined)('PostgresStore specifics', () => {
  const url = TEST_DATABASE_URL as string;
  let schema: string;
  let store: PostgresStore;
  beforeEach(async () => {
    schema = freshSchemaName();
    store = await PostgresStore.open({ connectionString: url, schema, poolSize: 2 });
  });
  afterEach(async () => {
    await store.close();
    await dropSchema(schema);
  });

  it('finds records by a normalised field value (duplicate control), kept current by writes', async () => {
    await store.commit([
      putRecord(record('r1', 1, { fields: { phone: '8 (903) 555-12-34', email: 'A@x.io' } })),
      putRecord(record('r2', 2, { entity: 'lead', fields: { phone: '+7 903 555 12 34' } })),
    ]);
    const ids = async (entity: string, field: string, key: string) =>
      (await store.findRecordsByValue(entity, field, key)).map((r) => r.id);
    expect(await ids('deal', 'phone', '79035551234')).toEqual(['r1']);
    expect(await ids('lead', 'phone', '79035551234')).toEqual(['r2']);
    expect(await ids('deal', 'email', 'a@x.io')).toEqual(['r1']);
    await store.commit([putRecord(record('r1', 1, { fields: { phone: '111-22-33' } }))]);
    expect(await ids('deal', 'phone', '79035551234')).toEqual([]);
    await store.commit([{ op: 'delete', collection: 'records', key: 'r2' }]);
    expect(await ids('lead', 'phone', '79035551234')).toEqual([]);
    // A value longer than a btree entry may hold is still indexed.
    const long = 'x'.repeat(10_000);
    await store.commit([putRecord(record('r3', 3, { fields: { note: long } }))]);
    expect(await ids('deal', 'note', long)).toEqual(['r3']);
  });

  it('stores a NUL character in a field without refusing the write', async () => {
    await store.commit([putRecord(record('r1', 1, { fields: { title: 'a\u0000b' } }))]);
    expect((await store.get('records', 'r1'))?.fields.title).toBe('a\u0000b');
    expect((await store.queryRecords({ text: 'a' })).items).toHaveLength(1);
  });

  it('refuses a well-formed cursor whose values have the wrong types', async () => {
    await store.commit([putRecord(record('r1', 1))]);
    const forged = encodeCursor('versions', ['m1', 'not a number', 'k']);
    await expect(store.query('versions', {}, { cursor: forged })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    const records = encodeCursor('records:createdAt', [7, 'r1']);
    await expect(store.queryRecords({}, { cursor: records })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(
      PostgresStore.open({ connectionString: url, schema: 'x"; DROP TABLE y; --' }),
    ).rejects.toBeInstanceOf(InvalidSchemaNameError);
  });

  it('keeps the timeline append-only in the database itself', async () => {
    await store.commit([
      {
        op: 'append',
        collection: 'timeline',
        key: 'tl1',
        value: {
          id: 'tl1',
          recordId: 'r1',
          at: '2026-01-01T00:00:00.000Z',
          seq: 0,
          kind: 'note',
          message: 'm',
        },
      },
    ]);
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    try {
      await expect(
        client.query(`UPDATE "${schema}".timeline SET doc = '{}'::json WHERE key = 'tl1'`),
      ).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
  it('writes quotes, backslashes and placeholders in values as they are (statements sent as one string)', async () => {
    const odd = `it's \\ a "$1" E'x' $$ ; -- ;`;
    await store.commit([putRecord(record('r1', 1, { fields: { title: odd, note: odd } }))]);
    expect((await store.get('records', 'r1'))?.fields).toMatchObject({ title: odd, note: odd });
    expect((await store.queryRecords({ text: "it's" })).items.map((r) => r.id)).toEqual(['r1']);
    expect((await store.findRecordsByValue('deal', 'note', odd)).map((r) => r.id)).toEqual([]);
  });

  it('moves the shared stamp of a small collection on any write to it, from any session', async () => {
    const users = () => store.sharedStamp(['users']);
    const directory = () => store.sharedStamp(['users', 'departments', 'queues']);
    const u0 = await users();
    const d0 = await directory();
    await store.commit([putRecord(record('r1', 1))]);
    expect(await users()).toBe(u0);
    expect(await directory()).toBe(d0);
    await store.commit([
      { op: 'put', collection: 'users', key: 'u1', value: { id: 'u1', name: 'U 1' } as never },
    ]);
    const u1 = await users();
    expect(u1).toBeGreaterThan(u0);
    expect(await directory()).toBeGreaterThan(d0);
    // Another session's write (another process, a tool) moves it too.
    const d1 = await directory();
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`DELETE FROM "${schema}".queues`);
    } finally {
      await client.end();
    }
    expect(await directory()).toBeGreaterThan(d1);
    expect(await users()).toBe(u1);
    // A refused batch moves nothing.
    const d2 = await directory();
    await expect(
      store.commit([
        { op: 'put', collection: 'users', key: 'u2', value: { id: 'u2', name: 'U 2' } as never },
        putRecord(record('r1', 1), 99),
      ]),
    ).rejects.toThrow();
    expect(await directory()).toBe(d2);
  });
});
