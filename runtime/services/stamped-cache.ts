import type { CollectionName } from '../domain/collections.js';
import type { Store } from '../domain/store-port.js';

/**
 * Values derived from a few collections (a caller's rights, a token's account, the
 * directory), kept while the store's `changeStamp` of those collections stays the same:
 * every request used to recompute them. On a shared database, which other processes
 * write, the stamp is read from the store (`sync`, one small read instead of several);
 * a store with neither keeps nothing. At most `max` values (a flood of distinct
 * keys empties it instead of growing it).
 *
 * @example
 * await cache.sync();
 * const s = cache.stamp();
 * const v = cache.get(key) ?? cache.set(key, await compute(), s);
 */
export class StampedCache<V> {
  private readonly values = new Map<string, V>();
  private seen: number | undefined;
  /** The highest stamp read from a shared store (`sync`); stamps only grow. */
  private shared: number | undefined;

  constructor(
    private readonly store: Pick<Store, 'changeStamp' | 'sharedStamp'>,
    private readonly collections: readonly CollectionName[],
    private readonly max = 1000,
  ) {}

  /**
   * On a shared store (`Store.sharedStamp`, one round trip), reads the stamp: `get`,
   * `stamp` and `set` then work on it until the next `sync`. Callers sync first;
   * elsewhere this does nothing.
   */
  async sync(): Promise<void> {
    if (this.store.changeStamp !== undefined || this.store.sharedStamp === undefined) return;
    const n = await this.store.sharedStamp(this.collections);
    this.shared = Math.max(n, this.shared ?? n);
  }

  /** The stamp now: taken before computing a value, handed to `set`. */
  stamp(): number | undefined {
    return this.store.changeStamp?.(this.collections) ?? this.shared;
  }

  get(key: string): V | undefined {
    const now = this.stamp();
    if (now === undefined) return undefined;
    if (now !== this.seen) {
      this.values.clear();
      this.seen = now;
      return undefined;
    }
    return this.values.get(key);
  }

  /**
   * Keeps a value computed from reads that began at stamp `from`: only if nothing
   * changed since (a change meanwhile may or may not be in it). Answers the value.
   */
  set(key: string, value: V, from: number | undefined): V {
    const now = this.stamp();
    if (from === undefined || now !== from) return value;
    if (now !== this.seen) {
      this.values.clear();
      this.seen = now;
    }
    if (this.values.size >= this.max) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}
