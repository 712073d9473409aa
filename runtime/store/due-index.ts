/** A pending timer's place in due-time order. */
interface DueEntry {
  dueAt: string;
  id: string;
}

const before = (a: DueEntry, b: DueEntry): boolean =>
  a.dueAt === b.dueAt ? a.id < b.id : a.dueAt < b.dueAt;

/**
 * Timers by due time: a binary min-heap with lazy deletion, so adding, re-planning and
 * removing a timer cost O(log n) and "what is due next?" is O(1), with 100,000 timers
 * pending. An entry is live while `current(id)` still reports the same due time; stale
 * ones are dropped when they reach the top, and the heap is rebuilt when they pile up.
 */
export class DueIndex {
  private heap: DueEntry[] = [];

  constructor(private readonly current: (id: string) => string | undefined) {}

  add(id: string, dueAt: string): void {
    this.heap.push({ id, dueAt });
    this.up(this.heap.length - 1);
  }

  /** The earliest live due time, if any. */
  peek(): string | undefined {
    this.dropStale();
    return this.heap[0]?.dueAt;
  }

  /** Ids of live timers due at or before `now`, earliest first; the index keeps them. */
  due(now: string): string[] {
    const taken: DueEntry[] = [];
    const ids: string[] = [];
    const seen = new Set<string>();
    for (;;) {
      this.dropStale();
      const top = this.heap[0];
      if (top === undefined || top.dueAt > now) break;
      taken.push(this.pop());
      if (!seen.has(top.id)) ids.push(top.id);
      seen.add(top.id);
    }
    for (const e of taken) {
      this.heap.push(e);
      this.up(this.heap.length - 1);
    }
    return ids;
  }

  /** Rebuilds without stale entries once they outnumber the live ones. */
  compact(live: number): void {
    if (this.heap.length < 1024 || this.heap.length < 2 * live) return;
    const seen = new Set<string>();
    const kept = this.heap.filter((e) => {
      if (seen.has(e.id) || this.current(e.id) !== e.dueAt) return false;
      seen.add(e.id);
      return true;
    });
    this.heap = [];
    for (const e of kept) this.add(e.id, e.dueAt);
  }

  private dropStale(): void {
    let top = this.heap[0];
    while (top !== undefined && this.current(top.id) !== top.dueAt) {
      this.pop();
      top = this.heap[0];
    }
  }

  private pop(): DueEntry {
    const h = this.heap;
    const top = h[0] as DueEntry;
    const last = h.pop() as DueEntry;
    if (h.length > 0) {
      h[0] = last;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i] as DueEntry, h[parent] as DueEntry)) break;
      [h[i], h[parent]] = [h[parent] as DueEntry, h[i] as DueEntry];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l] as DueEntry, h[m] as DueEntry)) m = l;
      if (r < h.length && before(h[r] as DueEntry, h[m] as DueEntry)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m] as DueEntry, h[i] as DueEntry];
      i = m;
    }
  }
}
