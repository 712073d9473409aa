import type { CollectionFilters } from '../domain/collection-filters.js';
import type { CollectionName, CollectionTypes, SmallCollection } from '../domain/collections.js';
import type { PageRequest } from '../domain/page.js';
import type { RecordPageRequest, RecordQuery } from '../domain/record-query.js';
import type { Store } from '../domain/store-port.js';
import type { WriteOp } from '../domain/write-op.js';

/**
 * A store that tells `after` about every batch once it is durable. The dispatcher
 * uses it to learn of new pending deliveries without the engine knowing about it:
 * nothing is sent before the batch that asked for it is on disk.
 */
export class CommitObserver implements Store {
  readonly changeStamp?: (collections: readonly CollectionName[]) => number;
  // Optional abilities of the inner store, passed on only where it has them.
  readonly lockRecord?: Store['lockRecord'];
  readonly publishedVersions?: Store['publishedVersions'];
  readonly sharedStamp?: Store['sharedStamp'];

  constructor(
    private readonly inner: Store,
    private readonly after: (ops: readonly WriteOp[]) => void,
  ) {
    if (inner.changeStamp !== undefined)
      this.changeStamp = (collections) => inner.changeStamp?.(collections) ?? 0;
    if (inner.lockRecord !== undefined) this.lockRecord = inner.lockRecord.bind(inner);
    if (inner.publishedVersions !== undefined)
      this.publishedVersions = inner.publishedVersions.bind(inner);
    if (inner.sharedStamp !== undefined) this.sharedStamp = inner.sharedStamp.bind(inner);
  }

  get<C extends CollectionName>(c: C, key: string): Promise<CollectionTypes[C] | undefined> {
    return this.inner.get(c, key);
  }

  listAll<C extends SmallCollection>(c: C): Promise<Array<CollectionTypes[C]>> {
    return this.inner.listAll(c);
  }

  query<C extends CollectionName>(c: C, filter: CollectionFilters[C], page?: PageRequest) {
    return this.inner.query(c, filter, page);
  }

  queryRecords(filter: RecordQuery, page?: RecordPageRequest) {
    return this.inner.queryRecords(filter, page);
  }

  countRecords(filter: RecordQuery) {
    return this.inner.countRecords(filter);
  }

  findRecordsByValue(entity: string, field: string, key: string) {
    return this.inner.findRecordsByValue(entity, field, key);
  }

  claimDueTimers(now: string, limit: number, leaseMs?: number) {
    return this.inner.claimDueTimers(now, limit, leaseMs);
  }

  claimPendingOutbox(now: string, limit: number, leaseMs?: number) {
    return this.inner.claimPendingOutbox(now, limit, leaseMs);
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

  async eraseDeleted(): Promise<void> {
    await this.inner.eraseDeleted?.();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
