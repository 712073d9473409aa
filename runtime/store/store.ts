import type {
  CollectionName,
  CollectionTypes,
  RecordDoc,
  TimerDoc,
  WriteOp,
} from './store-types.js';

export interface RecordFilter {
  entity?: string;
  pipeline?: string;
  stage?: string;
  responsible?: string;
}

/**
 * What the services and the engine need from storage. The embedded store (lowdb) and a
 * later PostgreSQL store implement it; nothing above this interface knows which.
 * Reads are async so a networked store fits; writes go in batches (`commit`) that are
 * durable when the promise resolves.
 */
export interface Store {
  get<C extends CollectionName>(
    collection: C,
    key: string,
  ): Promise<CollectionTypes[C] | undefined>;
  /** Every document of a collection (small collections: models, directory...). */
  list<C extends CollectionName>(collection: C): Promise<Array<CollectionTypes[C]>>;
  /** Documents of a record-scoped collection (timeline, tasks, ...) for one record, in insertion order. */
  listByRecord<C extends 'timeline' | 'tasks' | 'notifications' | 'outbox' | 'timers'>(
    collection: C,
    recordId: string,
  ): Promise<Array<CollectionTypes[C]>>;
  listRecords(filter: RecordFilter): Promise<RecordDoc[]>;
  /** Timers due at or before `now`, earliest first (ties by id). */
  dueTimers(now: string): Promise<TimerDoc[]>;
  /** The earliest pending due time, so the scheduler can sleep until then. */
  nextTimerDue(): Promise<string | undefined>;
  /** Called after every applied batch that added, changed or removed a timer. */
  onTimersChanged(listener: () => void): () => void;
  /** Applies a batch atomically; resolves once it is on disk. */
  commit(ops: readonly WriteOp[]): Promise<void>;
  close(): Promise<void>;
}
