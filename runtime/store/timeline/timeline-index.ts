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
 * Where every timeline entry is, by record, without the entries themselves: about 100
 * bytes per entry (its id and three small numbers) instead of the whole document, so a
 * million entries cost tens of megabytes, not a gigabyte.
 *
 * Entries are found through their record (every caller on a hot path knows it: an
 * append carries its record id, a page names its record), so the index is one map
 * entry per record. A map by entry id (a million keys at 100,000 records: about a
 * second to build, most of the time it took to open a store) is built only when an
 * entry is asked for by id alone (a deletion, `get`), and kept current from then on.
 */
export class TimelineIndex {
  private readonly byRecord = new Map<string, History>();
  private byId: Map<string, History> | undefined;
  private entries = 0;

  get size(): number {
    return this.entries;
  }

  /** The history holding `id`: through its record when given, else through the id map. */
  private find(id: string, recordId?: string): { h: History; i: number } | undefined {
    const h = recordId === undefined ? this.ids().get(id) : this.byRecord.get(recordId);
    if (h === undefined) return undefined;
    const i = h.ids.lastIndexOf(id);
    return i === -1 ? undefined : { h, i };
  }

  private ids(): Map<string, History> {
    if (this.byId === undefined) {
      const byId = new Map<string, History>();
      for (const h of this.byRecord.values()) for (const id of h.ids) byId.set(id, h);
      this.byId = byId;
    }
    return this.byId;
  }

  has(id: string, recordId?: string): boolean {
    return this.find(id, recordId) !== undefined;
  }

  recordOf(id: string): string | undefined {
    return this.find(id)?.h.recordId;
  }

  /** Adds an entry at the end of its record's history; false (nothing done) when the id exists. */
  add(recordId: string, id: string, spot: TimelineSpot, trusted = false): boolean {
    let h = this.byRecord.get(recordId);
    // A sealed segment's index was checked when the segment was written (`trusted`). An
    // id is unique across records too: checked through the id map once it exists.
    if (!trusted && (h?.ids.includes(id) === true || this.byId?.has(id) === true)) return false;
    if (h === undefined) {
      h = { recordId, ids: [], spots: [] };
      this.byRecord.set(recordId, h);
    }
    h.ids.push(id);
    h.spots.push(spot.seg, spot.off, spot.len);
    this.byId?.set(id, h);
    this.entries++;
    return true;
  }

  /** Moves an entry (appended to a segment, or its segment rewritten). */
  place(id: string, spot: TimelineSpot, recordId?: string): void {
    const at = this.find(id, recordId);
    if (at === undefined) return;
    at.h.spots[3 * at.i] = spot.seg;
    at.h.spots[3 * at.i + 1] = spot.off;
    at.h.spots[3 * at.i + 2] = spot.len;
  }

  spot(id: string, recordId?: string): TimelineSpot | undefined {
    const at = this.find(id, recordId);
    return at === undefined ? undefined : spotAt(at.h.spots, at.i);
  }

  /** Removes an entry; returns its record id (undefined when absent). */
  remove(id: string, recordId?: string): string | undefined {
    const at = this.find(id, recordId);
    if (at === undefined) return undefined;
    const { h, i } = at;
    h.ids.splice(i, 1);
    h.spots.splice(3 * i, 3);
    this.byId?.delete(id);
    this.entries--;
    if (h.ids.length === 0) this.byRecord.delete(h.recordId);
    return h.recordId;
  }

  /**
   * Puts the entries of `older` (read after this index, from segments written before
   * its entries) in front of each record's history, so histories stay oldest first.
   */
  prependAll(older: TimelineIndex): void {
    for (const o of older.byRecord.values()) {
      const h = this.byRecord.get(o.recordId);
      if (h === undefined) this.byRecord.set(o.recordId, o);
      else {
        h.ids = o.ids.concat(h.ids);
        h.spots = o.spots.concat(h.spots);
      }
    }
    this.entries += older.entries;
    // Rebuilt on demand with the older entries.
    this.byId = undefined;
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
