import type { RecordFilter, Store } from '../store/store.js';
import type { CollectionName, CollectionTypes, WriteOp } from '../store/store-types.js';

/**
 * A store that tells `after` about every batch once it is durable. The dispatcher
 * uses it to learn of new pending deliveries without the engine knowing about it:
 * nothing is sent before the batch that asked for it is on disk.
 */
export class CommitObserver implements Store {
  constructor(
    private readonly inner: Store,
    private readonly after: (ops: readonly WriteOp[]) => void,
  ) {}

  get<C extends CollectionName>(c: C, key: string): Promise<CollectionTypes[C] | undefined> {
    return this.inner.get(c, key);
  }

  list<C extends CollectionName>(c: C): Promise<Array<CollectionTypes[C]>> {
    return this.inner.list(c);
  }

  listByRecord<C extends 'timeline' | 'tasks' | 'notifications' | 'outbox' | 'timers'>(
    c: C,
    recordId: string,
  ): Promise<Array<CollectionTypes[C]>> {
    return this.inner.listByRecord(c, recordId);
  }

  listRecords(filter: RecordFilter) {
    return this.inner.listRecords(filter);
  }

  dueTimers(now: string) {
    return this.inner.dueTimers(now);
  }

  nextTimerDue(): Promise<string | undefined> {
    return this.inner.nextTimerDue();
  }

  onTimersChanged(listener: () => void): () => void {
    return this.inner.onTimersChanged(listener);
  }

  async commit(ops: readonly WriteOp[]): Promise<void> {
    await this.inner.commit(ops);
    this.after(ops);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
