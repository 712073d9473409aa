/**
 * Claims a process holds on documents (due timers, pending outbox items): a claim lasts
 * until its lease ends or the document's claim-relevant state (`stamp`) changes, i.e.
 * until a commit deleted, re-planned or settled it. Kept in memory: an embedded store
 * has one process, and a claim ends with it.
 */
export class Claims {
  private readonly held = new Map<string, { until: number; stamp: string }>();

  /** Whether `id` is held now (a claim whose document changed since no longer holds). */
  holds(id: string, stamp: string | undefined, now: number): boolean {
    const c = this.held.get(id);
    if (c === undefined) return false;
    if (c.until > now && c.stamp === stamp) return true;
    this.held.delete(id);
    return false;
  }

  /** Ends the claim on `id` unless the document still has `stamp` (its commit changed it). */
  settle(id: string, stamp: string | undefined): void {
    const c = this.held.get(id);
    if (c !== undefined && c.stamp !== stamp) this.held.delete(id);
  }

  take(id: string, stamp: string, now: number, leaseMs: number): void {
    this.held.set(id, { until: now + leaseMs, stamp });
  }
}
