import { actorIdOf } from '../../domain/actor-id.js';
import type { CollectionName, CollectionTypes } from '../../domain/collections.js';

/** A column's SQL type: text (collation "C", so it sorts as JavaScript compares strings), integer, boolean, double. */
export type ColumnType = 'text' | 'int' | 'bool' | 'float';

export interface ColumnSpec {
  type: ColumnType;
  /** The value written for a document; null when the document has none. */
  of: (doc: never) => string | number | boolean | null;
}

export interface TableSpec {
  table: string;
  /** Columns derived from the document (besides `key` and `doc`), for filters and order. */
  columns: Readonly<Record<string, ColumnSpec>>;
  /** The collection's order before the key (`SORT_KEYS`), as columns that are never null. */
  sort: readonly string[];
  /** Timers and outbox: claim columns, ended by a change of `stamp`. */
  claims?: boolean;
}

// PostgreSQL text refuses NUL; derived columns only serve filters, so it is replaced there.
const clean = (v: string): string => (v.includes('\u0000') ? v.replaceAll('\u0000', '\uFFFD') : v);
const str = (v: unknown): string | null => (typeof v === 'string' ? clean(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

type Of<C extends CollectionName> = (doc: CollectionTypes[C]) => string | number | boolean | null;
const text = <C extends CollectionName>(of: Of<C>): ColumnSpec => ({
  type: 'text',
  of: of as never,
});
const int = <C extends CollectionName>(of: Of<C>): ColumnSpec => ({ type: 'int', of: of as never });
const bool = <C extends CollectionName>(of: Of<C>): ColumnSpec => ({
  type: 'bool',
  of: of as never,
});
const float = <C extends CollectionName>(of: Of<C>): ColumnSpec => ({
  type: 'float',
  of: of as never,
});
/** A sort column: never null (a missing value sorts first, as the memory store's null does). */
const sortText = <C extends CollectionName>(of: Of<C>): ColumnSpec =>
  text<C>((d) => (of(d) as string | null) ?? '');

/**
 * How each collection is kept in PostgreSQL: one table per collection, the document as
 * `doc` (json, kept as written) under its `key`, and the columns the collection's
 * filters and order need, computed here on every write (so a filter is an indexed
 * column, never a scan of documents). The tables themselves are made by the migrations
 * in `migrations/`; a column added here needs a migration too.
 */
export const TABLES: { readonly [C in CollectionName]: TableSpec } = {
  records: {
    table: 'records',
    columns: {
      entity: text<'records'>((r) => r.entity),
      model: text<'records'>((r) => str(r.model)),
      pipeline: text<'records'>((r) => str(r.pipeline)),
      stage: text<'records'>((r) => str(r.stage)),
      responsible: text<'records'>((r) => str(r.fields.responsible)),
      title_lower: text<'records'>((r) => str(r.fields.title)?.toLowerCase() ?? null),
      amount: float<'records'>((r) => num(r.fields.amount)),
      created_at: sortText<'records'>((r) => str(r.createdAt)),
      updated_at: sortText<'records'>((r) => str(r.updatedAt)),
      revision: int<'records'>((r) => r.revision ?? 0),
    },
    sort: ['created_at'],
  },
  models: { table: 'models', columns: {}, sort: [] },
  versions: {
    table: 'versions',
    columns: {
      model_id: sortText<'versions'>((v) => str(v.modelId)),
      version: int<'versions'>((v) => num(v.version) ?? 0),
    },
    sort: ['model_id', 'version'],
  },
  timeline: {
    table: 'timeline',
    columns: {
      record_id: text<'timeline'>((e) => str(e.recordId)),
      kind: text<'timeline'>((e) => str(e.kind)),
      at: sortText<'timeline'>((e) => str(e.at)),
    },
    sort: ['at'],
  },
  tasks: {
    table: 'tasks',
    columns: {
      record_id: text<'tasks'>((t) => str(t.recordId)),
      status: text<'tasks'>((t) => str(t.status)),
      assignee: text<'tasks'>((t) => str(t.assignee)),
      created_at: sortText<'tasks'>((t) => str(t.createdAt)),
    },
    sort: ['created_at'],
  },
  notifications: {
    table: 'notifications',
    columns: {
      record_id: text<'notifications'>((n) => str(n.recordId)),
      recipient: text<'notifications'>((n) => str(n.recipient)),
      created_at: sortText<'notifications'>((n) => str(n.createdAt)),
    },
    sort: ['created_at'],
  },
  outbox: {
    table: 'outbox',
    columns: {
      record_id: text<'outbox'>((o) => str(o.recordId)),
      // Items stored before delivery existed have no status: they count as kept.
      status: text<'outbox'>((o) => str(o.status) ?? 'kept'),
      kind: text<'outbox'>((o) => str(o.kind)),
      next_attempt_at: text<'outbox'>((o) => str(o.nextAttemptAt)),
      attempt_at: sortText<'outbox'>((o) => str(o.nextAttemptAt) ?? str(o.createdAt)),
      stamp: text<'outbox'>((o) => `${o.status ?? ''}|${o.attempts ?? 0}|${o.nextAttemptAt ?? ''}`),
      created_at: sortText<'outbox'>((o) => str(o.createdAt)),
    },
    sort: ['created_at'],
    claims: true,
  },
  timers: {
    table: 'timers',
    columns: {
      record_id: text<'timers'>((t) => str(t.recordId)),
      entity: text<'timers'>((t) => str(t.entity)),
      model_id: text<'timers'>((t) => str(t.modelId)),
      failed: bool<'timers'>((t) => t.status === 'failed'),
      in_flight: bool<'timers'>((t) => (t.inFlight ?? 0) > 0),
      stamp: text<'timers'>((t) => `${t.dueAt}|${t.status ?? ''}`),
      due_at: sortText<'timers'>((t) => str(t.dueAt)),
    },
    sort: ['due_at'],
    claims: true,
  },
  users: { table: 'users', columns: {}, sort: [] },
  departments: { table: 'departments', columns: {}, sort: [] },
  queues: { table: 'queues', columns: {}, sort: [] },
  queuePositions: { table: 'queue_positions', columns: {}, sort: [] },
  effects: { table: 'effects', columns: {}, sort: [] },
  documents: {
    table: 'documents',
    columns: {
      record_id: text<'documents'>((d) => str(d.recordId)),
      template: text<'documents'>((d) => str(d.template)),
      register: text<'documents'>((d) => str(d.register)),
      created_at: sortText<'documents'>((d) => str(d.createdAt)),
    },
    sort: ['created_at'],
  },
  hookTokens: {
    table: 'hook_tokens',
    columns: { model_id: text<'hookTokens'>((h) => str(h.modelId)) },
    sort: [],
  },
  accounts: {
    table: 'accounts',
    columns: {
      user_id: text<'accounts'>((a) => str(a.userId)),
      active: bool<'accounts'>((a) => a.active === true),
      email: text<'accounts'>((a) => str(a.email)),
      role: text<'accounts'>((a) => str(a.role)),
      created_at: sortText<'accounts'>((a) => str(a.createdAt)),
    },
    sort: ['created_at'],
  },
  sessions: {
    table: 'sessions',
    columns: {
      account_id: text<'sessions'>((s) => str(s.accountId)),
      expires_at: text<'sessions'>((s) => str(s.expiresAt)),
      created_at: sortText<'sessions'>((s) => str(s.createdAt)),
    },
    sort: ['created_at'],
  },
  apiTokens: {
    table: 'api_tokens',
    columns: {
      account_id: text<'apiTokens'>((t) => str(t.accountId)),
      created_at: sortText<'apiTokens'>((t) => str(t.createdAt)),
    },
    sort: ['created_at'],
  },
  roles: { table: 'roles', columns: {}, sort: [] },
  audit: {
    table: 'audit',
    columns: {
      actor: text<'audit'>((a) => clean(actorIdOf(a.actor))),
      kind: text<'audit'>((a) => str(a.kind)),
      entity: text<'audit'>((a) => str(a.entity)),
      record_id: text<'audit'>((a) => str(a.recordId)),
      target: text<'audit'>((a) => str(a.target)),
      at: sortText<'audit'>((a) => str(a.at)),
    },
    sort: ['at'],
  },
  recycleBin: {
    table: 'recycle_bin',
    columns: {
      entity: text<'recycleBin'>((r) => str(r.entity)),
      purge_after: text<'recycleBin'>((r) => str(r.purgeAfter)),
      deleted_at: sortText<'recycleBin'>((r) => str(r.deletedAt)),
    },
    sort: ['deleted_at'],
  },
  settings: { table: 'settings', columns: {}, sort: [] },
};
