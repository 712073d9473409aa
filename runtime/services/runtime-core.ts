import type { Engine } from '../engine/engine.js';
import type { Clock, IdGenerator } from '../engine/ports.js';
import type { RunContext } from '../engine/run-context.js';
import { Tx } from '../engine/tx.js';
import type { Store } from '../store/store.js';
import type { DirectoryEntries } from '../store/store-types.js';
import type { PreparedRuleSet } from '../engine/prepared-rule-set.js';

/**
 * What the services share: the store, the engine and one writer lane. Changes run one
 * at a time (so two requests never interleave reads and writes), and their batch is
 * applied in that order; waiting for the disk happens outside the lane, so concurrent
 * requests share flushes.
 */
export class RuntimeCore {
  private lane: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: Store,
    readonly engine: Engine,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {}

  async directory(): Promise<DirectoryEntries> {
    const [users, departments, queues] = await Promise.all([
      this.store.list('users'),
      this.store.list('departments'),
      this.store.list('queues'),
    ]);
    return { users, departments, queues };
  }

  /** Runs a change in the writer lane; everything it wrote is on disk when this resolves. */
  async change<T>(
    fn: (tx: Tx, run: () => Promise<RunContext>) => Promise<T>,
    pinned: PreparedRuleSet[] = [],
  ): Promise<T> {
    let durable: Promise<void> = Promise.resolve();
    const step = this.lane.then(async () => {
      const tx = new Tx(this.store);
      const result = await fn(tx, async () =>
        this.engine.startRun(tx, await this.directory(), pinned),
      );
      durable = tx.commit();
      // Applied in memory synchronously by commit; only the flush is awaited below.
      durable.catch(() => undefined);
      return result;
    });
    this.lane = step.catch(() => undefined);
    const result = await step;
    await durable;
    return result;
  }
}
