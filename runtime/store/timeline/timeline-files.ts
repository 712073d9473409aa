import { join } from 'node:path';
import { DataDirDamagedError } from '../data-dir-damaged-error.js';
import {
  errorCode,
  replaceFile,
  syncDir,
  type StoreFileHandle,
  type StoreFs,
  type StoreReader,
} from '../store-fs.js';
import type { TimelineEntry } from '../store-types.js';
import { eraseLines, ERASED_BYTE, unerased } from './segment-erase.js';
import { parseSegment, type SegmentLine } from './segment-lines.js';
import { PENDING, TimelineIndex, type TimelineSpot } from './timeline-index.js';

export interface TimelineFilesOptions {
  fs: StoreFs;
  fsync: boolean;
  log: (line: string) => void;
  /** A segment is sealed (and a new one started) once it is this big (default 32 MiB). */
  segmentBytes?: number;
  /** Sealed segments whose newest entry is older than this many days are removed. */
  retentionDays?: number;
  now?: () => number;
}

/** A sealed segment's index, written beside it once it is full: opening reads it instead of the segment. */
interface Sidecar {
  bytes: number;
  maxAt: string;
  lines: Array<[string, string, number, number] | [null, string]>;
}

const DAY_MS = 86_400_000;

/** A removal to write: the entry's id and, when it was in a segment, where its line is. */
interface Deletion {
  deleted: string;
  spot?: TimelineSpot;
}
const segName = (n: number): string => `${n}.jsonl`;
const sidecarName = (n: number): string => `${n}.idx.json`;

/**
 * The timeline on disk: append-only JSON-lines segments `DATA_DIR/timeline/<n>.jsonl`,
 * never rewritten. New entries stay in memory until a checkpoint appends them to the
 * active segment and syncs it (they are in the journal until then, so a crash loses
 * nothing: the journal replays them, and an entry already appended is recognised by
 * its id). Only an index (id and position) stays in memory; a record's entries are
 * read from the segments when asked for. A full segment is sealed with a sidecar
 * index (`<n>.idx.json`) so opening reads the index, not the entries. Retention
 * removes sealed segments whose newest entry is older than `retentionDays`.
 *
 * A removed entry does not stay on disk: once its deletion line is appended and synced,
 * its own line is overwritten in place with spaces (`eraseLines`), so deleting (the
 * recycle bin keeps its own copy) and purging leave no trace of its content. Opening
 * finishes an erase a crash cut short: the deletion line is the lasting intent.
 */
export class TimelineFiles {
  private readonly index = new TimelineIndex();
  /** Entries not yet in a segment, by id. */
  private readonly pending = new Map<string, TimelineEntry>();
  /** What the next append writes, in order: entry ids and deletions. */
  private queue: Array<string | Deletion> = [];
  /** Lines of removed entries still to overwrite (an erase that failed is retried). */
  private toErase: TimelineSpot[] = [];
  /** Entries being appended right now (a deletion meanwhile must be written after them). */
  private readonly inFlight = new Set<string>();
  private active = 0;
  private activeSize = 0;
  private activeMaxAt = '';
  private activeLines: Sidecar['lines'] = [];
  private handle: StoreFileHandle | undefined;
  private torn = false;
  private readonly sealed = new Map<number, { maxAt: string }>();
  private readonly readers = new Map<number, Promise<StoreReader>>();
  private readonly reading = new Map<number, number>();
  private serialQueue: Promise<void> = Promise.resolve();
  private lastRetention = 0;
  private readonly segmentBytes: number;
  /** Resolves once the sealed segments' indexes are loaded (see `loadSealed`). */
  ready: Promise<void> = Promise.resolve();
  /** Set while the sealed segments' indexes load after opening. */
  private loadingSealed = false;
  /** Deletion lines of the active segment whose entries are in sealed segments still loading. */
  private deletedInSealed = new Set<string>();

  private constructor(
    private readonly dir: string,
    private readonly dataDir: string,
    private readonly options: TimelineFilesOptions,
  ) {
    this.segmentBytes = options.segmentBytes ?? 32 * 1024 * 1024;
  }

