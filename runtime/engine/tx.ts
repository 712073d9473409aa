import type { Store } from '../store/store.js';
import type { CollectionName, CollectionTypes, WriteOp } from '../store/store-types.js';

type RecordScoped = 'timeline' | 'tasks' | 'notifications' | 'outbox' | 'timers';

/**
 * A unit of work over a store: reads see this unit's own pending writes; nothing
 * reaches the store until `commit`, which writes the whole batch at once. Handing an
 * event to the engine therefore writes everything it caused, or nothing.
 */
export class Tx {
  private readonly writes = new Map<string, WriteOp>();

  constructor(readonly store: Store) {}

  private k(c: CollectionName, key: string): string {
    return `${c}\u0000${key}`;
  }

  async get<C extends CollectionName>(c: C, key: string): Promise<CollectionTypes[C] | undefined> {
    const w = this.writes.get(this.k(c, key));
    if (w !== undefined) return w.op === 'put' ? (w.value as CollectionTypes[C]) : undefined;
    return this.store.get(c, key);
  }

  put<C extends CollectionName>(c: C, key: string, value: CollectionTypes[C]): void {
    this.writes.set(this.k(c, key), { op: 'put', collection: c, key, value } as WriteOp);
  }

  delete(c: CollectionName, key: string): void {
    this.writes.set(this.k(c, key), { op: 'delete', collection: c, key } as WriteOp);
  }

  async listByRecord<C extends RecordScoped>(
    c: C,
    recordId: string,
  ): Promise<Array<CollectionTypes[C]>> {
    const stored = await this.store.listByRecord(c, recordId);
    const out: Array<CollectionTypes[C]> = [];
    const seen = new Set<string>();
    for (const doc of stored) {
      const key = (doc as { id: string }).id;
      seen.add(key);
      const w = this.writes.get(this.k(c, key));
      if (w === undefined) out.push(doc);
      else if (w.op === 'put') out.push(w.value as CollectionTypes[C]);
    }
    for (const w of this.writes.values()) {
      if (w.collection !== c || w.op !== 'put' || seen.has(w.key)) continue;
      if ((w.value as { recordId?: string }).recordId === recordId) {
        out.push(w.value as CollectionTypes[C]);
      }
    }
    return out;
  }

  ops(): WriteOp[] {
    return [...this.writes.values()];
  }

  async commit(): Promise<void> {
    await this.store.commit(this.ops());
    this.writes.clear();
  }
}
