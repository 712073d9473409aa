import { sql, type Kysely, type RawBuilder } from 'kysely';
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

type Trx = Kysely<Record<string, never>>;

const columnValues = (c: CollectionName, doc: unknown): Array<string | number | boolean | null> =>
  Object.values(TABLES[c].columns).map((spec) => spec.of(doc as never));

/** Every field's normalised values (`normalizeMatchValue`): duplicate control's lookups. */
function valueRows(r: RecordDoc): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [field, value] of Object.entries(r.fields))
    for (const key of normalizeMatchValue(field, value)) out.push([field, key]);
  return out;
}

async function writeValues(
  trx: Trx,
  key: string,
  before: RecordDoc | undefined,
  after: RecordDoc | undefined,
): Promise<void> {
  // A stage move leaves the fields alone: nothing to re-index.
  if (
    before !== undefined &&
    after !== undefined &&
    before.entity === after.entity &&
    JSON.stringify(before.fields) === JSON.stringify(after.fields)
  )
    return;
  if (before !== undefined)
    await sql`DELETE FROM record_values WHERE record_id = ${key}`.execute(trx);
  if (after === undefined) return;
  const rows = valueRows(after).map(
    ([field, value]) =>
      sql`(${key}, ${after.entity}, ${field}, ${value.replaceAll('\u0000', '\uFFFD')})`,
  );
  if (rows.length > 0)
    await sql`INSERT INTO record_values (record_id, entity, field, value_key) VALUES ${sql.join(rows)}`.execute(
      trx,
    );
}

/**
 * One batch inside one transaction: locks the rows it names (`SELECT ... FOR UPDATE`, in
 * a fixed order), checks its conditions against them (`prepareBatch`, as every store
 * does), then writes. A refused batch throws before any write and the transaction rolls
 * back. With `jobsSchema`, timers and pending outbox items get their graphile-worker jobs in
 * the same transaction (`jobs.ts`). Returns whether it touched timers.
 */
export async function commitBatch(
  trx: Trx,
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
  for (const c of [...keys.keys()].sort()) {
    const wanted = [...(keys.get(c) ?? [])].sort();
    const { rows } = await sql<{ key: string; doc: unknown }>`
      SELECT key, doc FROM ${sql.table(TABLES[c].table)}
      WHERE key = ANY(${wanted}::text[]) ORDER BY key FOR UPDATE`.execute(trx);
    for (const row of rows) current.set(`${c}\u0000${row.key}`, row.doc);
  }
  const plain = prepareBatch(ops, (c, key) => current.get(`${c}\u0000${key}`));
  // Keys written once in the batch: when new, they are inserted together, one statement a table.
  const writes = new Map<string, number>();
  for (const op of plain) {
    const id = `${op.collection}\u0000${op.key}`;
    writes.set(id, (writes.get(id) ?? 0) + 1);
  }
  const inserts = new Map<CollectionName, Array<{ key: string; value: unknown }>>();
  let timers = false;
  for (const op of plain) {
    const spec = TABLES[op.collection];
    const table = sql.table(spec.table);
    const id = `${op.collection}\u0000${op.key}`;
    const before = current.get(id);
    if (op.collection === 'timers') timers = true;
    if (op.collection === 'records')
      await writeValues(
        trx,
        op.key,
        before as RecordDoc | undefined,
        op.op === 'put' ? (op.value as RecordDoc) : undefined,
      );
    const after = op.op === 'put' ? op.value : undefined;
    if (jobsSchema !== undefined && op.collection === 'timers')
      await planTimerJob(
        trx,
        jobsSchema,
        op.key,
        before as TimerDoc | undefined,
        after as TimerDoc | undefined,
      );
    if (jobsSchema !== undefined && op.collection === 'outbox')
      await planDeliveryJob(
        trx,
        jobsSchema,
        op.key,
        before as OutboxDoc | undefined,
        after as OutboxDoc | undefined,
      );
    if (op.op === 'delete') {
      if (before !== undefined) await sql`DELETE FROM ${table} WHERE key = ${op.key}`.execute(trx);
      current.set(id, undefined);
      continue;
    }
    if (before === undefined && writes.get(id) === 1) {
      let rows = inserts.get(op.collection);
      if (rows === undefined) inserts.set(op.collection, (rows = []));
      rows.push({ key: op.key, value: op.value });
    } else if (before === undefined) await insertRows(trx, op.collection, [op], lookUpAppends);
    else await updateRow(trx, op.collection, op.key, op.value);
    current.set(id, op.value);
  }
  for (const [c, rows] of inserts) await insertRows(trx, c, rows, lookUpAppends);
  return timers;
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

/**
 * New documents of one collection in one statement. A key that exists after all (it
 * was created since it was looked up, or an append was not looked up) fails the batch,
 * which is then tried again.
 */
async function insertRows(
  trx: Trx,
  c: CollectionName,
  rows: ReadonlyArray<{ key: string; value: unknown }>,
  lookedUpAppends: boolean,
): Promise<void> {
  const made = rows.map((r) => rowOf(c, r.key, r.value));
  const names = made[0]?.names ?? [];
  const result = await sql`
    INSERT INTO ${sql.table(TABLES[c].table)} (${sql.join(names.map((n) => sql.ref(n)))})
    VALUES ${sql.join(made.map((m) => sql`(${sql.join(m.values)})`))}
    ON CONFLICT (key) DO NOTHING`.execute(trx);
  if (result.numAffectedRows === BigInt(rows.length)) return;
  if (isAppendOnly(c) && !lookedUpAppends) throw new AppendMetKeyError();
  throw new RaceLostError();
}

async function updateRow(trx: Trx, c: CollectionName, key: string, value: unknown): Promise<void> {
  const spec = TABLES[c];
  const { names, values } = rowOf(c, key, value);
  const sets = names.slice(1).map((n, i) => sql`${sql.ref(n)} = ${values[i + 1]}`);
  // A claim ends when what it was taken on changes (re-planned, parked, attempted).
  if (spec.claims === true)
    sets.push(
      sql`claim_until = CASE WHEN stamp = ${values[names.indexOf('stamp')]} THEN claim_until END`,
    );
  await sql`UPDATE ${sql.table(spec.table)} SET ${sql.join(sets)} WHERE key = ${key}`.execute(trx);
}