  /** Loads the index of every segment (sidecars of sealed ones, the active one line by line). */
  static async open(
    dir: string,
    dataDir: string,
    options: TimelineFilesOptions,
  ): Promise<TimelineFiles> {
    const t = new TimelineFiles(dir, dataDir, options);
    await t.load();
    return t;
  }

  get size(): number {
    return this.index.size;
  }

  /** Whether the sealed segments' indexes are still loading (reads and appends must wait for `ready`). */
  get loading(): boolean {
    return this.loadingSealed;
  }

  /** Bytes of the active segment (the sealed ones are immutable). */
  activeBytes(): number {
    return this.activeSize;
  }

  /** Whether an entry is stored or pending (`recordId`, when known, makes it a short lookup). */
  has(id: string, recordId?: string): boolean {
    return this.index.has(id, recordId);
  }

  /** Entries waiting for the next checkpoint (or deletions of stored ones). */
  dirty(): boolean {
    return this.queue.length > 0;
  }

  /** Adds an entry (in memory until the next `flush`); false when its id exists. */
  append(entry: TimelineEntry): boolean {
    if (!this.index.add(entry.recordId, entry.id, { seg: PENDING, off: 0, len: 0 })) return false;
    this.pending.set(entry.id, entry);
    this.queue.push(entry.id);
    return true;
  }

  /** Removes an entry: a pending one is forgotten, a stored one gets a deletion line. */
  remove(id: string): TimelineEntry | undefined {
    const spot = this.index.spot(id);
    if (spot === undefined) return undefined;
    const entry = this.pending.get(id);
    this.index.remove(id);
    if (spot.seg === PENDING) {
      if (!this.inFlight.has(id)) this.pending.delete(id);
      return entry;
    }
    this.queue.push({ deleted: id, spot });
    return entry;
  }

  async get(id: string): Promise<TimelineEntry | undefined> {
    await this.ready;
    const spot = this.index.spot(id);
    if (spot === undefined) return undefined;
    if (spot.seg === PENDING) return this.pending.get(id);
    return this.read(spot);
  }

  /** A record's entries, oldest first. */
  async listByRecord(recordId: string): Promise<TimelineEntry[]> {
    await this.ready;
    // Pending entries are taken now, in the same turn as the positions.
    const parts = this.index
      .history(recordId)
      .map(({ id, spot }) => (spot.seg === PENDING ? this.pending.get(id) : spot));
    return Promise.all(parts.map((p) => (p === undefined || 'id' in p ? p : this.read(p)))).then(
      (all) => all.filter((e): e is TimelineEntry => e !== undefined),
    );
  }

  /** Every entry (tests and small data sets only: it reads every segment). */
  async listAll(): Promise<TimelineEntry[]> {
    await this.ready;
    const out: TimelineEntry[] = [];
    const records = new Set<string>();
    for (const { recordId } of this.index.all()) records.add(recordId);
    for (const recordId of records) out.push(...(await this.listByRecord(recordId)));
    return out;
  }

  count(recordId: string): number {
    return this.index.count(recordId);
  }

  private async read(spot: TimelineSpot): Promise<TimelineEntry | undefined> {
    this.reading.set(spot.seg, (this.reading.get(spot.seg) ?? 0) + 1);
    try {
      let r = this.readers.get(spot.seg);
      if (r === undefined) {
        r = this.options.fs.openRead(join(this.dir, segName(spot.seg)));
        this.readers.set(spot.seg, r);
        r.catch(() => this.readers.delete(spot.seg));
      }
      const buf = await (await r).read(spot.off, spot.len);
      // Erased meanwhile: the entry was removed after its position was taken.
      if (buf[0] === ERASED_BYTE) return undefined;
      return JSON.parse(buf.toString('utf8')) as TimelineEntry;
    } finally {
      this.reading.set(spot.seg, (this.reading.get(spot.seg) ?? 1) - 1);
    }
  }

