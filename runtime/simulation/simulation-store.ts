import { MemoryStore } from '../store/memory-store.js';
import type { TimelineEntry } from '../domain/timeline.js';
import type { WriteOp } from '../domain/write-op.js';

/**
 * The memory store with two things the simulation needs cheaply: every timeline entry
 * in the order it was written (across records), and the earliest pending timer, so the
 * virtual clock can jump straight to it.
 */
export class SimulationStore extends MemoryStore {
  readonly journal: TimelineEntry[] = [];
  private readonly pending = new Map<string, string>();

  override async commit(ops: readonly WriteOp[]): Promise<void> {
    for (const op of ops) {
      if (op.collection === 'timeline' && op.op !== 'delete') this.journal.push(op.value);
      if (op.collection === 'timers') {
        // A parked timer (`status: 'failed'`) is never due again on its own.
        if (op.op === 'put' && op.value.status !== 'failed')
          this.pending.set(op.key, op.value.dueAt);
        else this.pending.delete(op.key);
      }
    }
    await super.commit(ops);
  }

  /** The due time of the earliest pending timer (ISO), if any. */
  nextDue(): string | undefined {
    let min: string | undefined;
    for (const due of this.pending.values()) if (min === undefined || due < min) min = due;
    return min;
  }
}
