import type { Engine } from '../engine/engine.js';
import type { Clock, IdGenerator } from '../engine/ports.js';
import type { RunContext } from '../engine/run-context.js';
import { Tx } from '../engine/tx.js';
import { HttpError } from '../http/http-error.js';
import type { DirectoryEntries } from '../domain/directory.js';
import { RevisionConflictError } from '../domain/revision-conflict-error.js';
import type { Store } from '../domain/store-port.js';
import { StoreUnavailableError } from '../domain/store-unavailable-error.js';
import type { PreparedRuleSet } from '../engine/prepared-rule-set.js';
import { appendAudit, type AuditInput } from '../engine/append-audit.js';
import type { AuditEntry } from '../domain/security-types.js';
import type { Who } from '../domain/who.js';
import { StampedCache } from './stamped-cache.js';
import { PublishedVersionsWatch } from './published-versions-watch.js';

/** The collections the directory is read from. */
const DIRECTORY = ['users', 'departments', 'queues'] as const;

/**
 * A conditional write lost to a change made since it read (another process, or a
 * client's stale `If-Match`): 412, with the current revision.
 */
function conflictOf(e: RevisionConflictError): HttpError {
  const current = e.actual ?? 0;
  if (e.collection === 'models')
    return new HttpError(
      412,
      'DRAFT_CHANGED',
      `the draft of model ${e.key} was changed meanwhile (now "${current}"): reload it`,
      undefined,
      { etag: `"${current}"` },
    );
  return new HttpError(
    412,
    'REVISION_CONFLICT',
    `${e.collection} ${e.key} was changed meanwhile (now revision ${current}): reload it`,
    undefined,
    { revision: current, etag: `"${current}"` },
  );
}

/**
 * What the services share: the store, the engine and one writer lane. Changes run one
 * at a time (so two requests never interleave reads and writes), and their batch is
 * applied in that order; waiting for the disk happens outside the lane, so concurrent
 * requests share flushes.
 */
export class RuntimeCore {
  private lane: Promise<unknown> = Promise.resolve();
  /** Changes the disk refused so far: a change running meanwhile may have read their data. */
  private refusals = 0;
  /** Versions published by other processes on the same store (see `PublishedVersionsWatch`). */
  readonly versions: PublishedVersionsWatch;

