import { MemoryStore } from '../store/memory-store.js';
import type { TimelineEntry, TimerDoc, WriteOp } from '../store/store-types.js';

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
      if (op.collection === 'timeline' && op.op === 'put') this.journal.push(op.value);
      if (op.collection === 'timers') {
        if (op.op === 'put') this.pending.set(op.key, (op.value as TimerDoc).dueAt);
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
