import { sql, type RawBuilder } from 'kysely';
import { normalizeMatchValue } from '../../../schemas/index.js';
import { isAppendOnly, type CollectionName } from '../../domain/collections.js';
import type { OutboxDoc } from '../../domain/outbox.js';
import type { RecordDoc } from '../../domain/record.js';
import type { TimerDoc } from '../../domain/timer.js';
import type { WriteOp } from '../../domain/write-op.js';
import { prepareBatch } from '../prepare-batch.js';
import { planDeliveryJob, planTimerJob } from './jobs.js';
import { jsonbText } from './sql-conditions.js';
import { TABLES } from './tables.js';

/**
 * Another transaction created a key this batch saw missing (a create raced a create):
 * the whole batch is tried again, and then sees (and checks against) that document.
 */
export class RaceLostError extends Error {
  constructor() {
    super('a concurrent write created the same key; retrying');
    this.name = 'RaceLostError';
  }
}

/**
 * An append met a key that exists. Appends are not looked up before writing (their
 * keys are new ids, and a look-up is a round trip per collection on every move): the
 * batch is tried again with them looked up, and then refused as every store refuses it.
 */
export class AppendMetKeyError extends Error {
  constructor() {
    super('an append met an existing key; retrying with appends looked up');
    this.name = 'AppendMetKeyError';
  }
}

/** The connection a batch is committed on: statements go as one simple query (one round trip). */
export interface BatchLink {
  /** Compiles a statement with its parameters written in (`inlineSql`). */
  compile(q: RawBuilder<unknown>): string;
  /** Runs statements joined into one string; answers each one's rows. */
  run(statements: readonly string[]): Promise<Array<Array<Record<string, unknown>>>>;
}

const columnValues = (c: CollectionName, doc: unknown): Array<string | number | boolean | null> =>
  Object.values(TABLES[c].columns).map((spec) => spec.of(doc as never));

/** Every field's normalised values (`normalizeMatchValue`): duplicate control's lookups. */
function valueRows(r: RecordDoc): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [field, value] of Object.entries(r.fields))
    for (const key of normalizeMatchValue(field, value)) out.push([field, key]);
  return out;
}

function writeValues(
  out: Array<RawBuilder<unknown>>,
  key: string,
  before: RecordDoc | undefined,
  after: RecordDoc | undefined,
): void {
  // A stage move leaves the fields alone: nothing to re-index.
  if (
    before !== undefined &&
    after !== undefined &&
    before.entity === after.entity &&
    JSON.stringify(before.fields) === JSON.stringify(after.fields)
  )
    return;
  if (before !== undefined) out.push(sql`DELETE FROM record_values WHERE record_id = ${key}`);
  if (after === undefined) return;
  const rows = valueRows(after).map(
    ([field, value]) =>
      sql`(${key}, ${after.entity}, ${field}, ${value.replaceAll('\u0000', '\uFFFD')})`,
  );
  if (rows.length > 0)
    out.push(
      sql`INSERT INTO record_values (record_id, entity, field, value_key) VALUES ${sql.join(rows)}`,
    );
}

/**
 * One batch inside one transaction, in two round trips: `BEGIN` and the locks on the
 * rows it names (`SELECT ... FOR UPDATE`, in a fixed order), then, once its conditions
 * are checked against them (`prepareBatch`, as every store does), every write and
 * `COMMIT` as one string. A batch naming no existing row (appends only) is one round
 * trip: its writes as one string run as one transaction. A refused batch throws before
 * any write (the caller rolls back). With `jobsSchema`, timers and pending outbox items
 * get their graphile-worker jobs in the same transaction (`jobs.ts`). A new key that
 * exists after all fails its insert (unique key): `failedInsert` tells which error that
 * is. Returns whether it touched timers.
 */
