import { sql, type Kysely } from 'kysely';
import { normalizeMatchValue } from '../../../schemas/index.js';
import type { CollectionName } from '../../domain/collections.js';
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
): Promise<boolean> {
  const keys = new Map<CollectionName, Set<string>>();
  for (const op of ops) {
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
    const names = Object.keys(spec.columns);
    const values = columnValues(op.collection, op.value);
    const extra =
      op.collection === 'records'
        ? { names: ['fields'], values: [sql`${jsonbText((op.value as RecordDoc).fields)}::jsonb`] }
        : { names: [], values: [] };
    const doc = sql`${JSON.stringify(op.value)}::json`;
    if (before === undefined) {
      const result = await sql`
        INSERT INTO ${table} (${sql.join(['key', 'doc', ...extra.names, ...names].map((n) => sql.ref(n)))})
        VALUES (${sql.join([op.key, doc, ...extra.values, ...values])})
        ON CONFLICT (key) DO NOTHING`.execute(trx);
      if (result.numAffectedRows === 0n) throw new RaceLostError();
    } else {
      const sets = [
        sql`doc = ${doc}`,
        ...extra.names.map((n, i) => sql`${sql.ref(n)} = ${extra.values[i]}`),
        ...names.map((n, i) => sql`${sql.ref(n)} = ${values[i]}`),
      ];
      // A claim ends when what it was taken on changes (re-planned, parked, attempted).
      if (spec.claims === true)
        sets.push(
          sql`claim_until = CASE WHEN stamp = ${values[names.indexOf('stamp')]} THEN claim_until END`,
        );
      await sql`UPDATE ${table} SET ${sql.join(sets)} WHERE key = ${op.key}`.execute(trx);
    }
    current.set(id, op.value);
  }
  return timers;
}
