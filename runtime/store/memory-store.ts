import { RecordValueIndex } from './record-value-index.js';
import { DueIndex } from './due-index.js';
import type { RecordFilter, Store } from './store.js';
import {
  COLLECTIONS,
  type CollectionName,
  type CollectionTypes,
  type RecordDoc,
  type TimerDoc,
  type WriteOp,
} from './store-types.js';

const RECORD_SCOPED: ReadonlySet<CollectionName> = new Set([
  'timeline',
  'tasks',
  'notifications',
  'outbox',
  'timers',
]);

/** The record a document of a record-scoped collection belongs to. */
export function recordIdOf(collection: CollectionName, value: unknown): string | undefined {
  if (!RECORD_SCOPED.has(collection)) return undefined;
  const id = (value as { recordId?: unknown }).recordId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Everything in memory, with an index of record-scoped documents by record. Used on
 * its own in unit tests and as the working set of the lowdb store, which adds files.
 */
export class MemoryStore implements Store {
  protected readonly maps = new Map<CollectionName, Map<string, unknown>>(
    COLLECTIONS.map((c) => [c, new Map<string, unknown>()]),
  );
  private readonly byRecord = new Map<CollectionName, Map<string, Set<string>>>();
  private readonly values = new RecordValueIndex(
    () => this.map('records').values() as Iterable<RecordDoc>,
  );
  // A parked timer (`status: 'failed'`) is kept but never due: only a retry wakes it.
  private readonly due = new DueIndex((id) => {
    const t = this.map('timers').get(id) as TimerDoc | undefined;
    return t?.status === 'failed' ? undefined : t?.dueAt;
  });
  private readonly timerListeners = new Set<() => void>();

  protected map(collection: CollectionName): Map<string, unknown> {
    const m = this.maps.get(collection);
    if (m === undefined) throw new Error(`unknown collection ${collection}`);
    return m;
  }

  async get<C extends CollectionName>(c: C, key: string): Promise<CollectionTypes[C] | undefined> {
    return this.map(c).get(key) as CollectionTypes[C] | undefined;
  }

  async list<C extends CollectionName>(c: C): Promise<Array<CollectionTypes[C]>> {
    return [...this.map(c).values()] as Array<CollectionTypes[C]>;
  }

  async listByRecord<C extends 'timeline' | 'tasks' | 'notifications' | 'outbox' | 'timers'>(
    c: C,
    recordId: string,
  ): Promise<Array<CollectionTypes[C]>> {
    const keys = this.byRecord.get(c)?.get(recordId);
    if (keys === undefined) return [];
    const m = this.map(c);
    return [...keys].map((k) => m.get(k)).filter((v) => v !== undefined) as Array<
      CollectionTypes[C]
    >;
  }

  async listRecords(filter: RecordFilter): Promise<RecordDoc[]> {
    const out: RecordDoc[] = [];
    for (const v of this.map('records').values()) {
      const r = v as RecordDoc;
      if (filter.entity !== undefined && r.entity !== filter.entity) continue;
      if (filter.pipeline !== undefined && r.pipeline !== filter.pipeline) continue;
      if (filter.stage !== undefined && r.stage !== filter.stage) continue;
      if (filter.responsible !== undefined && r.fields.responsible !== filter.responsible) continue;
      out.push(r);
    }
    return out;
  }

  async findRecordsByValue(entity: string, field: string, key: string): Promise<RecordDoc[]> {
    const records = this.map('records');
    const found = this.values.find(entity, field, key).map((id) => records.get(id));
    return found.filter((r): r is RecordDoc => r !== undefined);
  }

  async dueTimers(now: string): Promise<TimerDoc[]> {
    const timers = this.map('timers');
    return this.due.due(now).map((id) => timers.get(id) as TimerDoc);
  }

  async nextTimerDue(): Promise<string | undefined> {
    return this.due.peek();
  }

  onTimersChanged(listener: () => void): () => void {
    this.timerListeners.add(listener);
    return () => this.timerListeners.delete(listener);
  }

  /** Applies a batch in memory; returns the previous values of what it touched. */
  protected apply(ops: readonly WriteOp[]): void {
    let timers = false;
    for (const op of ops) {
      if (op.collection === 'timers') timers = true;
      const m = this.map(op.collection);
      const before = m.get(op.key);
      if (op.collection === 'records')
        this.values.update(
          before as RecordDoc | undefined,
          op.op === 'put' ? (op.value as RecordDoc) : undefined,
        );
      if (op.op === 'put') {
        m.set(op.key, op.value);
        this.index(op.collection, op.key, op.value, true);
      } else if (before !== undefined) {
        m.delete(op.key);
        this.index(op.collection, op.key, before, false);
      }
    }
    if (!timers) return;
    this.due.compact(this.map('timers').size);
    for (const listener of this.timerListeners) listener();
  }

  protected index(c: CollectionName, key: string, value: unknown, add: boolean): void {
    if (c === 'timers' && add && (value as TimerDoc).status !== 'failed')
      this.due.add(key, (value as TimerDoc).dueAt);
    const recordId = recordIdOf(c, value);
    if (recordId === undefined) return;
    let perRecord = this.byRecord.get(c);
    if (perRecord === undefined) {
      perRecord = new Map();
      this.byRecord.set(c, perRecord);
    }
    let keys = perRecord.get(recordId);
    if (keys === undefined) {
      if (!add) return;
      keys = new Set();
      perRecord.set(recordId, keys);
    }
    if (add) keys.add(key);
    else keys.delete(key);
  }

  async commit(ops: readonly WriteOp[]): Promise<void> {
    this.apply(ops);
  }

  async close(): Promise<void> {}
}
