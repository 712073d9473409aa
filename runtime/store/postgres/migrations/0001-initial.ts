import { sql, type Kysely } from 'kysely';

/**
 * The first schema: one table per collection (`key`, the document as `doc`, and the
 * columns its filters and order use, see `../tables.ts`), the record value index for
 * duplicate control, and the indexes the API's filters need. Frozen: later changes are
 * new migrations, never edits of this one (a database that ran it keeps it).
 */

type Col = readonly [name: string, type: 'text' | 'int' | 'bool' | 'float', notNull?: boolean];

const SQL_TYPES = {
  text: 'text COLLATE "C"',
  int: 'integer',
  bool: 'boolean',
  float: 'double precision',
} as const;

const T = (name: string, nn = false): Col => [name, 'text', nn];

/** Every table as it was when this migration was written. */
const TABLES: ReadonlyArray<{ table: string; columns: readonly Col[]; claims?: boolean }> = [
  {
    table: 'records',
    columns: [
      T('entity'),
      T('model'),
      T('pipeline'),
      T('stage'),
      T('responsible'),
      T('title_lower'),
      ['amount', 'float'],
      T('created_at', true),
      T('updated_at', true),
      ['revision', 'int', true],
    ],
  },
  { table: 'models', columns: [] },
  { table: 'versions', columns: [T('model_id', true), ['version', 'int', true]] },
  { table: 'timeline', columns: [T('record_id'), T('kind'), T('at', true)] },
  { table: 'tasks', columns: [T('record_id'), T('status'), T('assignee'), T('created_at', true)] },
  { table: 'notifications', columns: [T('record_id'), T('recipient'), T('created_at', true)] },
  {
    table: 'outbox',
    columns: [
      T('record_id'),
      T('status'),
      T('kind'),
      T('next_attempt_at'),
      T('attempt_at', true),
      T('stamp', true),
      T('created_at', true),
    ],
    claims: true,
  },
  {
    table: 'timers',
    columns: [
      T('record_id'),
      T('entity'),
      T('model_id'),
      ['failed', 'bool', true],
      ['in_flight', 'bool', true],
      T('stamp', true),
      T('due_at', true),
    ],
    claims: true,
  },
  { table: 'users', columns: [] },
  { table: 'departments', columns: [] },
  { table: 'queues', columns: [] },
  { table: 'queue_positions', columns: [] },
  { table: 'effects', columns: [] },
  {
    table: 'documents',
    columns: [T('record_id'), T('template'), T('register'), T('created_at', true)],
  },
  { table: 'hook_tokens', columns: [T('model_id')] },
  {
    table: 'accounts',
    columns: [T('user_id'), ['active', 'bool', true], T('email'), T('role'), T('created_at', true)],
  },
  { table: 'sessions', columns: [T('account_id'), T('expires_at'), T('created_at', true)] },
  { table: 'api_tokens', columns: [T('account_id'), T('created_at', true)] },
  { table: 'roles', columns: [] },
  {
    table: 'audit',
    columns: [T('actor'), T('kind'), T('entity'), T('record_id'), T('target'), T('at', true)],
  },
  { table: 'recycle_bin', columns: [T('entity'), T('purge_after'), T('deleted_at', true)] },
  { table: 'settings', columns: [] },
];

/** Indexes for the filters each list and service uses; every order ends with the key. */
const INDEXES: readonly string[] = [
  // Records: the API's filters (entity, pipeline and stage, responsible, updated) and orders.
  'records (created_at, key)',
  'records (updated_at, key)',
  'records (entity, created_at, key)',
  'records (pipeline, stage, created_at, key)',
  'records (model, stage)',
  'records (responsible, created_at, key)',
  'records USING gin (fields jsonb_path_ops)',
  'versions (model_id, version, key)',
  // The timeline is read per record, in time order, and by time for retention.
  'timeline (record_id, at, key)',
  'timeline (at, key)',
  'tasks (record_id, created_at, key)',
  'tasks (assignee, status)',
  'tasks (created_at, key)',
  'notifications (record_id, created_at, key)',
  'notifications (recipient, created_at, key)',
  'outbox (record_id, created_at, key)',
  'outbox (status, created_at, key)',
  "outbox (attempt_at, key) WHERE status = 'pending'",
  'timers (due_at, key)',
  'timers (due_at, key) WHERE NOT failed',
  'timers (record_id, due_at, key)',
  'timers (model_id, due_at)',
  'documents (record_id, created_at, key)',
  'documents (created_at, key)',
  'documents (register)',
  'hook_tokens (model_id)',
  'accounts (email)',
  'accounts (user_id)',
  'sessions (account_id)',
  'sessions (expires_at)',
  'api_tokens (account_id)',
  'audit (at, key)',
  'audit (actor, at)',
  'audit (record_id, at)',
  'recycle_bin (deleted_at, key)',
  'recycle_bin (purge_after)',
  // Duplicate control: records by a field's normalised value (any length, hence md5).
  'record_values (entity, field, md5(value_key))',
  'record_values (record_id)',
];

const columnSql = ([name, type, notNull]: Col): string =>
  `${name} ${SQL_TYPES[type]}${notNull === true ? ' NOT NULL' : ''}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const t of TABLES) {
    const columns = [
      'key text COLLATE "C" PRIMARY KEY',
      'doc json NOT NULL',
      ...(t.table === 'records' ? ['fields jsonb NOT NULL'] : []),
      ...t.columns.map(columnSql),
      ...(t.claims === true ? ['claim_until bigint', 'claim_stamp text COLLATE "C"'] : []),
    ];
    await sql.raw(`CREATE TABLE ${t.table} (${columns.join(', ')})`).execute(db);
  }
  await sql
    .raw(
      `CREATE TABLE record_values (record_id text COLLATE "C" NOT NULL, entity text COLLATE "C" NOT NULL,
       field text COLLATE "C" NOT NULL, value_key text COLLATE "C" NOT NULL)`,
    )
    .execute(db);
  for (const [n, def] of INDEXES.entries())
    await sql
      .raw(`CREATE INDEX ix_${String(n).padStart(2, '0')}_${def.split(' ')[0]} ON ${def}`)
      .execute(db);
  // Histories are append-only in the database too: an UPDATE is a bug, refused loudly.
  await sql
    .raw(
      `CREATE FUNCTION conveyor_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
    )
    .execute(db);
  for (const table of ['timeline', 'audit'])
    await sql
      .raw(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION conveyor_refuse_update()`,
      )
      .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [...TABLES.map((x) => x.table), 'record_values'])
    await sql.raw(`DROP TABLE IF EXISTS ${t}`).execute(db);
  await sql.raw('DROP FUNCTION IF EXISTS conveyor_refuse_update()').execute(db);
}
