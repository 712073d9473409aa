import type { CollectionName } from '../domain/collections.js';
import type { PlainOp } from './prepare-batch.js';

/**
 * Collections the lowdb store may read after it opens, in the background: written by
 * every change but read only by admin screens (the audit log: 300,000 entries, 87 MB,
 * at 100,000 deals, half of what opening parsed). Until they are loaded, writes to
 * them wait here (they are in the journal already) and reads of them wait for the load.
 */
export const DEFERRABLE: ReadonlySet<CollectionName> = new Set<CollectionName>(['audit']);

/** Below this many bytes of their files, deferrable collections are read at open as before. */
export const DEFER_FROM_BYTES = 4 * 1024 * 1024;

/**
 * The state of a background load: the ops held back (with the journal sequence of their
 * batch, so a refused batch's ops are dropped), and a promise readers wait on.
 */
export class DeferredLoad {
  private held: Array<{ seq: number; ops: PlainOp[] }> = [];
  private loaded: boolean;
  private failure: unknown;
  private resolve: () => void = () => undefined;
  /** Resolves once the collections are in memory (rejects if loading them failed). */
  readonly done: Promise<void>;

  constructor(loading: boolean) {
    this.loaded = !loading;
    this.done = loading
      ? new Promise<void>((resolve) => (this.resolve = resolve))
      : Promise.resolve();
  }

  /** Whether writes to deferred collections still wait here. */
  get waiting(): boolean {
    return !this.loaded;
  }

  /** Why loading failed, if it did (writes to those collections are refused then). */
  get error(): unknown {
    return this.failure;
  }

  /** Splits a batch: the ops that apply now, and those held until the load (kept here). */
  split(ops: readonly PlainOp[]): { now: PlainOp[]; later: PlainOp[] } {
    if (this.loaded) return { now: [...ops], later: [] };
    const now: PlainOp[] = [];
    const later: PlainOp[] = [];
    for (const op of ops) (DEFERRABLE.has(op.collection) ? later : now).push(op);
    return { now, later };
  }

  hold(seq: number, ops: PlainOp[]): void {
    if (ops.length > 0) this.held.push({ seq, ops });
  }

  /** A refused append: its batches (sequence above `durable`) never happened. */
  forgetAfter(durable: number): void {
    this.held = this.held.filter((h) => h.seq <= durable);
  }

  /** The held ops, oldest first, handed over once the collections are loaded. */
  take(): PlainOp[][] {
    const out = this.held.map((h) => h.ops);
    this.held = [];
    return out;
  }

  finish(): void {
    this.loaded = true;
    this.resolve();
  }

  /** Loading failed: readers and writers of those collections hear why. */
  fail(e: unknown): void {
    this.failure = e;
    this.resolve();
  }
}
