import {
  isAppendOnly,
  type AppendOnlyCollection,
  type CollectionName,
  type CollectionTypes,
  type RecordScopedCollection,
} from '../domain/collections.js';
import type { CollectionFilters } from '../domain/collection-filters.js';
import type { Page } from '../domain/page.js';
import type { Store } from '../domain/store-port.js';
import type { Who } from '../domain/who.js';
import type { WriteOp } from '../domain/write-op.js';

/** Per-record lists are read in pages of this size (a record's own documents: few). */
const RECORD_PAGE = 1000;

/**
 * A unit of work over a store: reads see this unit's own pending writes; nothing
 * reaches the store until `commit`, which writes the whole batch at once. Handing an
 * event to the engine therefore writes everything it caused, or nothing.
 */
export class Tx {
  private readonly writes = new Map<string, WriteOp>();
  private readonly expected = new Map<string, number | null>();
  /**
   * Documents this unit read from the store, by key: a move read its record five times,
   * each a round trip on a database. The unit sees one reading of a document (its own
   * writes over it); the commit's conditions, not these readings, guard against changes
   * made meanwhile.
   */
  private readonly reads = new Map<string, Promise<unknown>>();

  /** Audit entries appended so far (their `seq`: several share one clock reading). */
  private audited = 0;

  /**
   * `who`: the request (or the server) this unit of work changes things for; its audit
   * entries and the timeline entries it writes for the request name that actor. `now`:
   * the clock's reading when it started, which its run and audit entries share.
   */
  constructor(
    readonly store: Store,
    readonly who?: Who,
    readonly now?: string,
  ) {}

  /** The next audit entry's position within this unit of work. */
  nextAuditSeq(): number {
    this.audited += 1;
    return this.audited;
  }

  private k(c: CollectionName, key: string): string {
    return `${c}\u0000${key}`;
  }

  async get<C extends CollectionName>(c: C, key: string): Promise<CollectionTypes[C] | undefined> {
    const w = this.writes.get(this.k(c, key));
    if (w !== undefined) return w.op === 'delete' ? undefined : (w.value as CollectionTypes[C]);
    const id = this.k(c, key);
    let read = this.reads.get(id) as Promise<CollectionTypes[C] | undefined> | undefined;
    if (read === undefined) {
      read = this.store.get(c, key);
      this.reads.set(id, read);
      // A failed read is not kept: the next one asks the store again.
      read.catch(() => {
        if (this.reads.get(id) === read) this.reads.delete(id);
      });
    }
    return read;
  }

  /** Creates or replaces a document; on an append-only collection, appends it (a new key). */
  put<C extends CollectionName>(c: C, key: string, value: CollectionTypes[C]): void {
    if (isAppendOnly(c)) {
      this.append(c, key, value as CollectionTypes[typeof c]);
      return;
    }
    this.writes.set(this.k(c, key), { op: 'put', collection: c, key, value } as WriteOp);
  }

  /** Adds a document to an append-only collection (timeline, audit). */
  append<C extends AppendOnlyCollection>(c: C, key: string, value: CollectionTypes[C]): void {
    this.writes.set(this.k(c, key), { op: 'append', collection: c, key, value } as WriteOp);
  }

  delete(c: CollectionName, key: string): void {
    this.writes.set(this.k(c, key), { op: 'delete', collection: c, key } as WriteOp);
  }

  /**
   * Makes this unit's write of the document conditional: the store refuses the whole
   * batch (`RevisionConflictError`) unless the stored revision is still `revision`
   * (null: the document must not exist).
   */
  expectRevision(c: CollectionName, key: string, revision: number | null): void {
    this.expected.set(this.k(c, key), revision);
  }

  /** Every document of a record-scoped collection for one record, this unit's writes included. */
  async listByRecord<C extends RecordScopedCollection>(
    c: C,
    recordId: string,
  ): Promise<Array<CollectionTypes[C]>> {
    const stored: Array<CollectionTypes[C]> = [];
    let cursor: string | null = null;
    do {
      const filter = { recordId } as CollectionFilters[C];
      const page: Page<CollectionTypes[C]> = await this.store.query(c, filter, {
        limit: RECORD_PAGE,
        cursor,
      });
      stored.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const out: Array<CollectionTypes[C]> = [];
    const seen = new Set<string>();
    for (const doc of stored) {
      const key = (doc as { id: string }).id;
      seen.add(key);
      const w = this.writes.get(this.k(c, key));
      if (w === undefined) out.push(doc);
      else if (w.op !== 'delete') out.push(w.value as CollectionTypes[C]);
    }
    for (const w of this.writes.values()) {
      if (w.collection !== c || w.op === 'delete' || seen.has(w.key)) continue;
      if ((w.value as { recordId?: string }).recordId === recordId) {
        out.push(w.value as CollectionTypes[C]);
      }
    }
    return out;
  }

  ops(): WriteOp[] {
    return [...this.writes.entries()].map(([k, w]) => {
      const expectRevision = this.expected.get(k);
      return expectRevision === undefined || w.op === 'append' ? w : { ...w, expectRevision };
    });
  }

  async commit(): Promise<void> {
    await this.store.commit(this.ops());
    this.writes.clear();
    this.expected.clear();
    this.reads.clear();
  }
}
