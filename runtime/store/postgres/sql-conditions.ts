import { sql, type RawBuilder } from 'kysely';
import type { CollectionFilters } from '../../domain/collection-filters.js';
import type { CollectionName } from '../../domain/collections.js';
import type { RecordQuery } from '../../domain/record-query.js';

export type Condition = RawBuilder<unknown>;

const col = (name: string) => sql.ref(name);

/** `column = value`, or `column = ANY(values)` for a list (an empty list matches nothing). */
const oneOf = (column: string, want: string | readonly string[]): Condition =>
  typeof want === 'string'
    ? sql`${col(column)} = ${want}`
    : want.length === 0
      ? sql`FALSE`
      : sql`${col(column)} = ANY(${[...want]}::text[])`;

type Builder = (value: never) => Condition;
const eq =
  (column: string): Builder =>
  (v: string | boolean) =>
    sql`${col(column)} = ${v}`;
const any =
  (column: string): Builder =>
  (v: string | readonly string[]) =>
    oneOf(column, v);
const cmp =
  (column: string, op: '>=' | '<' | '<='): Builder =>
  (v: string) =>
    sql`${col(column)} ${sql.raw(op)} ${v}`;

/**
 * Each collection's filter (`CollectionFilters`) as SQL on the table's columns (see
 * `tables.ts`), with the memory store's meaning (`runtime/store/query/match-document.ts`).
 */
const FILTERS: { readonly [C in CollectionName]: Readonly<Record<string, Builder>> } = {
  records: { entity: eq('entity') },
  models: {},
  versions: { modelId: eq('model_id') },
  timeline: {
    recordId: eq('record_id'),
    kind: any('kind'),
    since: cmp('at', '>='),
    until: cmp('at', '<'),
  },
  tasks: { recordId: eq('record_id'), status: eq('status'), assignee: eq('assignee') },
  notifications: { recordId: eq('record_id'), recipient: eq('recipient') },
  outbox: { recordId: eq('record_id'), status: any('status'), kind: eq('kind') },
  timers: {
    recordId: eq('record_id'),
    entity: eq('entity'),
    modelId: eq('model_id'),
    state: (v: 'pending' | 'failed') => sql`${col('failed')} = ${v === 'failed'}`,
    inFlight: eq('in_flight'),
    dueAfter: cmp('due_at', '>='),
    dueBefore: cmp('due_at', '<='),
  },
  users: {},
  departments: {},
  queues: {},
  queuePositions: {},
  effects: {},
  documents: { recordId: eq('record_id'), template: eq('template'), register: eq('register') },
  hookTokens: { modelId: eq('model_id') },
  accounts: { userId: eq('user_id'), active: eq('active'), email: eq('email'), role: eq('role') },
  sessions: { accountId: eq('account_id'), expiresBefore: cmp('expires_at', '<') },
  apiTokens: { accountId: eq('account_id') },
  roles: {},
  audit: {
    actor: eq('actor'),
    kind: any('kind'),
    entity: eq('entity'),
    recordId: eq('record_id'),
    target: eq('target'),
    since: cmp('at', '>='),
    until: cmp('at', '<'),
  },
  recycleBin: { entity: eq('entity'), purgeBefore: cmp('purge_after', '<') },
  settings: {},
};

/** Every condition of a collection filter; unknown keys are a caller's bug. */
export function collectionConditions<C extends CollectionName>(
  c: C,
  filter: CollectionFilters[C],
): Condition[] {
  const out: Condition[] = [];
  for (const [k, v] of Object.entries(filter as object)) {
    if (v === undefined) continue;
    const build = FILTERS[c][k];
    if (build === undefined) throw new Error(`${c} cannot be filtered by ${k}`);
    out.push(build(v as never));
  }
  return out;
}

// jsonb refuses the NUL character; the filter copy of the fields replaces it.
export const jsonbText = (value: unknown): string =>
  JSON.stringify(value).replace(/\\u0000/g, '\\ufffd');

/** A record query (`RecordQuery`) as conditions on the records table. */
export function recordConditions(q: RecordQuery): Condition[] {
  const out: Condition[] = [];
  if (q.entity !== undefined) out.push(sql`entity = ${q.entity}`);
  if (q.model !== undefined) out.push(sql`model = ${q.model}`);
  if (q.pipeline !== undefined) out.push(sql`pipeline = ${q.pipeline}`);
  if (q.stage !== undefined) out.push(oneOf('stage', q.stage));
  if (q.responsible !== undefined) out.push(oneOf('responsible', q.responsible));
  // Access scopes: in a limited pipeline only the listed stages; other pipelines (or none) unlimited.
  for (const [pipeline, stages] of Object.entries(q.stageLimits ?? {}))
    out.push(
      sql`(pipeline IS NULL OR pipeline <> ${pipeline} OR stage = ANY(${[...stages]}::text[]))`,
    );
  if (q.updatedSince !== undefined) out.push(sql`updated_at >= ${q.updatedSince}`);
  // Containment of scalars is equality (an array field does not contain a scalar here).
  if (q.fields !== undefined && Object.keys(q.fields).length > 0)
    out.push(sql`fields @> ${jsonbText(q.fields)}::jsonb`);
  if (q.text !== undefined) out.push(sql`strpos(title_lower, ${q.text.toLowerCase()}) > 0`);
  if (q.amount !== undefined) {
    out.push(sql`amount IS NOT NULL`);
    if (q.amount.min !== undefined) out.push(sql`amount >= ${q.amount.min}`);
    if (q.amount.max !== undefined) out.push(sql`amount <= ${q.amount.max}`);
  }
  return out;
}

/** `WHERE a AND b ...`, or nothing. */
export function whereOf(conditions: readonly Condition[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`` : sql`WHERE ${sql.join(conditions, sql` AND `)}`;
}
