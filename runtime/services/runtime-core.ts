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
    this.directoryCache = new StampedCache(store, ['users', 'departments', 'queues']);
    this.versions = new PublishedVersionsWatch(store, engine);
  }

  /** The directory as last read (every change read and sorted 2,000 users again). */
  private readonly directoryCache: StampedCache<DirectoryEntries>;

  /** The directory (shared between callers: read it, never change it). */
  async directory(): Promise<DirectoryEntries> {
    const known = this.directoryCache.get('');
    if (known !== undefined) return known;
    const stamp = this.directoryCache.stamp();
    const [users, departments, queues] = await Promise.all([
      this.store.listAll('users'),
      this.store.listAll('departments'),
      this.store.listAll('queues'),
    ]);
    return this.directoryCache.set('', { users, departments, queues }, stamp);
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
    let durable: Promise<void> = Promise.resolve();
    const step = this.lane.then(async () => {
      const refusals = this.refusals;
      const tx = new Tx(this.store, who, this.clock.now().toISOString());
      const result = await fn(tx, async () => {
        // Another process may have published since: a run never uses a replaced version.
        await this.versions.sync();
        return this.engine.startRun(tx, await this.directory(), pinned);
      });
      if (this.refusals !== refusals)
        throw new StoreUnavailableError(undefined, 'a change this one may build on was refused');
      durable = tx.commit();
      // Applied in memory synchronously by commit; only the flush is awaited below.
      durable.catch((e: unknown) => {
        if (e instanceof StoreUnavailableError) this.refusals++;
      });
      return result;
    });
    this.lane = step.catch(() => undefined);
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
   */
  async changeRecord<T>(
    recordId: string,
    fn: (tx: Tx, run: () => Promise<RunContext>) => Promise<T>,
    pinned: PreparedRuleSet[] = [],
    who?: Who,
  ): Promise<T> {
    const release = await this.lockRecord(recordId);
    try {
      return await this.change(fn, pinned, who);
    } finally {
      await release();
    }
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
