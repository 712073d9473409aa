/** Where a stored entry's line is: segment number, byte offset, length (without the newline). */
export interface TimelineSpot {
  seg: number;
  off: number;
  len: number;
}

/** Segment number of an entry not yet appended to a segment (it is still in memory). */
export const PENDING = -1;

/** One record's history: ids in the order they were appended, and their spots (3 numbers each). */
interface History {
  readonly recordId: string;
  ids: string[];
  spots: number[];
}

/**
 * Where every timeline entry is, by record and by id, without the entries themselves:
 * about 100 bytes per entry (its id and three small numbers) instead of the whole
 * document, so a million entries cost tens of megabytes, not a gigabyte.
 */
export class TimelineIndex {
  private readonly byRecord = new Map<string, History>();
  private readonly byId = new Map<string, History>();

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  recordOf(id: string): string | undefined {
    return this.byId.get(id)?.recordId;
  }

  /** Adds an entry at the end of its record's history; false (nothing done) when the id exists. */
  add(recordId: string, id: string, spot: TimelineSpot, trusted = false): boolean {
    // A sealed segment's index was checked when the segment was written (`trusted`).
    if (!trusted && this.byId.has(id)) return false;
    let h = this.byRecord.get(recordId);
    if (h === undefined) {
      h = { recordId, ids: [], spots: [] };
      this.byRecord.set(recordId, h);
    }
    h.ids.push(id);
    h.spots.push(spot.seg, spot.off, spot.len);
    this.byId.set(id, h);
    return true;
  }

  /** Moves an entry (appended to a segment, or its segment rewritten). */
  place(id: string, spot: TimelineSpot): void {
    const h = this.byId.get(id);
    if (h === undefined) return;
    const i = h.ids.lastIndexOf(id);
    h.spots[3 * i] = spot.seg;
    h.spots[3 * i + 1] = spot.off;
    h.spots[3 * i + 2] = spot.len;
  }

  spot(id: string): TimelineSpot | undefined {
    const h = this.byId.get(id);
    if (h === undefined) return undefined;
    const i = h.ids.lastIndexOf(id);
    return spotAt(h.spots, i);
  }

  /** Removes an entry; returns its record id (undefined when absent). */
  remove(id: string): string | undefined {
    const h = this.byId.get(id);
    if (h === undefined) return undefined;
    const i = h.ids.lastIndexOf(id);
    h.ids.splice(i, 1);
    h.spots.splice(3 * i, 3);
    this.byId.delete(id);
    if (h.ids.length === 0) this.byRecord.delete(h.recordId);
    return h.recordId;
  }

  /** A record's entries, oldest first: ids with their spots. */
  history(recordId: string): Array<{ id: string; spot: TimelineSpot }> {
    const h = this.byRecord.get(recordId);
    if (h === undefined) return [];
    return h.ids.map((id, i) => ({ id, spot: spotAt(h.spots, i) }));
  }

  /** How many entries a record has. */
  count(recordId: string): number {
    return this.byRecord.get(recordId)?.ids.length ?? 0;
  }

  /** Every entry, record by record (for whole-collection reads and checks). */
  *all(): Generator<{ recordId: string; id: string; spot: TimelineSpot }> {
    for (const h of this.byRecord.values())
      for (let i = 0; i < h.ids.length; i++)
        yield { recordId: h.recordId, id: h.ids[i] as string, spot: spotAt(h.spots, i) };
  }
}

function spotAt(spots: readonly number[], i: number): TimelineSpot {
  return {
    seg: spots[3 * i] as number,
    off: spots[3 * i + 1] as number,
    len: spots[3 * i + 2] as number,
  };
}
