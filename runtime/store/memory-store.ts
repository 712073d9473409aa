import type { CollectionFilters } from '../domain/collection-filters.js';
import {
  COLLECTIONS,
  RECORD_SCOPED,
  type CollectionName,
  type CollectionTypes,
  type SmallCollection,
} from '../domain/collections.js';
import type { OutboxDoc } from '../domain/outbox.js';
import type { Page, PageRequest } from '../domain/page.js';
import type { RecordDoc } from '../domain/record.js';
import type { RecordPageRequest, RecordQuery } from '../domain/record-query.js';
import { DEFAULT_CLAIM_LEASE_MS, type Store } from '../domain/store-port.js';
import type { TimerDoc } from '../domain/timer.js';
import type { WriteOp } from '../domain/write-op.js';
import { Claims } from './claims.js';
import { DueIndex } from './due-index.js';
import { prepareBatch, type PlainOp } from './prepare-batch.js';
import { matchDocument } from './query/match-document.js';
import { matchRecord } from './query/match-record.js';
import { pageOf } from './query/page-of.js';
import { recordTupleOf, sortTupleOf } from './query/sort-tuple.js';
import { RecordValueIndex } from './record-value-index.js';

const SCOPED: ReadonlySet<CollectionName> = new Set(RECORD_SCOPED);

/** The record a document of a record-scoped collection belongs to. */
export function recordIdOf(collection: CollectionName, value: unknown): string | undefined {
  if (!SCOPED.has(collection)) return undefined;
  const id = (value as { recordId?: unknown }).recordId;
  return typeof id === 'string' ? id : undefined;
}

// What ends a claim: a timer re-planned, parked or gone; an outbox item attempted.
const timerStamp = (t: TimerDoc | undefined): string | undefined =>
  t === undefined ? undefined : `${t.dueAt}|${t.status ?? ''}`;
const outboxStamp = (o: OutboxDoc | undefined): string | undefined =>
  o === undefined ? undefined : `${o.status ?? ''}|${o.attempts ?? 0}|${o.nextAttemptAt ?? ''}`;