  constructor(
    readonly store: Store,
    readonly engine: Engine,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {
    this.directoryCache = new StampedCache(store, DIRECTORY);
    this.versions = new PublishedVersionsWatch(store, engine);
  }

  /** The directory as last read (every change read and sorted 2,000 users again). */
  private readonly directoryCache: StampedCache<DirectoryEntries>;

  /** The directory as last read from a shared store, with the store's stamp it was read at. */
  private sharedDirectory: { stamp: number; entries: Promise<DirectoryEntries> } | undefined;

  /** The directory (shared between callers: read it, never change it). */
  async directory(): Promise<DirectoryEntries> {
    if (this.store.changeStamp === undefined && this.store.sharedStamp !== undefined) {
      // A shared store: one small read says whether any process changed it since.
      const stamp = await this.store.sharedStamp(DIRECTORY);
      const known = this.sharedDirectory;
      if (known !== undefined && known.stamp === stamp) return known.entries;
      const entries = this.readDirectory();
      // Read after the stamp: a change between the two is read again next time.
      this.sharedDirectory = { stamp, entries };
      entries.catch(() => {
        if (this.sharedDirectory?.entries === entries) this.sharedDirectory = undefined;
      });
      return entries;
    }
    const known = this.directoryCache.get('');
    if (known !== undefined) return known;
    const stamp = this.directoryCache.stamp();
    return this.directoryCache.set('', await this.readDirectory(), stamp);
  }

  private async readDirectory(): Promise<DirectoryEntries> {
    const [users, departments, queues] = await Promise.all([
      this.store.listAll('users'),
      this.store.listAll('departments'),
      this.store.listAll('queues'),
    ]);
    return { users, departments, queues };
  }

  /**
   * Runs a change in the writer lane; everything it wrote is on disk when this resolves.
   * When the disk refuses a batch (full, read-only), the store rolls it back and this
   * throws 503 `STORE_UNAVAILABLE`; a change that was running meanwhile is refused too
   * (it may have read what was rolled back), so an error means nothing was stored.
   * `who`: the request (or server) the change is made for; its audit entries and the
   * timeline entries written for it name that actor.
   */
  async change<T>(
    fn: (tx: Tx, run: () => Promise<RunContext>) => Promise<T>,
    pinned: PreparedRuleSet[] = [],
    who?: Who,
  ): Promise<T> {
    return this.changeIn(true, fn, pinned, who);
  }

  /** `change`, in the writer lane (`queued`) or beside it. */
  private async changeIn<T>(
    queued: boolean,
    fn: (tx: Tx, run: () => Promise<RunContext>) => Promise<T>,
    pinned: PreparedRuleSet[],
    who: Who | undefined,
  ): Promise<T> {
    let durable: Promise<void> = Promise.resolve();
    const body = async (): Promise<T> => {
      const refusals = this.refusals;
      const tx = new Tx(this.store, who, this.clock.now().toISOString());
      const result = await fn(tx, async () => {
        // Another process may have published since: a run never uses a replaced version.
        // Both are a round trip on a shared store, made together.
        const [, directory] = await Promise.all([this.versions.sync(), this.directory()]);
        return this.engine.startRun(tx, directory, pinned);
      });
      if (this.refusals !== refusals)
        throw new StoreUnavailableError(undefined, 'a change this one may build on was refused');
      durable = tx.commit();
      // Applied in memory synchronously by commit; only the flush is awaited below.
      durable.catch((e: unknown) => {
        if (e instanceof StoreUnavailableError) this.refusals++;
      });
      return result;
    };
    const step = queued ? this.lane.then(body) : body();
    if (queued) this.lane = step.catch(() => undefined);
    try {
      const result = await step;
      await durable;
      return result;
    } catch (e) {
      if (e instanceof StoreUnavailableError) throw new HttpError(503, e.code, e.message);
      if (e instanceof RevisionConflictError) throw conflictOf(e);
      throw e;
    }
  }

  /**
   * A change of one record's events: with several processes on the store, it waits for
   * the record's lock (taken before the writer lane, released once the batch is
   * durable), so two processes never handle that record's events at once and each sees
   * the other's outcome; their timeline keeps the order of their commits.
   *
   * Where the store has record locks (a shared database), the change runs beside the
   * writer lane, not in it: the lock orders the record's changes, the database's
   * transactions and the batch's conditions (`expectRevision`, checked on locked rows)
   * keep the rest atomic, as they must for changes other processes make at the same
   * time; a refused commit there is rolled back before anyone can read it. Changes of
   * different records then overlap their round trips to the database instead of waiting
   * for one another's (the lane held a move for every read of the changes before it).
   */
  async changeRecord<T>(
    recordId: string,
    fn: (tx: Tx, run: () => Promise<RunContext>) => Promise<T>,
    pinned: PreparedRuleSet[] = [],
    who?: Who,
  ): Promise<T> {
    const release = await this.lockRecord(recordId);
    try {
      return await this.changeLocked(fn, pinned, who);
    } finally {
      await release();
    }
  }

  /**
   * A change of one record whose lock (`lockRecord`) the caller holds until this
   * resolves: beside the writer lane where the store has record locks (see
   * `changeRecord`), in it otherwise.
   */
  changeLocked<T>(
    fn: (tx: Tx, run: () => Promise<RunContext>) => Promise<T>,
    pinned: PreparedRuleSet[] = [],
    who?: Who,
  ): Promise<T> {
    return this.changeIn(this.store.lockRecord === undefined, fn, pinned, who);
  }

  /** The record's cross-process lock (nothing to take where one process owns the store). */
  async lockRecord(recordId: string): Promise<() => Promise<void>> {
    if (this.store.lockRecord === undefined) return async () => undefined;
    try {
      return await this.store.lockRecord(recordId);
    } catch (e) {
      if (e instanceof StoreUnavailableError) throw new HttpError(503, e.code, e.message);
      throw e;
    }
  }

  /** A change made for `who` (a request's actor and address). */
  changeAs<T>(
    who: Who | undefined,
    fn: (tx: Tx, run: () => Promise<RunContext>) => Promise<T>,
  ): Promise<T> {
    return this.change(fn, [], who);
  }

  /** Appends the audit entry of a change to its unit of work (same commit; see `appendAudit`). */
  audit(tx: Tx, input: AuditInput): AuditEntry {
    return appendAudit(tx, { now: tx.now ?? this.clock.now().toISOString(), ids: this.ids }, input);
  }
}