export async function commitBatch(
  link: BatchLink,
  ops: readonly WriteOp[],
  jobsSchema?: string,
  /** Look up appends' keys too (after an `AppendMetKeyError`). */
  lookUpAppends = false,
): Promise<boolean> {
  const keys = new Map<CollectionName, Set<string>>();
  for (const op of ops) {
    if (op.op === 'append' && !lookUpAppends) continue;
    let set = keys.get(op.collection);
    if (set === undefined) keys.set(op.collection, (set = new Set()));
    set.add(op.key);
  }
  const current = new Map<string, unknown>();
  const locked = keys.size > 0;
  if (locked) {
    const collections = [...keys.keys()].sort();
    const selects = collections.map((c) => {
      const wanted = [...(keys.get(c) ?? [])].sort();
      return link.compile(sql`
        SELECT key, doc FROM ${sql.table(TABLES[c].table)}
        WHERE key IN (${sql.join(wanted)}) ORDER BY key FOR UPDATE`);
    });
    const results = await link.run(['BEGIN', ...selects]);
    collections.forEach((c, i) => {
      for (const row of results[i + 1] ?? []) current.set(`${c}\u0000${String(row.key)}`, row.doc);
    });
  }
  const plain = prepareBatch(ops, (c, key) => current.get(`${c}\u0000${key}`));
  // Keys written once in the batch: when new, they are inserted together, one statement a table.
  const writes = new Map<string, number>();
  for (const op of plain) {
    const id = `${op.collection}\u0000${op.key}`;
    writes.set(id, (writes.get(id) ?? 0) + 1);
  }
  const inserts = new Map<CollectionName, Array<{ key: string; value: unknown }>>();
  const out: Array<RawBuilder<unknown>> = [];
  const add = (q: RawBuilder<unknown> | undefined): void => {
    if (q !== undefined) out.push(q);
  };
  let timers = false;
  for (const op of plain) {
    const spec = TABLES[op.collection];
    const table = sql.table(spec.table);
    const id = `${op.collection}\u0000${op.key}`;
    const before = current.get(id);
    if (op.collection === 'timers') timers = true;
    if (op.collection === 'records')
      writeValues(
        out,
        op.key,
        before as RecordDoc | undefined,
        op.op === 'put' ? (op.value as RecordDoc) : undefined,
      );
    const after = op.op === 'put' ? op.value : undefined;
    if (jobsSchema !== undefined && op.collection === 'timers')
      add(
        planTimerJob(
          jobsSchema,
          op.key,
          before as TimerDoc | undefined,
          after as TimerDoc | undefined,
        ),
      );
    if (jobsSchema !== undefined && op.collection === 'outbox')
      add(
        planDeliveryJob(
          jobsSchema,
          op.key,
          before as OutboxDoc | undefined,
          after as OutboxDoc | undefined,
        ),
      );
    if (op.op === 'delete') {
      if (before !== undefined) out.push(sql`DELETE FROM ${table} WHERE key = ${op.key}`);
      current.set(id, undefined);
      continue;
    }
    if (before === undefined && writes.get(id) === 1) {
      let rows = inserts.get(op.collection);
      if (rows === undefined) inserts.set(op.collection, (rows = []));
      rows.push({ key: op.key, value: op.value });
    } else if (before === undefined) out.push(insertRows(op.collection, [op]));
    else out.push(updateRow(op.collection, op.key, op.value));
    current.set(id, op.value);
  }
  for (const [c, rows] of inserts) out.push(insertRows(c, rows));
  const statements = out.map((q) => link.compile(q));
  if (locked) statements.push('COMMIT');
  // Nothing to write and nothing locked (a batch of no-ops): no round trip at all.
  if (statements.length > 0) await link.run(statements);
  return timers;
}

/**
 * The error a failed insert becomes: a key that exists after all (it was created since
 * it was looked up, or an append was not looked up) has the batch tried again, with
 * appends looked up (`AppendMetKeyError`) or as it is (`RaceLostError`). Undefined: the
 * error is not a key met.
 */
export function failedInsert(e: unknown, lookedUpAppends: boolean): Error | undefined {
  const { code, table, constraint } = (e ?? {}) as {
    code?: unknown;
    table?: unknown;
    constraint?: unknown;
  };
  if (code !== '23505' || typeof table !== 'string' || constraint !== `${table}_pkey`)
    return undefined;
  const c = (Object.keys(TABLES) as CollectionName[]).find((n) => TABLES[n].table === table);
  if (c === undefined) return undefined;
  return isAppendOnly(c) && !lookedUpAppends ? new AppendMetKeyError() : new RaceLostError();
}

/** The values of a row's columns: key, doc, (records) fields, then the derived columns. */
function rowOf(
  c: CollectionName,
  key: string,
  value: unknown,
): { names: string[]; values: RawBuilder<unknown>[] } {
  const spec = TABLES[c];
  const names = Object.keys(spec.columns);
  const values = columnValues(c, value).map((v) => sql`${v}`);
  const doc = sql`${JSON.stringify(value)}::json`;
  if (c === 'records')
    return {
      names: ['key', 'doc', 'fields', ...names],
      values: [sql`${key}`, doc, sql`${jsonbText((value as RecordDoc).fields)}::jsonb`, ...values],
    };
  return { names: ['key', 'doc', ...names], values: [sql`${key}`, doc, ...values] };
}

/** New documents of one collection in one statement (a key that exists fails it: `failedInsert`). */
function insertRows(
  c: CollectionName,
  rows: ReadonlyArray<{ key: string; value: unknown }>,
): RawBuilder<unknown> {
  const made = rows.map((r) => rowOf(c, r.key, r.value));
  const names = made[0]?.names ?? [];
  return sql`
    INSERT INTO ${sql.table(TABLES[c].table)} (${sql.join(names.map((n) => sql.ref(n)))})
    VALUES ${sql.join(made.map((m) => sql`(${sql.join(m.values)})`))}`;
}

function updateRow(c: CollectionName, key: string, value: unknown): RawBuilder<unknown> {
  const spec = TABLES[c];
  const { names, values } = rowOf(c, key, value);
  const sets = names.slice(1).map((n, i) => sql`${sql.ref(n)} = ${values[i + 1]}`);
  // A claim ends when what it was taken on changes (re-planned, parked, attempted).
  if (spec.claims === true)
    sets.push(
      sql`claim_until = CASE WHEN stamp = ${values[names.indexOf('stamp')]} THEN claim_until END`,
    );
  return sql`UPDATE ${sql.table(spec.table)} SET ${sql.join(sets)} WHERE key = ${key}`;
}
