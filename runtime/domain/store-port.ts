import type { CollectionFilters } from './collection-filters.js';
import type { CollectionName, CollectionTypes, SmallCollection } from './collections.js';
import type { OutboxDoc } from './outbox.js';
import type { Page, PageRequest } from './page.js';
import type { RecordDoc } from './record.js';
import type { RecordPageRequest, RecordQuery } from './record-query.js';
import type { TimerDoc } from './timer.js';
import type { WriteOp } from './write-op.js';

/** How long a claim keeps a timer or outbox item from other claimers when none is given. */
export const DEFAULT_CLAIM_LEASE_MS = 60_000;

/**
 * What the services and the engine need from storage, shaped for a database: the
 * embedded store (lowdb), the memory store and the PostgreSQL store implement it, and
 * `tests/store-conformance/` checks each against the same suite. Nothing above this
 * interface knows which store it talks to. Every method is asynchronous; nothing returns
 * a whole large collection (lists are paged; `listAll` only serves `SMALL_COLLECTIONS`).
 * See `docs/contracts.md` ("Store contract").
 */
export interface Store {
  /** One document by key. */
  get<C extends CollectionName>(
    collection: C,
    key: string,
  ): Promise<CollectionTypes[C] | undefined>;

  /** Every document of a small, bounded collection (directory, roles, settings), by key. */
  listAll<C extends SmallCollection>(collection: C): Promise<Array<CollectionTypes[C]>>;

  /**
   * A page of a collection's documents matching `filter`, in the collection's order
   * (`SORT_KEYS`, then key; `order: 'desc'` reverses it). Throws `InvalidCursorError`
   * for a cursor it did not issue for this collection.
   */
  query<C extends CollectionName>(
    collection: C,
    filter: CollectionFilters[C],
    page?: PageRequest,
  ): Promise<Page<CollectionTypes[C]>>;

  /** A page of records matching `filter` (see `RecordQuery`), sorted by `page.sort`. */
  queryRecords(filter: RecordQuery, page?: RecordPageRequest): Promise<Page<RecordDoc>>;

  /** How many records match `filter`. */
  countRecords(filter: RecordQuery): Promise<number>;

  /**
   * Records of an entity whose field has this normalised value (`normalizeMatchValue`):
   * duplicate control's lookup, answered from an index, not a scan.
   */
  findRecordsByValue(entity: string, field: string, key: string): Promise<RecordDoc[]>;

  /**
   * Up to `limit` timers due at or before `now` (not parked), earliest first (ties by
   * id), that no other claim holds: each is held for `leaseMs` (default
   * `DEFAULT_CLAIM_LEASE_MS`) or until a commit deletes it or changes its `dueAt` or
   * `status`, so two concurrent claimers never get the same timer. A claim is not a
   * write: it does not change the document, and it ends with the process that made it
   * where the store is embedded. Leases are measured on the `now` the caller passes
   * (the injected clock), never on the store's own clock.
   */
  claimDueTimers(now: string, limit: number, leaseMs?: number): Promise<TimerDoc[]>;

  /**
   * Up to `limit` outbox items with status `pending` whose `nextAttemptAt` is absent or
   * at or before `now`, earliest attempt first, held like timers (a commit that deletes
   * the item or changes its `status`, `attempts` or `nextAttemptAt` ends the claim).
   */
  claimPendingOutbox(now: string, limit: number, leaseMs?: number): Promise<OutboxDoc[]>;

  /** The earliest due time of a pending (not parked) timer, so the scheduler can sleep until then. */
  nextTimerDue(): Promise<string | undefined>;

  /** Called after every applied batch that added, changed or removed a timer. */
  onTimersChanged(listener: () => void): () => void;

  /**
   * Only on a store this process alone writes (embedded, memory; never a shared
   * database): a number that changes whenever a document of `collections` changes, so
   * what is derived from them (a caller's rights, the directory) can be kept until it
   * does. Absent: nothing derived is kept.
   */
  changeStamp?(collections: readonly CollectionName[]): number;

  /**
   * Where several processes share the store (PostgreSQL): a number that moves whenever
   * any process writes a document of `collections`, read from the store (one round
   * trip), so what is derived from small collections (the directory) is kept until
   * they change. Read it before what it stamps: a change between the two is seen next
   * time. Only small collections and the security ones have one (`STAMPED` in the
   * PostgreSQL store; others throw); absent: nothing derived is kept across changes.
   */
  sharedStamp?(collections: readonly CollectionName[]): Promise<number>;

  /**
   * Applies a batch atomically and resolves once it is durable. A failed condition
   * (`expectRevision`) refuses the whole batch with `RevisionConflictError`; a put on an
   * append-only collection or an append on an existing key with `AppendOnlyError`.
   * Records' `revision` is set by the store (previous + 1) on every put.
   */
  commit(ops: readonly WriteOp[]): Promise<void>;

  /**
   * Makes what committed deletions removed leave the store's files now, not at some
   * later housekeeping (a purge from the recycle bin erases). The embedded store
   * checkpoints: the journal no longer holds the deleted documents, the slices are
   * rewritten without them and removed timeline lines are overwritten. Absent where a
   * commit already removes the rows (PostgreSQL, memory).
   */
  eraseDeleted?(): Promise<void>;

  /**
   * Takes a lock on a record that every process sharing this store respects and
   * resolves with its release, so the events of one record are handled one at a time,
   * in order, across processes (PostgreSQL: a session advisory lock, freed by the
   * database if the process dies). Absent: one process owns the store and its writer
   * lane already orders every change.
   */
  lockRecord?(recordId: string): Promise<() => Promise<void>>;

  /**
   * Each model's published version number as stored now. Present where several
   * processes share the store: another may have published since this one looked.
   */
  publishedVersions?(): Promise<ReadonlyMap<string, number>>;

  close(): Promise<void>;
}