/**
 * Everything in memory, with an index of record-scoped documents by record, a due-time
 * heap and a value index for duplicate control. Used on its own in unit tests and the
 * simulation, and as the working set of the lowdb store, which adds files. Queries
 * filter and sort in memory (`query/`); indexes can hand them candidates instead.
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
  private readonly timerClaims = new Claims();
  private readonly outboxClaims = new Claims();
  private readonly timerListeners = new Set<() => void>();
  /** Writes applied per collection (see `changeStamp`). */
  private readonly changes = new Map<CollectionName, number>();

  protected map(collection: CollectionName): Map<string, unknown> {
    const m = this.maps.get(collection);
    if (m === undefined) throw new Error(`unknown collection ${collection}`);
    return m;
  }

  async get<C extends CollectionName>(c: C, key: string): Promise<CollectionTypes[C] | undefined> {
    return this.map(c).get(key) as CollectionTypes[C] | undefined;
  }

  async listAll<C extends SmallCollection>(c: C): Promise<Array<CollectionTypes[C]>> {
    return [...this.map(c).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v as CollectionTypes[C]);
  }

  /**
   * Every document of any collection, in no particular order: for tests, the simulation
   * and tools that copy a store. Not part of `Store`: services never read whole collections.
   */
  snapshot<C extends CollectionName>(c: C): Array<CollectionTypes[C]> {
    return [...this.map(c).values()] as Array<CollectionTypes[C]>;
  }

  /** The keys a query must look at: one record's documents when the filter names it. */
  protected candidates(c: CollectionName, filter: object): Iterable<[string, unknown]> {
    const recordId = (filter as { recordId?: unknown }).recordId;
    const m = this.map(c);
    if (!SCOPED.has(c) || typeof recordId !== 'string') return m.entries();
    const keys = this.byRecord.get(c)?.get(recordId) ?? new Set<string>();
    return [...keys].flatMap((k) => {
      const v = m.get(k);
      return v === undefined ? [] : [[k, v] as [string, unknown]];
    });
  }

  async query<C extends CollectionName>(
    c: C,
    filter: CollectionFilters[C],
    page: PageRequest = {},
  ): Promise<Page<CollectionTypes[C]>> {
    const rows: Array<{ tuple: ReturnType<typeof sortTupleOf>; doc: CollectionTypes[C] }> = [];
    for (const [key, v] of this.candidates(c, filter)) {
      const doc = v as CollectionTypes[C];
      if (matchDocument(c, doc, filter)) rows.push({ tuple: sortTupleOf(c, key, doc), doc });
    }
    const tuple = sortTupleOf(c, '', {});
    return pageOf(rows, { ...page, tag: c, arity: tuple.length });
  }

  async queryRecords(filter: RecordQuery, page: RecordPageRequest = {}): Promise<Page<RecordDoc>> {
    const sort = page.sort ?? 'createdAt';
    const rows: Array<{ tuple: ReturnType<typeof recordTupleOf>; doc: RecordDoc }> = [];
    for (const [key, v] of this.map('records')) {
      const r = v as RecordDoc;
      if (matchRecord(r, filter)) rows.push({ tuple: recordTupleOf(sort, key, r), doc: r });
    }
    return pageOf(rows, { ...page, tag: `records:${sort}`, arity: 2 });
  }

  async countRecords(filter: RecordQuery): Promise<number> {
    let n = 0;
    for (const v of this.map('records').values()) if (matchRecord(v as RecordDoc, filter)) n++;
    return n;
  }

  async findRecordsByValue(entity: string, field: string, key: string): Promise<RecordDoc[]> {
    const records = this.map('records');
    const found = this.values.find(entity, field, key).map((id) => records.get(id));
    return found.filter((r): r is RecordDoc => r !== undefined);
  }

  async claimDueTimers(
    now: string,
    limit: number,
    leaseMs = DEFAULT_CLAIM_LEASE_MS,
  ): Promise<TimerDoc[]> {
    const timers = this.map('timers');
    const at = Date.parse(now);
    const out: TimerDoc[] = [];
    for (const id of this.due.due(now)) {
      if (out.length >= limit) break;
      const t = timers.get(id) as TimerDoc;
      const stamp = timerStamp(t) as string;
      if (this.timerClaims.holds(id, stamp, at)) continue;
      this.timerClaims.take(id, stamp, at, leaseMs);
      out.push(t);
    }
    return out;
  }

  async claimPendingOutbox(
    now: string,
    limit: number,
    leaseMs = DEFAULT_CLAIM_LEASE_MS,
  ): Promise<OutboxDoc[]> {
    const at = Date.parse(now);
    const ready: Array<{ tuple: [string, string]; doc: OutboxDoc }> = [];
    for (const [key, v] of this.map('outbox')) {
      const o = v as OutboxDoc;
      if (o.status !== 'pending' || (o.nextAttemptAt !== undefined && o.nextAttemptAt > now))
        continue;
      if (this.outboxClaims.holds(key, outboxStamp(o), at)) continue;
      ready.push({ tuple: [o.nextAttemptAt ?? o.createdAt, key], doc: o });
    }
    ready.sort((a, b) =>
      a.tuple[0] === b.tuple[0]
        ? a.tuple[1] < b.tuple[1]
          ? -1
          : 1
        : a.tuple[0] < b.tuple[0]
          ? -1
          : 1,
    );
    const taken = ready.slice(0, limit).map((r) => r.doc);
    for (const o of taken) this.outboxClaims.take(o.id, outboxStamp(o) as string, at, leaseMs);
    return taken;
  }

  async nextTimerDue(): Promise<string | undefined> {
    return this.due.peek();
  }

  onTimersChanged(listener: () => void): () => void {
    this.timerListeners.add(listener);
    return () => this.timerListeners.delete(listener);
  }

  /**
   * Checks a batch's conditions and turns it into plain puts and deletes (see
   * `prepareBatch`); throws before anything changes when a condition fails.
   */
  protected prepare(ops: readonly WriteOp[]): PlainOp[] {
    return prepareBatch(ops, (c, key) => this.map(c).get(key));
  }

  /** Applies plain writes in memory, keeping the indexes current. */
  protected apply(ops: readonly PlainOp[]): void {
    let timers = false;
    for (const op of ops) {
      if (op.collection === 'timers') timers = true;
      this.changes.set(op.collection, (this.changes.get(op.collection) ?? 0) + 1);
      const m = this.map(op.collection);
      const before = m.get(op.key);
      const after = op.op === 'put' ? op.value : undefined;
      if (op.collection === 'records')
        this.values.update(before as RecordDoc | undefined, after as RecordDoc | undefined);
      if (op.collection === 'timers')
        this.timerClaims.settle(op.key, timerStamp(after as TimerDoc | undefined));
      if (op.collection === 'outbox')
        this.outboxClaims.settle(op.key, outboxStamp(after as OutboxDoc | undefined));
      if (op.op === 'put') {
        if (before !== undefined) this.index(op.collection, op.key, before, false);
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
    else {
      keys.delete(key);
      if (keys.size === 0) perRecord.delete(recordId);
    }
  }

  async commit(ops: readonly WriteOp[]): Promise<void> {
    this.apply(this.prepare(ops));
  }

  /** This process is the store's only writer: counts of applied writes tell every change. */
  changeStamp(collections: readonly CollectionName[]): number {
    let n = 0;
    for (const c of collections) n += this.changes.get(c) ?? 0;
    return n;
  }

  async close(): Promise<void> {}
}