  private serial(task: () => Promise<void>): Promise<void> {
    const run = this.serialQueue.then(task);
    this.serialQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * Appends what is queued to the active segment and syncs it. What it appends is
   * taken when called (a checkpoint's snapshot); on failure the file is cut back and
   * everything stays queued for the next checkpoint.
   */
  flush(): Promise<void> {
    const items = this.queue;
    this.queue = [];
    const lines: string[] = [];
    const written: Array<{ id: string; recordId: string; at: string } | Deletion> = [];
    for (const item of items) {
      if (typeof item !== 'string') {
        lines.push(JSON.stringify({ $deleted: item.deleted }));
        written.push(item);
        continue;
      }
      const entry = this.pending.get(item);
      if (entry === undefined || !this.index.has(item, entry.recordId)) continue; // rolled back meanwhile
      this.inFlight.add(item);
      lines.push(JSON.stringify(entry));
      written.push({ id: item, recordId: entry.recordId, at: entry.at });
    }
    if (lines.length === 0)
      return this.toErase.length === 0 ? Promise.resolve() : this.serial(() => this.erase());
    return this.serial(async () => {
      const text = lines.join('\n') + '\n';
      const file = join(this.dir, segName(this.active));
      try {
        if (this.torn) await this.cutTornTail(file);
        this.handle ??= await this.options.fs.open(file, 'a');
        await this.handle.appendFile(text);
        if (this.options.fsync) await this.handle.datasync();
      } catch (e) {
        await this.cutBack(file);
        for (const w of written) if (!('deleted' in w)) this.inFlight.delete(w.id);
        this.queue = [...items, ...this.queue];
        throw e;
      }
      let off = this.activeSize;
      for (const [i, w] of written.entries()) {
        const len = Buffer.byteLength(lines[i] as string);
        if ('deleted' in w) {
          this.activeLines.push([null, w.deleted]);
          if (w.spot !== undefined) this.toErase.push(w.spot);
        } else {
          this.activeLines.push([w.recordId, w.id, off, len]);
          if (w.at > this.activeMaxAt) this.activeMaxAt = w.at;
          this.inFlight.delete(w.id);
          this.pending.delete(w.id);
          // Removed while it was appended: the removal must reach the file too.
          if (this.index.has(w.id, w.recordId))
            this.index.place(w.id, { seg: this.active, off, len }, w.recordId);
          else this.queue.push({ deleted: w.id, spot: { seg: this.active, off, len } });
        }
        off += len + 1;
      }
      this.activeSize = off;
      await this.erase();
    });
  }

  /**
   * Overwrites the lines of removed entries whose deletion is on disk. A failure is
   * logged and retried at the next flush (the deletion line already hides the entry,
   * and opening erases what is left).
   */
  private async erase(): Promise<void> {
    const spots = this.toErase;
    this.toErase = [];
    const bySeg = new Map<number, TimelineSpot[]>();
    for (const s of spots) bySeg.set(s.seg, [...(bySeg.get(s.seg) ?? []), s]);
    for (const [seg, list] of bySeg) {
      if (seg !== this.active && !this.sealed.has(seg)) continue; // removed by retention
      try {
        await eraseLines(this.options.fs, join(this.dir, segName(seg)), list, this.options.fsync);
      } catch (e) {
        this.toErase.push(...list);
        this.options.log(
          `Conveyor: could not erase ${list.length} removed entries in timeline/${segName(seg)}: ${String(e)}; will retry`,
        );
      }
    }
  }

  private async cutBack(file: string): Promise<void> {
    try {
      if (this.handle === undefined) return;
      await this.handle.truncate(this.activeSize);
      if (this.options.fsync) await this.handle.datasync();
    } catch (e) {
      this.torn = true;
      this.options.log(
        `Conveyor: could not cut ${file} back to ${this.activeSize} bytes after a failed append: ${String(e)}; will cut it before the next append`,
      );
      const h = this.handle;
      this.handle = undefined;
      await h?.close().catch(() => undefined);
    }
  }

  private async cutTornTail(file: string): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    await h?.close();
    const w = await this.options.fs.open(file, 'r+');
    try {
      await w.truncate(this.activeSize);
    } finally {
      await w.close();
    }
    this.torn = false;
  }

  /**
   * After a checkpoint whose journal trim succeeded: seals a full active segment (so
   * every batch with entries in a sealed segment has left the journal) and applies
   * retention at most hourly.
   */
  afterCheckpoint(): Promise<void> {
    return this.serial(async () => {
      if (this.activeSize >= this.segmentBytes) await this.seal();
      const now = (this.options.now ?? Date.now)();
      if (now - this.lastRetention >= 3_600_000) await this.retain(now);
    });
  }

  private async seal(): Promise<void> {
    const sidecar: Sidecar = {
      bytes: this.activeSize,
      maxAt: this.activeMaxAt,
      lines: this.activeLines,
    };
    await replaceFile(
      this.options.fs,
      join(this.dir, sidecarName(this.active)),
      JSON.stringify(sidecar),
      this.options.fsync,
    );
    if (this.options.fsync) await syncDir(this.options.fs, this.dir);
    const h = this.handle;
    this.handle = undefined;
    await h?.close();
    this.sealed.set(this.active, { maxAt: this.activeMaxAt });
    this.active += 1;
    this.activeSize = 0;
    this.activeMaxAt = '';
    this.activeLines = [];
  }

  /** Removes sealed segments whose newest entry is older than the retention period. */
  private async retain(now: number): Promise<void> {
    this.lastRetention = now;
    const days = this.options.retentionDays;
    if (days === undefined) return;
    const cutoff = new Date(now - days * DAY_MS).toISOString();
    for (const [seg, { maxAt }] of [...this.sealed]) {
      if (maxAt >= cutoff) continue;
      const sidecar = await this.readSidecar(seg);
      for (const line of sidecar?.lines ?? [])
        if (line[0] !== null && this.index.spot(line[1], line[0])?.seg === seg)
          this.index.remove(line[1], line[0]);
      this.sealed.delete(seg);
      await this.dropReader(seg);
      await this.options.fs.rm(join(this.dir, segName(seg)), { force: true });
      await this.options.fs.rm(join(this.dir, sidecarName(seg)), { force: true });
      this.options.log(
        `Conveyor: timeline segment ${segName(seg)} removed (older than ${days} days)`,
      );
    }
  }

  /** Closes a segment's reader once the reads in progress are done. */
  private async dropReader(seg: number): Promise<void> {
    while ((this.reading.get(seg) ?? 0) > 0) await new Promise((r) => setImmediate(r));
    const r = this.readers.get(seg);
    this.readers.delete(seg);
    this.reading.delete(seg);
    await r?.then((x) => x.close()).catch(() => undefined);
  }

  private async readSidecar(seg: number): Promise<Sidecar | undefined> {
    try {
      const value = JSON.parse(
        (await this.options.fs.readFile(join(this.dir, sidecarName(seg)))).toString('utf8'),
      ) as Sidecar;
      return typeof value.bytes === 'number' && Array.isArray(value.lines) ? value : undefined;
    } catch (e) {
      if (errorCode(e) === 'ENOENT' || e instanceof SyntaxError) return undefined;
      throw e;
    }
  }

  private async load(): Promise<void> {
    const fs = this.options.fs;
    await fs.mkdir(this.dir, { recursive: true });
    const names = await fs.readdir(this.dir);
    const segs = names
      .filter((n) => /^\d+\.jsonl$/.test(n))
      .map((n) => Number(n.slice(0, -6)))
      .sort((a, b) => a - b);
    const last = segs.at(-1);
    // Sealed segments whose sidecar names their size are indexed after opening (at
    // 100,000 deals, 1 million entries: most of what opening the timeline cost).
    const later = await this.deferrable(segs, names);
    for (const seg of later) this.sealed.set(seg.seg, { maxAt: seg.maxAt });
    if (later.length > 0) this.loadingSealed = true;
    for (const seg of segs) {
      if (this.sealed.has(seg)) continue;
      const bytes = await fs.size(join(this.dir, segName(seg)));
      const sidecar = names.includes(sidecarName(seg)) ? await this.readSidecar(seg) : undefined;
      if (sidecar !== undefined && sidecar.bytes === bytes) {
        for (const l of sidecar.lines) {
          if (l[0] === null) this.removeLoaded(l[1]);
          else this.index.add(l[0], l[1], { seg, off: l[2], len: l[3] }, true);
        }
        this.sealed.set(seg, { maxAt: sidecar.maxAt });
        continue;
      }
      const { lines, maxAt, size, unfinished } = await this.scan(seg, seg === last);
      for (const u of unfinished) this.removedOnLoad.push({ seg, ...u });
      for (const l of lines) {
        if ('deleted' in l) this.removeLoaded(l.deleted);
        else this.index.add(l.recordId, l.id, { seg, off: l.off, len: l.len });
      }
      if (seg === last) {
        this.active = seg;
        this.activeSize = size;
        this.activeMaxAt = maxAt;
        this.activeLines = lines.map((l) =>
          'deleted' in l ? [null, l.deleted] : [l.recordId, l.id, l.off, l.len],
        );
      } else this.sealed.set(seg, { maxAt });
    }
    if (last !== undefined && this.sealed.has(last)) this.active = last + 1;
    if (later.length > 0) {
      this.ready = this.serial(() => this.loadSealed(later.map((l) => l.seg)));
      return;
    }
    await this.retain((this.options.now ?? Date.now)());
    await this.finishErases();
  }

  /**
   * The sealed segments to index after opening: all of them, when every one but the
   * last segment has a sidecar whose head names the segment's size (else none: they are
   * read now, as before). Only the head of each sidecar is read here.
   */
  private async deferrable(
    segs: readonly number[],
    names: readonly string[],
  ): Promise<Array<{ seg: number; maxAt: string }>> {
    const out: Array<{ seg: number; maxAt: string }> = [];
    for (const seg of segs) {
      if (!names.includes(sidecarName(seg))) break;
      const head = await this.sidecarHead(seg);
      if (
        head === undefined ||
        head.bytes !== (await this.options.fs.size(join(this.dir, segName(seg))))
      )
        return [];
      out.push({ seg, maxAt: head.maxAt });
    }
    // Every segment before the active one is sealed; a gap means something else: read now.
    return out.length >= segs.length - 1 ? out : [];
  }

  /** The `bytes` and `maxAt` a sidecar starts with (as `seal` writes it), if it does. */
  private async sidecarHead(seg: number): Promise<{ bytes: number; maxAt: string } | undefined> {
    const r = await this.options.fs.openRead(join(this.dir, sidecarName(seg)));
    try {
      const head = (await r.read(0, 256)).toString('utf8');
      const m = /^\{"bytes":(\d+),"maxAt":("(?:[^"\\]|\\.)*"),"lines":\[/.exec(head);
      return m === null
        ? undefined
        : { bytes: Number(m[1]), maxAt: JSON.parse(m[2] as string) as string };
    } finally {
      await r.close();
    }
  }

  /**
   * Indexes the sealed segments after opening (in the serial queue: no append, seal or
   * retention meanwhile): their sidecars (or, if one turns out unreadable, the segment),
   * oldest first, in front of the active segment's entries; then what opening does after
   * indexing (retention, unfinished erases). A failure is kept: reads and appends refuse.
   */
  private async loadSealed(segs: readonly number[]): Promise<void> {
    const older = new TimelineIndex();
    const removed: TimelineSpot[] = [];
    const drop = (id: string): void => {
      const spot = older.spot(id);
      if (spot !== undefined) removed.push(spot);
      older.remove(id);
    };
    for (const seg of segs) {
      const sidecar = await this.readSidecar(seg);
      if (sidecar !== undefined) {
        for (const l of sidecar.lines) {
          if (l[0] === null) drop(l[1]);
          else older.add(l[0], l[1], { seg, off: l[2], len: l[3] }, true);
        }
      } else {
        const { lines, unfinished } = await this.scan(seg, false);
        for (const u of unfinished) this.removedOnLoad.push({ seg, ...u });
        for (const l of lines) {
          if ('deleted' in l) drop(l.deleted);
          else older.add(l.recordId, l.id, { seg, off: l.off, len: l.len });
        }
      }
      await new Promise((r) => setImmediate(r));
    }
    // The active segment's deletions of entries in sealed segments.
    for (const id of this.deletedInSealed) drop(id);
    this.deletedInSealed.clear();
    this.index.prependAll(older);
    this.removedOnLoad.push(...removed);
    this.loadingSealed = false;
    await this.retain((this.options.now ?? Date.now)());
    await this.finishErases();
  }

  /** Spots of entries removed by deletion lines met while opening (checked by `finishErases`). */
  private removedOnLoad: TimelineSpot[] = [];

  private removeLoaded(id: string): void {
    const spot = this.index.spot(id);
    if (spot !== undefined) this.removedOnLoad.push(spot);
    else if (this.loadingSealed) this.deletedInSealed.add(id);
    this.index.remove(id);
  }

  /** Erases the removed entries' lines a crash (or a failed write) left readable. */
  private async finishErases(): Promise<void> {
    const spots = this.removedOnLoad;
    this.removedOnLoad = [];
    const bySeg = new Map<number, TimelineSpot[]>();
    for (const s of spots)
      if (s.seg === this.active || this.sealed.has(s.seg))
        bySeg.set(s.seg, [...(bySeg.get(s.seg) ?? []), s]);
    for (const [seg, list] of bySeg) {
      const reader = await this.options.fs.openRead(join(this.dir, segName(seg)));
      let left: TimelineSpot[];
      try {
        left = await unerased(reader, list);
      } finally {
        await reader.close();
      }
      if (left.length === 0) continue;
      this.options.log(
        `Conveyor: timeline/${segName(seg)} still holds ${left.length} removed entries (an erase cut short): erasing`,
      );
      await eraseLines(this.options.fs, join(this.dir, segName(seg)), left, this.options.fsync);
    }
  }

  /** Reads a segment line by line; the active one's torn tail is cut (the journal still has it). */
  private async scan(
    seg: number,
    isLast: boolean,
  ): Promise<{
    lines: SegmentLine[];
    maxAt: string;
    size: number;
    unfinished: Array<{ off: number; len: number }>;
  }> {
    const name = segName(seg);
    const file = join(this.dir, name);
    const parsed = parseSegment(await this.options.fs.readFile(file));
    if (parsed.damage !== undefined || (parsed.torn !== undefined && !isLast)) {
      const d = parsed.damage ?? { line: 0, offset: parsed.whole, reason: 'cut short' };
      throw new DataDirDamagedError(
        this.dataDir,
        `timeline/${name}`,
        `line ${d.line} (byte ${d.offset})`,
        d.reason,
      );
    }
    if (parsed.torn !== undefined) {
      this.options.log(
        `Conveyor: timeline/${name} ends with ${parsed.torn.bytes} bytes of an append cut short at byte ${parsed.torn.offset} (a crash; the journal replays it): cut`,
      );
      const h = await this.options.fs.open(file, 'r+');
      try {
        await h.truncate(parsed.whole);
        if (this.options.fsync) await h.datasync();
      } finally {
        await h.close();
      }
    }
    let maxAt = '';
    for (const l of parsed.lines) if (!('deleted' in l) && l.at > maxAt) maxAt = l.at;
    return { lines: parsed.lines, maxAt, size: parsed.whole, unfinished: parsed.unfinished };
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.serial(async () => {
      const h = this.handle;
      this.handle = undefined;
      await h?.close();
      for (const seg of [...this.readers.keys()]) await this.dropReader(seg);
    });
  }
}
